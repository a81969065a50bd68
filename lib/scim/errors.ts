import type { ErrorResponder } from '@/lib/api/route';
import type { ProblemKind } from '@/lib/api/problem';
import { ERROR_SCHEMA, SCIM_MEDIA_TYPE } from './discovery';

// SCIM's error format (RFC 7644 §3.12): {schemas: [Error], status: "409", scimType?, detail}.
// lib/api/route.ts answers every refusal it makes (no token, rate limit, a bad body) and every
// DomainError of a data function through `scimErrorResponder`, so /scim/v2 never answers
// problem+json; the SCIM code throws ScimRefusal for what only SCIM says (invalidFilter, noTarget,
// uniqueness).

export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

export type ScimErrorBody = { schemas: [typeof ERROR_SCHEMA]; status: string; scimType?: ScimType; detail: string };

/** A refusal in SCIM's words, thrown by lib/scim and answered by the route as it is. */
export class ScimRefusal extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | undefined,
    detail: string,
  ) {
    super(detail);
    this.name = 'ScimRefusal';
  }
}

export function scimError(status: number, detail: string, scimType?: ScimType, headers?: HeadersInit): Response {
  const body: ScimErrorBody = { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail };
  const h = new Headers(headers);
  h.set('Content-Type', SCIM_MEDIA_TYPE);
  h.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: h });
}

const KINDS: Record<ProblemKind, { status: number; scimType?: ScimType }> = {
  unauthenticated: { status: 401 },
  forbidden: { status: 403 },
  'not-found': { status: 404 },
  conflict: { status: 409 },
  stale: { status: 412 },
  // A body that is not JSON, or an If-Match that is not one of ours.
  'invalid-request': { status: 400, scimType: 'invalidSyntax' },
  // A data function's refusal of a value (the console's message for the same field).
  invalid: { status: 400, scimType: 'invalidValue' },
  'too-many-requests': { status: 429 },
  'idempotency-key-reused': { status: 422 },
  'idempotency-key-in-use': { status: 409 },
  'method-not-allowed': { status: 405 },
  'payload-too-large': { status: 413 },
  'unsupported-media-type': { status: 415 },
};

/** The ErrorResponder for apiRoute: every refusal on /scim/v2 in SCIM's format. */
export const scimErrorResponder: ErrorResponder = (kind, detail, options) => {
  const { status, scimType } = KINDS[kind];
  return scimError(status, detail, scimType, options?.headers);
};
