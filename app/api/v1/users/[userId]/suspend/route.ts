import { suspendUser } from '@/lib/directory/user-changes';
import { apiRoute } from '@/lib/api/route';
import { changeUser } from '@/lib/api/user-answer';

// As the console's Suspend user; one already suspended is answered as they are (the data function's repeat).
export const POST = apiRoute<{ userId: string }>({}, (ctx) =>
  changeUser(ctx, 'suspend-user', (user, version) => suspendUser(ctx.admin, { accountId: user.accountId, userId: user.id, version })),
);
