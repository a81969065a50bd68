import { addUser } from '@/lib/directory/user-changes';
import { listUsers } from '@/lib/directory/users';
import { deliverAfterResponse } from '@/lib/notifications/after-response';
import { listResponse } from '@/lib/api/pagination';
import { createUserBody, toUserListItem, userListQuery } from '@/lib/api/paths/users';
import { apiRoute } from '@/lib/api/route';
import { userAnswerAfter } from '@/lib/api/user-answer';

export const GET = apiRoute({}, async ({ admin, query, url, error }) => {
  const { accountId, q, number, status, license, after, before } = query(userListQuery);
  const page = await listUsers(admin, accountId, { q: q || undefined, after, before }, { filters: { number, status, license } });
  if (!page) return error('not-found', 'That account does not exist, or this token cannot reach it.');
  return listResponse(url, page, toUserListItem(page.account.id), { total: page.total });
});

// As the console's Add user: the invitation is queued with the user and sent once the answer has gone.
export const POST = apiRoute({ idempotent: true }, async (ctx) => {
  const input = ctx.body(createUserBody);
  const added = await addUser(ctx.admin, input);
  deliverAfterResponse(added);
  return userAnswerAfter(
    ctx,
    { accountId: input.accountId, id: added.id },
    { status: 201, headers: { Location: `/api/v1/users/${added.id}` } },
  );
});
