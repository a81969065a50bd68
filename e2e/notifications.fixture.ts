import { defineFixture } from './fixture';

// A user for each form with the email box selected and cleared, and an email about a user in an
// account the spec's admin does not administer (which must be "Page not found").
export default defineFixture('notifications', async (f) => {
  const { loadSessionAdmin } = await import('../lib/kernel/session-admin');
  const { editTelephonyPermissions } = await import('../lib/telephony/telephony');
  const account = await f.account('Notifications');
  const user = async (label: string) => {
    const u = await f.user(account.id, `Note ${label}`);
    return { id: u.id, fullName: u.fullName, email: u.email };
  };
  const withNumber = (label: string) => f.userWithNumber(account.id, `Note ${label}`);

  const hidden = await f.account('Notifications Not Yours');
  const hiddenRecipient = await f.userWithNumber(hidden.id, 'Note Hidden');
  const everyAccount = await f.admin();
  const session = await loadSessionAdmin(everyAccount.id, 1);
  if (!session) throw new Error('e2e data: an admin just made has no session');
  await editTelephonyPermissions(session, {
    accountId: hidden.id,
    userId: hiddenRecipient.id,
    version: 1,
    inboundCalling: true,
    outboundCalling: false,
    sms: false,
    notifyUser: true,
  });
  const hiddenMessage = await f.prisma.outboxMessage.findFirstOrThrow({ where: { userId: hiddenRecipient.id }, select: { id: true } });
  return {
    admin: await f.admin({ accountIds: [account.id] }),
    accountId: account.id,
    accountName: account.name,
    assignOn: await user('AssignOn'),
    assignOff: await user('AssignOff'),
    numberOn: await f.freeNumber(),
    numberOff: await f.freeNumber(),
    permissionsOn: await withNumber('PermissionsOn'),
    permissionsOff: await withNumber('PermissionsOff'),
    unassignOn: await withNumber('UnassignOn'),
    unassignOff: await withNumber('UnassignOff'),
    /** Nothing is assigned to them: the assign form's error keeps the email box as it was left. */
    errorTarget: await user('ErrorTarget'),
    hiddenMessageId: hiddenMessage.id,
  };
});
