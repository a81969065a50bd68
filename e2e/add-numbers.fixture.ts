import { defineFixture } from './fixture';
import { uniqueLocalE164, uniqueTollFreeE164 } from '../lib/test/factories';

// "Add phone numbers" adds these: valid numbers not yet in the inventory, but `existing`.
export default defineFixture('add-numbers', async (f) => ({
  admin: await f.admin({ accountIds: [(await f.account('Add Numbers')).id] }),
  viewer: await f.admin({ role: 'ReadOnly', allAccounts: true }),
  single: uniqueLocalE164(),
  pasted: [uniqueLocalE164(), uniqueLocalE164()] as [string, string],
  tollFree: uniqueTollFreeE164(),
  csv: [uniqueLocalE164(), uniqueLocalE164(), uniqueLocalE164()] as [string, string, string],
  existing: (await f.freeNumber({ e164: uniqueLocalE164() })).e164,
  forViewer: uniqueLocalE164(),
}));
