import type { NextRequest } from 'next/server';
import { withDatabase } from '@/lib/http/database-route';
import { auditCsvFilename, auditCsvHeader, auditCsvLines } from '@/lib/audit/csv';
import { auditHref, parseAuditFilters } from '@/lib/audit/params';
import { currentAdmin } from '@/lib/auth/session';
import { exportAuditEvents } from '@/lib/audit/audit-log';

// Downloads the audit log, as filtered on the page, as CSV: streamed batch by batch, so an export
// of any size holds one batch in memory and the first bytes leave at once.
export const GET = withDatabase(async (request: NextRequest): Promise<Response> => {
  const query = request.nextUrl.searchParams;
  const filters = parseAuditFilters(Object.fromEntries([...new Set(query.keys())].map((key) => [key, query.getAll(key)])));
  const admin = await currentAdmin();
  if (!admin) {
    // A browser following the link is sent to sign in and back to the log; anything else is told.
    const navigating = request.headers.get('sec-fetch-mode') === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html');
    if (navigating) {
      return new Response(null, { status: 303, headers: { Location: `/login?callbackUrl=${encodeURIComponent(auditHref(filters))}` } });
    }
    return new Response('Sign in to download the audit log.\n', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }

  const batches = exportAuditEvents(admin, filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(auditCsvHeader()));
    },
    // Reads the next batch only when the client has taken the last one.
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditCsvLines(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${auditCsvFilename()}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
