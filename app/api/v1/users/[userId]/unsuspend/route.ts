import { unsuspendUser } from '@/lib/directory/user-changes';
import { apiRoute } from '@/lib/api/route';
import { changeUser } from '@/lib/api/user-answer';

// As the console's Unsuspend user; one not suspended is answered as they are (the data function's repeat).
export const POST = apiRoute<{ userId: string }>({}, (ctx) =>
  changeUser(ctx, 'unsuspend-user', (user, version) => unsuspendUser(ctx.admin, { accountId: user.accountId, userId: user.id, version })),
);
