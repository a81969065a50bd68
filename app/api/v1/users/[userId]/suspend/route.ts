import { suspendUser } from '@/lib/directory/user-changes';
import { apiRoute } from '@/lib/api/route';
import { pathUser, userAnswerAfter } from '@/lib/api/user-answer';

// As the console's Suspend user; one already suspended is answered as they are (the data function's repeat).
export const POST = apiRoute<{ userId: string }>({}, async (ctx) => {
  const ifMatch = ctx.ifMatch();
  const user = await pathUser(ctx);
  await suspendUser(ctx.admin, { accountId: user.accountId, userId: user.id, version: ifMatch ?? user.version });
  return userAnswerAfter(ctx, user);
});
