import { defineFixture } from './fixture';
import { accountNameKey } from '../lib/directory/names';

// Permission presets: an Administrator of one account adds a preset and assigns a number with
// it; a preset already there for the duplicate-name check; a ReadOnly admin of the account, who
// may look but not change.
export default defineFixture('permission-presets', async (f) => {
  const account = await f.account('Presets');
  const existing = 'Calling and SMS';
  await f.prisma.permissionPreset.create({
    data: {
      accountId: account.id,
      name: existing,
      nameKey: accountNameKey(existing),
      inboundCalling: true,
      outboundCalling: true,
      sms: true,
    },
    select: { id: true },
  });
  return {
    account,
    admin: await f.admin({ accountIds: [account.id] }),
    viewer: await f.admin({ role: 'ReadOnly', accountIds: [account.id] }),
    existing,
    assignee: await f.user(account.id, 'Preset Assignee'),
    number: await f.freeNumber(),
  };
});
