import type { NextRequest } from 'next/server';
import { withDatabase } from '@/lib/http/database-route';
import { currentAdmin } from '@/lib/auth/session';
import { exportUsers, findExportableAccount, userCsvFilename, userCsvHeader, userCsvLines } from '@/lib/directory/user-export';
import { parseUserFilters, userListQuery } from '@/lib/directory/user-params';
import { isId } from '@/lib/kernel/labels';
import { parseListParams } from '@/lib/kernel/pagination';

type Context = { params: Promise<{ accountId: string }> };

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

// Downloads an account's users, as filtered on the Users page, as CSV: streamed batch by batch, so
// an export of any size holds one batch in memory and the first bytes leave at once.
export const GET = withDatabase(async (request: NextRequest, { params }: Context): Promise<Response> => {
  const { accountId } = await params;
  const query = request.nextUrl.searchParams;
  const raw = Object.fromEntries([...new Set(query.keys())].map((key) => [key, query.getAll(key)]));
  const filters = parseUserFilters(raw);
  const { q } = parseListParams(raw);
  const admin = await currentAdmin();
  if (!admin) {
    // A browser following the link is sent to sign in and back to the list; anything else is told.
    const navigating = request.headers.get('sec-fetch-mode') === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html');
    if (navigating && isId(accountId)) {
      const back = new URLSearchParams(Object.entries(userListQuery(filters, q)).filter((e): e is [string, string] => Boolean(e[1])));
      const path = `/accounts/${accountId}/users${back.size ? `?${back.toString()}` : ''}`;
      return new Response(null, { status: 303, headers: { Location: `/login?callbackUrl=${encodeURIComponent(path)}` } });
    }
    return text('Sign in to download the users.\n', 401);
  }
  // Another account's users, or no such account: the same answer.
  const account = isId(accountId) ? await findExportableAccount(admin, accountId) : null;
  if (!account) return text('Not found.\n', 404);

  const batches = exportUsers(admin, account.id, filters, q);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(userCsvHeader()));
    },
    // Reads the next batch only when the client has taken the last one.
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(userCsvLines(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${userCsvFilename(account.name)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
