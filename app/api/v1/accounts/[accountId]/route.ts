import { getAccount } from '@/lib/directory/accounts';
import { toAccount } from '@/lib/api/paths/accounts';
import { apiRoute, json } from '@/lib/api/route';

export const GET = apiRoute<{ accountId: string }>({}, async ({ admin, params, error }) => {
  const account = await getAccount(admin, params.accountId);
  if (!account) return error('not-found', 'That account does not exist, or this token cannot reach it.');
  return json(toAccount(account));
});
