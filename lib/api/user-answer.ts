import 'server-only';
import { getUser, type UserDetails } from '@/lib/directory/users';
import type { AuditAction } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import { auditRefusal } from '@/lib/kernel/mutation';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { deliverAfterResponse } from '@/lib/notifications/after-response';
import { findUser, USER_NOT_FOUND } from './lookup';
import { toApiUser } from './paths/users';
import { problemFromDomainError } from './problem';
import { ApiRefusal, etag, json, type ApiContext, type ErrorResponder } from './route';

// What every /api/v1/users/{userId} route shares: the user the path names (404 when missing or out
// of the token's reach, the same answer), a change made with the version If-Match named (or the one
// just read), and the user as they are after it, with their ETag.

type Caller = { admin: SessionAdmin; error: ErrorResponder };

/**
 * The user of `/users/{userId}`; a 404 (answered by the wrapper) when missing or not reachable.
 * For a change (`action`), that refusal is audited as the console audits it, with the id the
 * caller asked for kept as what was attempted, not as the row's user.
 */
export async function pathUser(ctx: Caller & { params: { userId: string } }, action?: AuditAction): Promise<UserDetails> {
  const user = await findUser(ctx.admin, ctx.params.userId);
  if (user) return user;
  if (action)
    await auditRefusal(ctx.admin, action, new DomainError('not-found', USER_NOT_FOUND), {
      attempted: { userId: ctx.params.userId.slice(0, 64) },
    });
  throw new ApiRefusal(ctx.error('not-found', USER_NOT_FOUND));
}

/** The user as a JSON answer with `ETag: "v<version>"`. */
export function userAnswer(user: UserDetails, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('ETag', etag(user.version));
  return json(toApiUser(user), { ...init, headers });
}

/** Reads the user again after a change and answers with them as they are now. */
export async function userAnswerAfter(ctx: Caller, user: { accountId: string; id: string }, init?: ResponseInit): Promise<Response> {
  const now = await getUser(ctx.admin, user.accountId, user.id);
  if (!now) return ctx.error('not-found', USER_NOT_FOUND);
  return userAnswer(now, init);
}

/**
 * Changes the path's user with `change(user, version)` and answers with them afterwards. The
 * version is If-Match's when sent, else the one just read, so a change racing another loses
 * cleanly. A conflict is 412 only when the version If-Match named is no longer current; when it
 * still is, the conflict is about something else (a number someone else holds) and re-reading the
 * user would not help: 409, as without If-Match. A change that queued an email sends it after the
 * answer has gone. `change` may answer itself (a refusal it found) by returning a Response.
 */
export async function changeUser<R>(
  ctx: ApiContext<{ userId: string }>,
  action: AuditAction,
  change: (user: UserDetails, version: number) => Promise<R | Response>,
  status: (result: R) => number = () => 200,
): Promise<Response> {
  const ifMatch = ctx.ifMatch();
  const user = await pathUser(ctx, action);
  let result: R | Response;
  try {
    result = await change(user, ifMatch ?? user.version);
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'conflict' && ifMatch !== undefined) {
      const now = await findUser(ctx.admin, user.id);
      if (now?.version === ifMatch) return problemFromDomainError(err);
    }
    throw err;
  }
  if (result instanceof Response) return result;
  const notified = (result as { notified?: unknown } | null)?.notified;
  if (typeof notified === 'boolean') deliverAfterResponse({ notified });
  return userAnswerAfter(ctx, user, { status: status(result) });
}
