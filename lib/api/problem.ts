import { z } from 'zod';
import { DomainError } from '@/lib/kernel/errors';

// Errors as RFC 9457 problem details (application/problem+json). `detail` is the message the
// console shows on its form for the same refusal; `errors` names each field that was refused.

export const PROBLEM_TYPE_BASE = 'https://switchboard.invalid/problems/';

export type ProblemKind =
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'stale'
  | 'invalid-request'
  | 'invalid'
  | 'too-many-requests'
  | 'idempotency-key-reused'
  | 'idempotency-key-in-use'
  | 'method-not-allowed'
  | 'payload-too-large'
  | 'unsupported-media-type';

const PROBLEMS: Record<ProblemKind, { status: number; title: string }> = {
  unauthenticated: { status: 401, title: 'A valid API token is needed' },
  forbidden: { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  stale: { status: 412, title: 'Changed since you read it' },
  'invalid-request': { status: 400, title: 'The request is not valid' },
  invalid: { status: 422, title: 'Refused' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency-Key used for another request' },
  'idempotency-key-in-use': { status: 409, title: 'A request with this Idempotency-Key is still being answered' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'payload-too-large': { status: 413, title: 'Too much at once' },
  'unsupported-media-type': { status: 415, title: 'Send JSON' },
};

export const fieldErrorSchema = z
  .object({
    field: z.string().meta({ description: 'The body field or query parameter, as a dotted path.' }),
    message: z.string(),
  })
  .meta({ id: 'FieldError' });

export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'A URI naming the kind of problem.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: 'What went wrong, in the words the console uses for the same refusal.' }),
    instance: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export function problem(
  kind: ProblemKind,
  detail: string,
  options: { instance?: string; errors?: Problem['errors']; headers?: HeadersInit } = {},
): Response {
  const { status, title } = PROBLEMS[kind];
  const body: Problem = {
    type: PROBLEM_TYPE_BASE + kind,
    title,
    status,
    detail,
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.errors?.length ? { errors: options.errors } : {}),
  };
  const headers = new Headers(options.headers);
  headers.set('Content-Type', PROBLEM_MEDIA_TYPE);
  headers.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers });
}

/** The problem kind for a data function's refusal. */
export function problemKindOf(error: DomainError, { stale = false } = {}): ProblemKind {
  switch (error.kind) {
    case 'denied':
      return 'forbidden';
    case 'not-found':
      return 'not-found';
    case 'conflict':
      return stale ? 'stale' : 'conflict';
    case 'invalid':
      return 'invalid';
  }
}

/** A data function's refusal as problem details; `stale`: the client sent If-Match, so a conflict is 412. */
export function problemFromDomainError(error: DomainError, options: { instance?: string; stale?: boolean } = {}): Response {
  return problem(problemKindOf(error, options), error.message, {
    instance: options.instance,
    errors: error.field ? [{ field: error.field, message: error.message }] : undefined,
  });
}

/** A zod failure on a body or query as a 400 with one entry per field. */
export function problemFromZodError(error: z.ZodError, where: 'body' | 'query', instance?: string): Response {
  const errors = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : where,
    message: issue.message,
  }));
  const detail =
    errors.length === 1 ? errors[0]!.message : `${errors.length} fields need attention: ${errors.map((e) => e.field).join(', ')}.`;
  return problem('invalid-request', detail, { instance, errors });
}
