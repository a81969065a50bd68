import { defineFixture } from './fixture';

// The API reference is for any signed-in admin: a ReadOnly one reads it too.
export default defineFixture('api-reference', async (f) => ({ viewer: await f.admin({ role: 'ReadOnly', allAccounts: true }) }));
