import { defineFixture } from './fixture';
import { uniqueLocalE164 } from '../lib/test/factories';

// Every page and error state, checked by axe and for structure: an account with users with and
// without numbers, a free number, an email in the Outbox, and admins to look at and to look as.
export default defineFixture('accessibility', async (f) => {
  const { loadSessionAdmin } = await import('../lib/kernel/session-admin');
  const { editTelephonyPermissions } = await import('../lib/telephony/telephony');
  const account = await f.account('A11y');
  const withoutNumber = async (label: string) => {
    const u = await f.user(account.id, `A11y ${label}`);
    return { id: u.id, fullName: u.fullName };
  };
  const withNumber = (label: string) => f.userWithNumber(account.id, `A11y ${label}`);
  const manager = await f.admin({ allAccounts: true });
  // An email in the Outbox, queued with a change of permissions (which need a number).
  const notified = await withNumber('Notified');
  const session = await loadSessionAdmin(manager.id, 1);
  if (!session) throw new Error('e2e data: an admin just made has no session');
  await editTelephonyPermissions(session, {
    accountId: account.id,
    userId: notified.id,
    version: 1,
    inboundCalling: true,
    outboundCalling: false,
    sms: false,
    notifyUser: true,
  });
  // A removed user (with a number, given back), whose page stays readable.
  const { removeUser } = await import('../lib/directory/user-changes');
  const removed = await withNumber('Removed');
  await removeUser(session, { accountId: account.id, userId: removed.id, version: 1 });
  // The suite's admin, with an API token of their own for the API tokens pages.
  const admin = await f.admin({ accountIds: [account.id] });
  const token = await f.token(admin.id, { name: f.name('A11y token') });
  const scimToken = await f.token(admin.id, { kind: 'Provisioning', accountId: account.id, name: f.name('A11y directory') });
  // A permission preset: its pages, and the assign forms' "Permissions after assigning" with a choice.
  const presetName = f.name('A11y calling');
  const preset = await f.prisma.permissionPreset.create({
    data: { accountId: account.id, name: presetName, nameKey: presetName.toLowerCase(), inboundCalling: true, outboundCalling: true },
    select: { id: true, name: true },
  });
  const outboxMessage = await f.prisma.outboxMessage.findFirstOrThrow({
    where: { userId: notified.id },
    select: { id: true, subject: true },
  });
  return {
    admin,
    token: { id: token.id, name: token.name },
    scimToken: { id: scimToken.id, name: scimToken.name },
    preset,
    viewer: await f.admin({ role: 'ReadOnly', accountIds: [account.id] }),
    /** An Administrator of all accounts, for the Admins pages. */
    manager,
    accountId: account.id,
    accountName: account.name,
    withoutNumber: await withoutNumber('WithoutNumber'),
    withNumber: await withNumber('WithNumber'),
    /** Given permissions by the test, to show the change banner. */
    changed: await withNumber('Changed'),
    /** Edited from two pages, so the second gets "someone else changed this first". */
    stale: await withNumber('Stale'),
    removed: { id: removed.id, fullName: removed.fullName },
    /** Given another licence by "many at once" (so the result page has something to say). */
    bulkTarget: await withoutNumber('BulkTarget'),
    /** An address no user has yet, for the Import users preview. */
    importEmail: f.email('A11y Imported'),
    number: await f.freeNumber(),
    outboxMessage,
    /** A valid number not in the inventory, for the Add preview. */
    notYetAdded: uniqueLocalE164(),
    subjectAdmin: await f.admin({ accountIds: [account.id] }),
    disabledAdmin: await f.admin({ accountIds: [account.id], disabled: true }),
  };
});
