import { createAccount } from '@/lib/directory/account-changes';
import { getAccount, listAccounts } from '@/lib/directory/accounts';
import { accountListQuery, createAccountBody, toAccount, toAccountListItem } from '@/lib/api/paths/accounts';
import { listResponse } from '@/lib/api/pagination';
import { apiRoute, json } from '@/lib/api/route';

export const GET = apiRoute({}, async ({ admin, query, url }) => {
  const params = query(accountListQuery);
  return listResponse(
    url,
    await listAccounts(admin, { q: params.q || undefined, after: params.after, before: params.before }),
    toAccountListItem,
  );
});

export const POST = apiRoute({ idempotent: true }, async ({ admin, body }) => {
  const input = body(createAccountBody);
  const created = await createAccount(admin, input);
  const account = await getAccount(admin, created.id);
  return json(toAccount(account!), { status: 201, headers: { Location: `/api/v1/accounts/${created.id}` } });
});
