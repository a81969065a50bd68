import type { License, UserType } from '@/lib/generated/prisma/client';
import { editUser, removeUser } from '@/lib/directory/user-changes';
import { updateUserBody } from '@/lib/api/paths/users';
import { apiRoute } from '@/lib/api/route';
import { pathUser, userAnswer, userAnswerAfter } from '@/lib/api/user-answer';

export const GET = apiRoute<{ userId: string }>({}, async (ctx) => userAnswer(await pathUser(ctx)));

// As the console's Edit user, which saves all four fields: those the body leaves out are sent as
// they are, so only the named ones change. Without If-Match the version is the one just read.
export const PATCH = apiRoute<{ userId: string }>({}, async (ctx) => {
  const changes = ctx.body(updateUserBody);
  const ifMatch = ctx.ifMatch();
  const user = await pathUser(ctx);
  await editUser(ctx.admin, {
    accountId: user.accountId,
    userId: user.id,
    version: ifMatch ?? user.version,
    fullName: changes.fullName ?? user.fullName,
    email: changes.email ?? user.email,
    userType: changes.userType ?? (user.userType as UserType),
    license: changes.license ?? (user.license as License),
  });
  return userAnswerAfter(ctx, user);
});

// As the console's Remove user: their number goes back to the inventory in the same transaction.
export const DELETE = apiRoute<{ userId: string }>({}, async (ctx) => {
  const ifMatch = ctx.ifMatch();
  const user = await pathUser(ctx);
  await removeUser(ctx.admin, { accountId: user.accountId, userId: user.id, version: ifMatch ?? user.version });
  return userAnswerAfter(ctx, user);
});
