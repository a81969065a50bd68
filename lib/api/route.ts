import 'server-only';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { getPrisma } from '@/lib/db/client';
import { withDatabase } from '@/lib/http/database-route';
import { recordAudit } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { idempotent, requestHash } from './idempotency';
import { problem, problemFromDomainError, problemFromZodError, problemKindOf, type Problem, type ProblemKind } from './problem';
import { limits, take } from './rate-limit';
import { authenticateToken, type TokenRefusal } from './tokens';

// The one wrapper every machine route handler (REST under /api/v1, SCIM under /scim/v2) goes
// through: the caller is checked before anything is read, a refused caller is audited, the body
// and query are parsed with the same zod schemas the OpenAPI document is generated from, a data
// function's refusal becomes problem details (or SCIM's error), and every answer is no-store.
// A browser session cookie authorises nothing here: only `Authorization: Bearer <token>` does,
// which is also why these paths need no CSRF check (proxy.ts leaves them out).

/** How a route answers an error: problem+json by default, SCIM's error format for /scim/v2. */
export type ErrorResponder = (
  kind: ProblemKind,
  detail: string,
  options?: { errors?: Problem['errors']; headers?: HeadersInit },
) => Response;

/** Thrown by ctx.body() / ctx.query() and caught by the wrapper: answer with this response. */
export class ApiRefusal extends Error {
  constructor(readonly response: Response) {
    super('refused');
  }
}

export type ApiContext<P> = {
  request: NextRequest;
  admin: SessionAdmin;
  params: P;
  url: URL;
  /** The JSON body, parsed with `schema` (a refusal is a 400 naming each field). */
  body<S extends z.ZodType>(schema: S): z.output<S>;
  /** The query string, parsed with `schema` (each parameter's first value). */
  query<S extends z.ZodType>(schema: S): z.output<S>;
  /**
   * The version an `If-Match: "<version>"` names (a user's ETag), or undefined without the header.
   * A malformed header is a 400.
   */
  ifMatch(): number | undefined;
  /** Answers an error in this route's format (problem+json or SCIM). */
  error: ErrorResponder;
};

type Spec = {
  /** Which tokens may call: personal tokens (the REST API) or provisioning tokens (SCIM). */
  kind?: 'Personal' | 'Provisioning';
  /** A POST that honours Idempotency-Key. */
  idempotent?: boolean;
  /** The largest body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Media types a body may be sent as (default: application/json). */
  bodyTypes?: string[];
  error?: ErrorResponder;
};

const DEFAULT_MAX_BODY = 1024 * 1024;
const JSON_TYPES = ['application/json'];

const REFUSALS: Record<TokenRefusal['reason'], string> = {
  missing: 'Send an API token as "Authorization: Bearer <token>". A browser session does not authorise the API.',
  unknown: 'That API token is not valid.',
  revoked: 'That API token has been revoked.',
  expired: 'That API token has expired. Make a new one on the API tokens page.',
  stopped: 'That API token stopped working because its admin was disabled or their access changed. Make a new one.',
  'wrong-kind': 'That token cannot be used here: use a personal API token for /api/v1 and an account provisioning token for /scim/v2.',
};

export const defaultErrorResponder: ErrorResponder = (kind, detail, options) => problem(kind, detail, options);

function bearer(request: NextRequest): string | null {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer[ ]+([^\s]+)\s*$/i);
  return match ? match[1]! : null;
}

async function auditRefusedCaller(request: NextRequest, refusal: TokenRefusal) {
  await recordAudit(await getPrisma(), {
    admin: refusal.adminId ? { id: refusal.adminId, email: refusal.adminEmail ?? '', token: refusal.token } : null,
    action: 'api-request',
    outcome: 'Denied',
    // What was asked, never ids the caller claims (the path is kept as text, cut short).
    after: { method: request.method, path: request.nextUrl.pathname.slice(0, 300), reason: refusal.reason },
    detail: REFUSALS[refusal.reason],
  });
}

function firstValues(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in out)) out[key] = value;
  return out;
}

async function readBody(request: NextRequest, spec: Spec, error: ErrorResponder): Promise<string> {
  if (request.method === 'GET' || request.method === 'HEAD') return '';
  const max = spec.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > max) throw new ApiRefusal(error('payload-too-large', `A request body may be at most ${Math.floor(max / 1024)} KiB.`));
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new ApiRefusal(error('payload-too-large', `A request body may be at most ${Math.floor(max / 1024)} KiB.`));
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length > 0) {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(spec.bodyTypes ?? JSON_TYPES).includes(type))
      throw new ApiRefusal(error('unsupported-media-type', `Send the body as ${(spec.bodyTypes ?? JSON_TYPES).join(' or ')}.`));
  }
  return text;
}

