import { defineFixture, HTTP_PROJECT } from './fixture';

// /api/v1/users: an account whose users the changes are made to (default licence Basic, so a
// user added without one shows it), an account of three users for the filters and the search, an
// account of 27 for paging across two pages, and another account the scoped admin does not
// administer. Each test changes users of its own.
export default defineFixture(
  'api-users',
  async (f) => {
    const mine = await f.account('API Users Mine');
    await f.prisma.account.update({ where: { id: mine.id }, data: { defaultLicense: 'Basic' } });
    const filtered = await f.account('API Users Filtered');
    const paged = await f.account('API Users Paged');
    const other = await f.account('API Users Other');

    const full = await f.admin({ allAccounts: true });
    const scoped = await f.admin({ accountIds: [mine.id, filtered.id, paged.id] });

    // The filters: a number or not, each registration status, three licences.
    const alice = await f.userWithNumber(filtered.id, 'Filter Alice');
    await f.prisma.user.update({
      where: { id: alice.id },
      data: { registrationStatus: 'Registered', lastSignInAt: new Date(), license: 'Pro' },
    });
    const bob = await f.user(filtered.id, 'Filter Bob');
    await f.prisma.user.update({ where: { id: bob.id }, data: { registrationStatus: 'Suspended', license: 'Basic' } });
    const carol = await f.user(filtered.id, 'Filter Carol');
    await f.prisma.user.update({ where: { id: carol.id }, data: { license: 'Plus' } });

    const pagedUsers = [];
    for (let i = 1; i <= 27; i++) pagedUsers.push((await f.user(paged.id, `Paged ${String(i).padStart(2, '0')}`)).fullName);

    const on = { inboundCalling: true, outboundCalling: true, sms: true };
    return {
      mine,
      filtered,
      paged,
      other,
      full: { ...full, token: await f.token(full.id) },
      scoped: { ...scoped, token: await f.token(scoped.id), readOnly: await f.token(scoped.id, { readOnly: true }) },
      alice,
      bob,
      carol,
      pagedUsers,
      toRead: await f.userWithNumber(mine.id, 'Read Me'),
      taken: await f.user(mine.id, 'Taken Email'),
      toEdit: await f.user(mine.id, 'Edit Me'),
      toEditIfMatch: await f.user(mine.id, 'Edit Me If Match'),
      toSuspend: await (async () => {
        const u = await f.userWithNumber(mine.id, 'Suspend Me');
        await f.prisma.user.update({ where: { id: u.id }, data: on });
        return u;
      })(),
      toRemove: await (async () => {
        const u = await f.userWithNumber(mine.id, 'Remove Me');
        await f.prisma.user.update({ where: { id: u.id }, data: on });
        return u;
      })(),
      readOnlyTarget: await f.user(mine.id, 'Read Only Target'),
      otherUser: await f.userWithNumber(other.id, 'Other Account User'),
      newName: f.name('API Added'),
      newEmail: f.email('api-added'),
    };
  },
  { projects: [HTTP_PROJECT] },
);
