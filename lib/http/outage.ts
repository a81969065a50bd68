// The 503 answers while the database is down (docs/decisions/016): a short page for a browser,
// problem+json (RFC 9457) for a machine route, plain text for a server action posted by
// JavaScript (Next's client shows a text/plain error's body as the error's message). None says
// more than that the database is unreachable: no stack, no host.
import { resourceHeaders } from './header-values.js';
import { securityHeaders } from './security-headers';
import { OUTAGE_DIGEST, OUTAGE_MESSAGE, OUTAGE_TITLE, RETRY_AFTER_SECONDS } from './outage-words';

/** Route handlers answered to programs: the REST and auth endpoints, and the CSV downloads. */
export function isMachineRoute(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/') || pathname.endsWith('/export');
}

type Asked = { method: string; pathname: string; search?: string; headers: { has(name: string): boolean } };

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function outagePage(asked: Pick<Asked, 'method' | 'pathname' | 'search'>): string {
  const posted = asked.method !== 'GET' && asked.method !== 'HEAD';
  // Back to the page asked for (a GET of the same address); only plain path characters.
  const again = escapeHtml(asked.pathname.replace(/[^A-Za-z0-9/_.~-]/g, '') + (posted ? '' : (asked.search ?? '')));
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>Error: ${OUTAGE_TITLE} – Switchboard</title></head><body><main>` +
    `<h1>${OUTAGE_TITLE}</h1><p>${OUTAGE_MESSAGE}</p>` +
    (posted ? '<p>What you sent was not saved: nothing was changed. Send it again once Switchboard is back.</p>' : '') +
    `<p><a href="${again}">Try again</a></p></main></body></html>`
  );
}

export function outageProblem(instance?: string): string {
  return JSON.stringify({
    type: 'about:blank',
    title: 'Service Unavailable',
    status: 503,
    detail: OUTAGE_MESSAGE,
    code: OUTAGE_DIGEST,
    ...(instance ? { instance } : {}),
  });
}

/** The 503 for `asked`, with the headers its kind of route has. */
export function outageResponse(asked: Asked, https: boolean): Response {
  const retry = { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' };
  if (isMachineRoute(asked.pathname)) {
    return new Response(outageProblem(asked.pathname), {
      status: 503,
      headers: { 'Content-Type': 'application/problem+json', ...retry, ...resourceHeaders('api', https) },
    });
  }
  if (asked.headers.has('next-action')) {
    // Exactly `text/plain`: Next's client only then takes the body as the message it throws.
    return new Response(OUTAGE_MESSAGE, {
      status: 503,
      headers: { 'Content-Type': 'text/plain', ...retry, ...resourceHeaders('api', https) },
    });
  }
  return new Response(outagePage(asked), {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...retry, ...securityHeaders(crypto.randomUUID(), https) },
  });
}