/**
 * A machine route handler: `export const GET = apiRoute({}, async (ctx) => json(...))`.
 * Next calls it with the request and `{ params }`.
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  spec: Spec,
  handler: (ctx: ApiContext<P>) => Promise<Response>,
): (request: NextRequest, context: { params: Promise<P> }) => Promise<Response> {
  const error = spec.error ?? defaultErrorResponder;
  return withDatabase(async (request: NextRequest, context: { params: Promise<P> }) => {
    const checked = await authenticateToken(bearer(request), spec.kind ?? 'Personal');
    if ('refused' in checked) {
      // Refusals are audited; the ones without a token of ours share one window, so a flood of
      // them is answered 429 before it reaches the audit log.
      const window = take(checked.refused.token ? `token:${checked.refused.token.id}` : 'anonymous', limits().anonymous);
      if (!window.allowed)
        return error('too-many-requests', 'Too many requests without a valid token. Wait a minute.', { headers: window.headers });
      await auditRefusedCaller(request, checked.refused);
      return error('unauthenticated', REFUSALS[checked.refused.reason], {
        headers: {
          'WWW-Authenticate': `Bearer realm="switchboard"${checked.refused.reason === 'missing' ? '' : ', error="invalid_token"'}`,
        },
      });
    }
    const { admin } = checked;
    const window = take(`token:${admin.token!.id}`, limits().token);
    if (!window.allowed)
      return error('too-many-requests', `This token may make ${limits().token} requests a minute. Wait, then retry.`, {
        headers: window.headers,
      });

    let response: Response;
    let sentIfMatch = false;
    try {
      const text = await readBody(request, spec, error);
      let parsedBody: unknown;
      const ctx: ApiContext<P> = {
        request,
        admin,
        params: await context.params,
        url: request.nextUrl,
        body(schema) {
          if (parsedBody === undefined) {
            try {
              parsedBody = text ? JSON.parse(text) : {};
            } catch {
              throw new ApiRefusal(error('invalid-request', 'The body is not valid JSON.'));
            }
          }
          const result = schema.safeParse(parsedBody);
          if (!result.success) throw new ApiRefusal(problemFromZodErrorIn(result.error, 'body', error));
          return result.data;
        },
        query(schema) {
          const result = schema.safeParse(firstValues(request.nextUrl.searchParams));
          if (!result.success) throw new ApiRefusal(problemFromZodErrorIn(result.error, 'query', error));
          return result.data;
        },
        ifMatch() {
          const header = request.headers.get('if-match');
          if (header === null) return undefined;
          sentIfMatch = true;
          const match = header.trim().match(/^"v(\d{1,10})"$/);
          if (!match || Number(match[1]) > 2_147_483_647)
            throw new ApiRefusal(error('invalid-request', 'If-Match must be the ETag this API gave, such as "v3".'));
          return Number(match[1]);
        },
        error,
      };
      const answer = () => handler(ctx);
      response =
        spec.idempotent && request.method === 'POST'
          ? await idempotent(
              admin,
              request.headers.get('idempotency-key'),
              requestHash(request.method, request.nextUrl.pathname, text),
              answer,
            )
          : await answer();
    } catch (err) {
      if (err instanceof ApiRefusal) response = err.response;
      // The data function has audited its refusal already (lib/kernel/mutation.ts).
      else if (err instanceof DomainError) response = domainErrorIn(err, sentIfMatch, error);
      else throw err;
    }
    for (const [name, value] of Object.entries(window.headers)) response.headers.set(name, value);
    if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
    return response;
  });
}

function problemFromZodErrorIn(zodError: z.ZodError, where: 'body' | 'query', error: ErrorResponder): Response {
  if (error === defaultErrorResponder) return problemFromZodError(zodError, where);
  const first = zodError.issues[0];
  const field = first?.path.length ? first.path.map(String).join('.') : where;
  return error('invalid-request', first ? `${field}: ${first.message}` : 'The request is not valid.');
}

function domainErrorIn(err: DomainError, stale: boolean, error: ErrorResponder): Response {
  if (error === defaultErrorResponder) return problemFromDomainError(err, { stale });
  return error(problemKindOf(err, { stale }), err.message);
}

/** A JSON answer (no-store is added by the wrapper). */
export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** The ETag of a user (or anything versioned): the version its conditional writes check. */
export function etag(version: number): string {
  return `"v${version}"`;
}
