import { uniqueLocalE164 } from '../lib/test/factories';
import { defineFixture, HTTP_PROJECT } from './fixture';

// The `switchboard` CLI (e2e/cli.http.ts): an admin of every account (who may add numbers to the
// inventory) with a personal token; an account where the CLI adds a user and walks them through
// a number's life; a user there who already holds a number (for the refusal) and one who has none;
// a free number; numbers nobody has yet, for `numbers add`; and an account with more users than a
// page, for --all.
export default defineFixture(
  'cli',
  async (f) => {
    const admin = await f.admin({ allAccounts: true });
    const token = await f.token(admin.id, { name: f.name('CLI token') });
    const account = await f.account('CLI Account');
    const holder = await f.userWithNumber(account.id, 'CLI Holder');
    const waiting = await f.user(account.id, 'CLI Waiting');
    const free = await f.freeNumber({ e164: uniqueLocalE164() });
    const crowded = await f.account('CLI Crowded');
    const crowd = [];
    for (let i = 0; i < 27; i++) crowd.push((await f.user(crowded.id, `CLI Crowd ${String(i).padStart(2, '0')}`)).id);
    return {
      token,
      account,
      holder,
      waiting,
      free,
      crowded: { ...crowded, userIds: crowd },
      newUser: { fullName: f.name('CLI New'), email: f.email('cli-new') },
      toAdd: [uniqueLocalE164(), uniqueLocalE164()],
    };
  },
  { projects: [HTTP_PROJECT] },
);
