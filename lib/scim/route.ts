import 'server-only';
import type { NextRequest } from 'next/server';
import { apiRoute, type ApiContext } from '@/lib/api/route';
import { SCIM_MEDIA_TYPE } from './discovery';
import { scimError, scimErrorResponder, ScimRefusal } from './errors';

// Every /scim/v2 route handler: apiRoute with a provisioning token (narrowed to its account),
// SCIM's error format, and SCIM's media type accepted beside JSON (Okta and Entra ID send
// application/scim+json). A ScimRefusal from lib/scim becomes its error answer here.

const SPEC = {
  kind: 'Provisioning',
  error: scimErrorResponder,
  bodyTypes: [SCIM_MEDIA_TYPE, 'application/json'],
} as const;

export function scimRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<Response>,
): (request: NextRequest, context: { params: Promise<P> }) => Promise<Response> {
  return apiRoute<P>({ ...SPEC, bodyTypes: [...SPEC.bodyTypes] }, async (ctx) => {
    try {
      return await handler(ctx);
    } catch (err) {
      if (err instanceof ScimRefusal) return scimError(err.status, err.message, err.scimType);
      throw err;
    }
  });
}

/** A SCIM answer (no-store is added by apiRoute). */
export function scimJson(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', SCIM_MEDIA_TYPE);
  return new Response(JSON.stringify(body), { ...init, headers });
}

/**
 * The address clients reach /scim/v2 at, for meta.location and Location: AUTH_URL's origin when
 * set (the address admins use), else the request's own.
 */
export function scimBase(requestOrigin: string): string {
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  let origin = requestOrigin;
  if (configured) {
    try {
      origin = new URL(configured).origin;
    } catch {
      // A malformed AUTH_URL is next-auth's to complain about; the request's origin will do.
    }
  }
  return `${origin}/scim/v2`;
}
