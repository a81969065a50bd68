// Makes the e2e tests' data before the server starts (the embedded database allows one process
// at a time, so the tests cannot add rows while the server runs). Every record has this run's
// unique names; nothing depends on the demo seed. The names and ids go to .e2e/data.json.
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, getDatabase } from '../lib/db/client';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser, uniqueSuffix } from '../lib/test/factories';
import type { E2EData } from './data';

const USERS_IN_BIG_ACCOUNT = 31; // more than one page of 25
const ACCOUNTS = 27; // likewise

async function main() {
  const { prisma } = await getDatabase();
  const run = uniqueSuffix();
  const modes: E2EData['modes'] = {};
  for (const mode of ['chromium', 'chromium-no-js']) {
    const tag = `${run} ${mode}`;
    const accounts = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      accounts.push(await makeAccount(prisma, { name: `E2E ${tag} Account ${String(i).padStart(2, '0')}` }));
    }
    const big = accounts[0]!;
    const users = [];
    for (let i = 0; i < USERS_IN_BIG_ACCOUNT; i++) {
      users.push(
        await makeUser(prisma, big.id, {
          fullName: `E2E Person ${String(i).padStart(2, '0')} ${run}`,
          email: `person${i}-${run}-${mode}@e2e.example`,
          inboundCalling: i === 1,
          outboundCalling: i === 1,
        }),
      );
    }
    const withNumber = users[1]!;
    const number = await makePhoneNumber(prisma, { user: withNumber });
    const admin = await makeAdmin(prisma, { accountIds: accounts.map((a) => a.id) });
    // An account this admin does not administer, to prove it stays invisible.
    const other = await makeAccount(prisma, { name: `E2E ${tag} Not Yours` });
    const otherUser = await makeUser(prisma, other.id);
    modes[mode] = {
      admin: { email: admin.email, password: admin.password, name: admin.name },
      accounts: accounts.map((a) => ({ id: a.id, name: a.name })),
      users: users.map((u) => ({ id: u.id, fullName: u.fullName, email: u.email })),
      userWithNumber: { id: withNumber.id, fullName: withNumber.fullName, e164: number.e164 },
      otherAccount: { id: other.id, name: other.name, userId: otherUser.id },
    };
  }
  const data: E2EData = { run, modes };
  fs.mkdirSync('.e2e', { recursive: true });
  fs.writeFileSync(path.join('.e2e', 'data.json'), JSON.stringify(data, null, 2));
  await closeDatabase();
}

main().catch(async (err: Error) => {
  console.error(`e2e data: ${err.message}`);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
