import { defineFixture, HTTP_PROJECT } from './fixture';

// /api/v1/audit-events: an admin of one account turns inbound calling on for a user through a
// personal token (Done, naming the token), then tries a stale edit from the console (Conflict).
// An admin of every account changes a user in another account, which the first must never see.
// A revoked token of the first admin is for a refused call (audited with that token's name).
export default defineFixture(
  'api-audit',
  async (f) => {
    const { loadSessionAdmin } = await import('../lib/kernel/session-admin');
    const { DomainError } = await import('../lib/kernel/errors');
    const { editTelephonyPermissions } = await import('../lib/telephony/telephony');
    const session = async (id: string) => {
      const loaded = await loadSessionAdmin(id, 1);
      if (!loaded) throw new Error('e2e data: an admin just made has no session');
      return loaded;
    };

    const mine = await f.account('API Audit Mine');
    const other = await f.account('API Audit Other');
    const scoped = await f.admin({ accountIds: [mine.id] });
    const full = await f.admin({ allAccounts: true });
    const token = await f.token(scoped.id, { name: f.name('Audit token') });
    const revoked = await f.token(scoped.id, { name: f.name('Audit revoked token'), revoked: true });
    const subject = await f.userWithNumber(mine.id, 'API Audit Subject');
    const hidden = await f.userWithNumber(other.id, 'API Audit Hidden');

    // As the API does it: the admin's session with the token beside it (lib/api/tokens.ts).
    const viaToken = {
      ...(await session(scoped.id)),
      token: { id: token.id, name: token.name, kind: 'Personal' as const, readOnly: false },
    };
    const permissions = { inboundCalling: true, outboundCalling: false, sms: false };
    await editTelephonyPermissions(viaToken, { accountId: mine.id, userId: subject.id, version: 1, ...permissions });
    const stale = await editTelephonyPermissions(await session(scoped.id), {
      accountId: mine.id,
      userId: subject.id,
      version: 1,
      ...permissions,
      sms: true,
    }).then(
      () => new Error('e2e data: the stale edit was not refused'),
      (err: unknown) => (err instanceof DomainError && err.kind === 'conflict' ? null : err),
    );
    if (stale) throw stale;
    await editTelephonyPermissions(await session(full.id), { accountId: other.id, userId: hidden.id, version: 1, ...permissions });

    return {
      mine,
      other,
      scoped: { id: scoped.id, name: scoped.name, email: scoped.email, token, revoked },
      full: { id: full.id, token: await f.token(full.id) },
      subject: { id: subject.id, fullName: subject.fullName, e164: subject.e164, phoneNumberId: subject.phoneNumberId },
      hidden: { id: hidden.id, fullName: hidden.fullName },
    };
  },
  { projects: [HTTP_PROJECT] },
);
