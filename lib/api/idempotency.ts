import 'server-only';
import crypto from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { problem } from './problem';

// Idempotency-Key on POST (draft-ietf-httpapi-idempotency-key-header): the first request with a
// key is answered and its answer kept for 24 hours; a retry with the same key and the same
// request gets that answer again (with `Idempotency-Replayed: true`), without doing anything; the
// same key with a different request is refused (422), and one sent while the first is still being
// answered gets 409. Keys belong to the admin, whichever of their tokens sends them. Answers of
// 5xx or 429 are not kept: the client should retry those, and the retry does the work.

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const KEPT_HEADERS = ['Location', 'ETag'];

export function requestHash(method: string, pathname: string, body: string): string {
  return crypto.createHash('sha256').update(`${method} ${pathname}\n`).update(body).digest('hex');
}

/** Runs `answer` at most once per (admin, key, request) within the window. */
export async function idempotent(
  admin: SessionAdmin,
  key: string | null,
  hash: string,
  answer: () => Promise<Response>,
): Promise<Response> {
  if (key === null) return answer();
  if (!KEY_PATTERN.test(key))
    return problem('invalid-request', 'Idempotency-Key must be 1 to 255 visible ASCII characters.', {
      errors: [{ field: 'Idempotency-Key', message: 'Use 1 to 255 visible ASCII characters, such as a UUID.' }],
    });
  const prisma = await getPrisma();
  const id = { adminId_key: { adminId: admin.id, key } };
  // An expired key is forgotten first, so it can be used again.
  await prisma.idempotencyKey.deleteMany({
    where: { adminId: admin.id, key, createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS) } },
  });
  const claimed = await prisma.idempotencyKey.createMany({ data: [{ adminId: admin.id, key, requestHash: hash }], skipDuplicates: true });
  if (claimed.count === 0) {
    const first = await prisma.idempotencyKey.findUnique({ where: id });
    if (!first) return answer();
    if (first.requestHash !== hash)
      return problem(
        'idempotency-key-reused',
        'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
      );
    if (first.status === null)
      return problem('idempotency-key-in-use', 'The first request with this Idempotency-Key is still being answered. Retry in a moment.', {
        headers: { 'Retry-After': '1' },
      });
    const headers = new Headers((first.headers as Record<string, string> | null) ?? {});
    headers.set('Content-Type', first.status >= 400 ? 'application/problem+json' : 'application/json');
    headers.set('Cache-Control', 'no-store');
    headers.set('Idempotency-Replayed', 'true');
    return new Response(first.body === null ? null : JSON.stringify(first.body), { status: first.status, headers });
  }
  let response: Response;
  try {
    response = await answer();
  } catch (err) {
    await prisma.idempotencyKey.delete({ where: id }).catch(() => {});
    throw err;
  }
  if (response.status >= 500 || response.status === 429) {
    await prisma.idempotencyKey.delete({ where: id }).catch(() => {});
    return response;
  }
  const text = await response.clone().text();
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value) kept[name] = value;
  }
  await prisma.idempotencyKey.update({
    where: id,
    data: { status: response.status, body: text ? (JSON.parse(text) as Prisma.InputJsonValue) : Prisma.DbNull, headers: kept },
  });
  return response;
}

/** Forgets keys older than the window (called by the outbox sweep's schedule). */
export async function purgeIdempotencyKeys(now = new Date()): Promise<number> {
  const prisma = await getPrisma();
  const { count } = await prisma.idempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS) } },
  });
  return count;
}
