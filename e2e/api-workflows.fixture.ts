import { uniqueLocalE164 } from '../lib/test/factories';
import { defineFixture, HTTP_PROJECT } from './fixture';

// The three workflows through /api/v1/users/{userId}/…: an admin of one account with a token and
// a read-only token, and a user (and number) of its own for each test; a user in another account.
export default defineFixture(
  'api-workflows',
  async (f) => {
    const mine = await f.account('API Flows Mine');
    const other = await f.account('API Flows Other');
    const admin = await f.admin({ accountIds: [mine.id] });
    const user = (label: string, overrides?: Parameters<typeof f.user>[2]) => f.user(mine.id, `API Flow ${label}`, overrides);
    const withNumber = (label: string) => f.userWithNumber(mine.id, `API Flow ${label}`);
    return {
      accountId: mine.id,
      admin: { ...admin, token: await f.token(admin.id), readOnly: await f.token(admin.id, { readOnly: true }) },
      // Calling and SMS on without a number: a state the console cannot make, to show assign turns them off.
      byId: { user: await user('ById', { inboundCalling: true, outboundCalling: true, sms: true }), number: await f.freeNumber() },
      byE164: { user: await user('ByE164'), number: await f.freeNumber(), missing: uniqueLocalE164() },
      holder: await withNumber('Holder'),
      taker: await user('Taker'),
      hasNumber: { user: await withNumber('HasNumber'), spare: await f.freeNumber() },
      unassignee: await withNumber('Unassignee'),
      permitee: await withNumber('Permitee'),
      noNumber: await user('NoNumber'),
      stale: await withNumber('Stale'),
      readOnlyTarget: { user: await user('ReadOnlyTarget'), number: await f.freeNumber(), holder: await withNumber('ReadOnlyHolder') },
      otherUser: { user: await f.user(other.id, 'API Flow Elsewhere'), number: await f.freeNumber() },
      replay: { user: await user('Replay'), number: await f.freeNumber() },
      withPreset: {
        user: await user('WithPreset'),
        number: await f.freeNumber(),
        preset: await f.prisma.permissionPreset.create({
          data: { accountId: mine.id, name: 'Calling only', nameKey: 'calling only', inboundCalling: true, outboundCalling: true },
          select: { id: true },
        }),
        /** Another account's preset: not one the user's account has. */
        foreign: await f.prisma.permissionPreset.create({
          data: { accountId: other.id, name: 'Everything', nameKey: 'everything', inboundCalling: true, outboundCalling: true, sms: true },
          select: { id: true },
        }),
      },
    };
  },
  { projects: [HTTP_PROJECT] },
);
