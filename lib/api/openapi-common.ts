import { z } from 'zod';
import type { ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { PROBLEM_MEDIA_TYPE, problemSchema } from './problem';

// Pieces every path in the OpenAPI document uses (lib/api/openapi.ts builds it from lib/api/paths/*).

const problemContent = { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } };

const RATE_HEADERS = z.object({
  RateLimit: z.string().meta({ description: 'Requests left in this window and seconds until it resets: `"default";r=599;t=42`.' }),
  'RateLimit-Policy': z.string().meta({ description: 'The limit: `"default";q=600;w=60` (600 requests per 60 seconds).' }),
});

const DESCRIPTIONS: Record<string, string> = {
  '400': 'The request is not valid: the body, query or a header. `errors` names each field.',
  '401': 'No token, or a token that is not valid, expired, revoked or stopped.',
  '403': 'The token (or its admin) may not do this.',
  '404': 'Not found, or not in an account this token can reach (the same answer).',
  '409': 'Someone else changed it first, or the request conflicts with the current state.',
  '412': 'If-Match named a version that is no longer current: read it again.',
  '413': 'The body is too large.',
  '415': 'The body is not JSON.',
  '422': 'Refused: the change is not allowed in the current state (the message says why).',
  '429': 'Too many requests: see Retry-After.',
};

/** Problem responses for the given statuses (401 and 429 are added to every operation). */
export function problems(...statuses: Array<keyof typeof DESCRIPTIONS>): ZodOpenApiResponsesObject {
  const out: Record<string, ZodOpenApiResponseObject> = {};
  for (const status of [...new Set([...statuses, '401', '429'])].sort())
    out[status] = { description: DESCRIPTIONS[status]!, content: problemContent };
  return out;
}

/** A JSON success response with the rate-limit headers. */
export function ok(description: string, schema: z.ZodType, headers?: z.ZodObject): ZodOpenApiResponseObject {
  return {
    description,
    headers: headers ? RATE_HEADERS.extend(headers.shape) : RATE_HEADERS,
    content: { 'application/json': { schema } },
  };
}

export const idempotencyKeyHeader = z.object({
  'Idempotency-Key': z
    .string()
    .max(255)
    .optional()
    .meta({ description: 'Any unique string (a UUID): a retry with the same key and body within 24 hours gets the first answer again.' }),
});

export const ifMatchHeader = z.object({
  'If-Match': z
    .string()
    .optional()
    .meta({ description: 'The ETag from a read (`"v3"`): the change is made only if it is still current, else 412.' }),
});

export const etagHeader = z.object({ ETag: z.string().meta({ description: 'The version, for If-Match: `"v3"`.' }) });
export const locationHeader = z.object({ Location: z.string().meta({ description: 'The new resource.' }) });

export const idParam = (name: string, description: string) => z.object({ [name]: z.string().max(64).meta({ description }) });
