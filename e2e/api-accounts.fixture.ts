import { defineFixture, HTTP_PROJECT } from './fixture';

// /api/v1/accounts: an Administrator of all accounts (who may create accounts), an admin of one
// account, a ReadOnly admin, and a read-only token of the first; an account the scoped admin
// does not administer.
export default defineFixture(
  'api-accounts',
  async (f) => {
    const mine = await f.account('API Mine');
    const other = await f.account('API Other');
    const full = await f.admin({ allAccounts: true });
    const scoped = await f.admin({ accountIds: [mine.id] });
    return {
      mine,
      other,
      full: { ...full, token: await f.token(full.id), readOnly: await f.token(full.id, { readOnly: true }) },
      scoped: { ...scoped, token: await f.token(scoped.id) },
      newName: f.name('API Created'),
    };
  },
  { projects: [HTTP_PROJECT] },
);
