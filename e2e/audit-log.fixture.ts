import { uniqueLocalE164 } from '../lib/test/factories';
import { defineFixture } from './fixture';

// The audit log's known rows, made through the data layer as the pages make them: the spec's admin
// turns inbound calling on (Done), then tries a stale edit (Conflict); a read-only admin tries
// too (Denied). The same kind of change in an account the admin does not administer must never show.
export default defineFixture('audit-log', async (f) => {
  const { loadSessionAdmin } = await import('../lib/kernel/session-admin');
  const { DomainError } = await import('../lib/kernel/errors');
  const { editTelephonyPermissions } = await import('../lib/telephony/telephony');
  const { verifyAdminCredentials } = await import('../lib/auth/credentials');
  const { addPhoneNumbers, previewPhoneNumbers } = await import('../lib/inventory/phone-number-imports');
  const session = async (id: string) => {
    const loaded = await loadSessionAdmin(id, 1);
    if (!loaded) throw new Error('e2e data: an admin just made has no session');
    return loaded;
  };
  const refused = (kind: string) => (err: unknown) => {
    if (!(err instanceof DomainError && err.kind === kind)) throw err;
  };
  const expectRefusal = (what: string) => () => Promise.reject(new Error(`e2e data: the ${what} was not refused`));

  const account = await f.account('Audit');
  const admin = await f.admin({ accountIds: [account.id] });
  const viewer = await f.admin({ role: 'ReadOnly', accountIds: [account.id] });
  const subject = await f.userWithNumber(account.id, 'Audit Subject');
  const target = { accountId: account.id, userId: subject.id };
  await editTelephonyPermissions(await session(admin.id), {
    ...target,
    version: 1,
    inboundCalling: true,
    outboundCalling: false,
    sms: false,
  });
  await editTelephonyPermissions(await session(admin.id), {
    ...target,
    version: 1,
    inboundCalling: false,
    outboundCalling: true,
    sms: false,
  }).then(expectRefusal('stale edit'), refused('conflict'));
  await editTelephonyPermissions(await session(viewer.id), {
    ...target,
    version: 2,
    inboundCalling: true,
    outboundCalling: true,
    sms: true,
  }).then(expectRefusal('read-only edit'), refused('denied'));

  // A sign-in (noise "Changes only" hides) and two numbers added (a change about no account).
  if (!(await verifyAdminCredentials(admin.email, admin.password))) throw new Error('e2e data: the audit admin cannot sign in');
  const added = await previewPhoneNumbers(await session(admin.id), {
    text: `${uniqueLocalE164()}\n${uniqueLocalE164()}`,
    defaultCountry: 'US',
    productType: 'BusinessCalling',
  });
  await addPhoneNumbers(await session(admin.id), added.id);

  const hidden = await f.account('Audit Not Yours');
  const hiddenUser = await f.userWithNumber(hidden.id, 'Audit Hidden');
  const everyAccount = await f.admin();
  await editTelephonyPermissions(await session(everyAccount.id), {
    accountId: hidden.id,
    userId: hiddenUser.id,
    version: 1,
    inboundCalling: true,
    outboundCalling: false,
    sms: false,
  });
  return {
    admin,
    accountId: account.id,
    accountName: account.name,
    /** Has a number; given inbound calling (Done), then a stale edit (Conflict), then a read-only attempt (Denied). */
    subject: { id: subject.id, fullName: subject.fullName, e164: subject.e164, phoneNumberId: subject.phoneNumberId },
    viewerName: viewer.name,
    /** The admin's own addition of two numbers, whose page the log links to. */
    importId: added.id,
    hiddenAccountId: hidden.id,
    hiddenUserName: hiddenUser.fullName,
  };
});
