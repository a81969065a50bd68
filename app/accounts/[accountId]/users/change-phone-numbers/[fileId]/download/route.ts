import type { NextRequest } from 'next/server';
import { withDatabase } from '@/lib/http/database-route';
import { currentAdmin } from '@/lib/auth/session';
import { isId } from '@/lib/kernel/labels';
import { changeFileCsv } from '@/lib/telephony/phone-change-files';

type Context = { params: Promise<{ accountId: string; fileId: string }> };

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

// A file of changes as CSV: its own columns, then each row's outcome and message (of the dry run
// before Apply, of what happened after), for the admin who uploaded it.
export const GET = withDatabase(async (request: NextRequest, { params }: Context): Promise<Response> => {
  const { accountId, fileId } = await params;
  const admin = await currentAdmin();
  if (!admin) {
    const navigating = request.headers.get('sec-fetch-mode') === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html');
    if (navigating && isId(accountId) && isId(fileId)) {
      const path = `/accounts/${accountId}/users/change-phone-numbers/${fileId}`;
      return new Response(null, { status: 303, headers: { Location: `/login?callbackUrl=${encodeURIComponent(path)}` } });
    }
    return text('Sign in to download the result.\n', 401);
  }
  const file = isId(accountId) && isId(fileId) ? await changeFileCsv(admin, accountId, fileId) : null;
  if (!file) return text('Not found.\n', 404);
  const name = `phone-number-changes-${file.applied ? 'result' : 'dry-run'}-${fileId}.csv`;
  return new Response(file.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
