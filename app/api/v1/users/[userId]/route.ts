import { editUser, removeUser, type EditUserInput } from '@/lib/directory/user-changes';
import { updateUserBody } from '@/lib/api/paths/users';
import { apiRoute } from '@/lib/api/route';
import { changeUser, pathUser, userAnswer } from '@/lib/api/user-answer';

export const GET = apiRoute<{ userId: string }>({}, async (ctx) => userAnswer(await pathUser(ctx)));

// As the console's Edit user, which saves all four fields: those the body leaves out are sent as
// they are, so only the named ones change. Without If-Match the version is the one just read.
export const PATCH = apiRoute<{ userId: string }>({}, async (ctx) => {
  const changes = ctx.body(updateUserBody);
  return changeUser(ctx, 'edit-user', (user, version) =>
    editUser(ctx.admin, {
      accountId: user.accountId,
      userId: user.id,
      version,
      fullName: changes.fullName ?? user.fullName,
      email: changes.email ?? user.email,
      userType: changes.userType ?? (user.userType as EditUserInput['userType']),
      license: changes.license ?? (user.license as EditUserInput['license']),
    }),
  );
});

// As the console's Remove user: their number goes back to the inventory in the same transaction.
export const DELETE = apiRoute<{ userId: string }>({}, (ctx) =>
  changeUser(ctx, 'remove-user', (user, version) => removeUser(ctx.admin, { accountId: user.accountId, userId: user.id, version })),
);
