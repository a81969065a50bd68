import { defineFixture, HTTP_PROJECT } from './fixture';

// /scim/v2: an account provisioned through its own token, by an Administrator of that account
// (who also has a personal token, which SCIM refuses), with a user already there (a duplicate
// userName) and a revoked token; another account with its own admin, token and user, which the
// first token must not reach; and an account of three users nobody else writes to, for paging.
export default defineFixture(
  'scim',
  async (f) => {
    const mine = await f.account('SCIM Mine');
    const other = await f.account('SCIM Other');
    const paged = await f.account('SCIM Paged');
    const admin = await f.admin({ accountIds: [mine.id, paged.id] });
    const otherAdmin = await f.admin({ accountIds: [other.id] });
    const provisioning = (adminId: string, accountId: string, revoked = false) =>
      f.token(adminId, { kind: 'Provisioning', accountId, revoked });
    return {
      mine,
      other,
      admin,
      token: await provisioning(admin.id, mine.id),
      revoked: await provisioning(admin.id, mine.id, true),
      personal: await f.token(admin.id),
      pagedToken: await provisioning(admin.id, paged.id),
      pagedUsers: [await f.user(paged.id, 'SCIM Page 1'), await f.user(paged.id, 'SCIM Page 2'), await f.user(paged.id, 'SCIM Page 3')],
      existing: await f.user(mine.id, 'SCIM Existing'),
      otherToken: await provisioning(otherAdmin.id, other.id),
      otherUser: await f.user(other.id, 'SCIM Theirs'),
      // Addresses for the users the tests create, unique to this run.
      entraEmail: f.email('scim-entra'),
      entraNewEmail: f.email('scim-entra-new'),
      oktaEmail: f.email('scim-okta'),
      patchEmail: f.email('scim-patch'),
      staleEmail: f.email('scim-stale'),
    };
  },
  { projects: [HTTP_PROJECT] },
);
