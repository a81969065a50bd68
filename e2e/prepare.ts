// Makes the e2e tests' data before the server starts (the embedded database allows one process
// at a time, so the tests cannot add rows while the server runs). Every record has this run's
// unique names; nothing depends on the demo seed. The names and ids go to .e2e/data.json.
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, getDatabase } from '../lib/db/client';
import { loadSessionAdmin, type SessionAdmin } from '../lib/kernel/session-admin';
import { DomainError } from '../lib/kernel/errors';
import { editTelephonyPermissions } from '../lib/telephony/telephony';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser, uniqueLocalE164, uniqueSuffix, uniqueTollFreeE164 } from '../lib/test/factories';
import type { A11yData, AdminsData, AuditData, E2EData, FlowData, InventoryData, NotificationsData } from './data';

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
    const userWithNumber = users[1]!;
    const number = await makePhoneNumber(prisma, { user: userWithNumber });
    const admin = await makeAdmin(prisma, { accountIds: accounts.map((a) => a.id) });
    // An account this admin does not administer, to prove it stays invisible.
    const other = await makeAccount(prisma, { name: `E2E ${tag} Not Yours` });
    const otherUser = await makeUser(prisma, other.id);
    // The three workflows act on these, in the second account, each test on its own users.
    const flowAccount = accounts[1]!;
    const flowUser = (role: string) =>
      makeUser(prisma, flowAccount.id, { fullName: `E2E Flow ${role} ${run}`, email: `${role.toLowerCase()}-${run}-${mode}@e2e.example` });
    const withNumber = async (role: string) => {
      const user = await flowUser(role);
      const n = await makePhoneNumber(prisma, { user });
      return { id: user.id, fullName: user.fullName, e164: n.e164, phoneNumberId: n.id };
    };
    const withoutNumber = async (role: string) => {
      const user = await flowUser(role);
      return { id: user.id, fullName: user.fullName };
    };
    const free = async () => {
      const n = await makePhoneNumber(prisma);
      return { id: n.id, e164: n.e164 };
    };
    const viewer = await makeAdmin(prisma, { role: 'ReadOnly', accountIds: accounts.map((a) => a.id) });
    const flows: FlowData = {
      accountId: flowAccount.id,
      accountName: flowAccount.name,
      assignee: await withoutNumber('Assignee'),
      numberToAssign: await free(),
      emptyChoice: await withoutNumber('EmptyChoice'),
      editee: await withNumber('Editee'),
      staleEditee: await withNumber('StaleEditee'),
      unassignee: await withNumber('Unassignee'),
      clearedBox: await withNumber('ClearedBox'),
      racers: [await withoutNumber('RacerOne'), await withoutNumber('RacerTwo')],
      numberToRaceFor: await free(),
      replayTarget: await withoutNumber('ReplayTarget'),
      signedOutTarget: await withoutNumber('SignedOutTarget'),
      numberToReplay: await free(),
      viewer: { email: viewer.email, password: viewer.password },
    };
    // The inventory tests' numbers, in the third account.
    const invAccount = accounts[2]!;
    const invUser = (role: string) =>
      makeUser(prisma, invAccount.id, { fullName: `E2E Inv ${role} ${run}`, email: `inv-${role.toLowerCase()}-${run}-${mode}@e2e.example` });
    const pastHolder = await invUser('PastHolder');
    const receiver = await invUser('Receiver');
    const reused = await makePhoneNumber(prisma);
    await prisma.assignmentHistory.create({
      data: {
        phoneNumberId: reused.id,
        userId: pastHolder.id,
        accountId: invAccount.id,
        assignedAt: new Date(Date.now() - 40 * 86_400_000),
        unassignedAt: new Date(Date.now() - 3 * 86_400_000),
        assignedById: admin.id,
        unassignedById: admin.id,
      },
    });
    const holder = await invUser('Holder');
    const inventory: InventoryData = {
      accountName: invAccount.name,
      reused: { ...reused, pastHolder: pastHolder.fullName, receiver: receiver.fullName },
      callingName: await makePhoneNumber(prisma),
      toDelete: await makePhoneNumber(prisma),
      assigned: { ...(await makePhoneNumber(prisma, { user: holder })), holder: holder.fullName },
      tollFree: await makePhoneNumber(prisma, { e164: `+1888${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`, type: 'TollFree', productType: 'VoiceConnector' }),
    };
    const throttled = await makeAdmin(prisma, { accountIds: [accounts[0]!.id] });
    // "Add phone numbers" adds these; they are valid numbers not yet in the inventory, but one.
    const addNumbers = {
      single: uniqueLocalE164(),
      pasted: [uniqueLocalE164(), uniqueLocalE164()] as [string, string],
      tollFree: uniqueTollFreeE164(),
      csv: [uniqueLocalE164(), uniqueLocalE164(), uniqueLocalE164()] as [string, string, string],
      existing: (await makePhoneNumber(prisma, { e164: uniqueLocalE164() })).e164,
      forViewer: uniqueLocalE164(),
    };
    // The Admins page's tests act as a full-scope Administrator of their own (the admin above has
    // only this run's accounts, and so no Admins page), on admins of their own.
    const person = async (overrides: Parameters<typeof makeAdmin>[1]) => {
      const a = await makeAdmin(prisma, overrides);
      return { id: a.id, name: a.name, email: a.email, password: a.password };
    };
    const adminsAccount = accounts[3]!;
    const admins: AdminsData = {
      manager: await person({ allAccounts: true }),
      toChange: await person({ accountIds: [adminsAccount.id] }),
      staleTarget: await person({ role: 'ReadOnly', accountIds: [adminsAccount.id] }),
      toDisable: await person({ accountIds: [adminsAccount.id] }),
      toReset: await person({ role: 'ReadOnly', accountIds: [adminsAccount.id] }),
      forgeTarget: await person({ accountIds: [adminsAccount.id] }),
      newAdminAccounts: [accounts[4]!, accounts[5]!].map((a) => ({ id: a.id, name: a.name })),
    };
    // The audit log tests' events, in the seventh account, made through the data layer as the
    // pages make them: a change, a stale edit (Conflict) and a read-only admin's try (Denied).
    const session = async (id: string): Promise<SessionAdmin> => {
      const loaded = await loadSessionAdmin(id, 1);
      if (!loaded) throw new Error('e2e data: an admin just made has no session');
      return loaded;
    };
    const refused = (kind: DomainError['kind']) => (err: unknown) => {
      if (!(err instanceof DomainError && err.kind === kind)) throw err;
    };
    const auditAccount = accounts[6]!;
    const subject = await makeUser(prisma, auditAccount.id, { fullName: `E2E Audit Subject ${run}`, email: `audit-${run}-${mode}@e2e.example` });
    const subjectNumber = await makePhoneNumber(prisma, { user: subject });
    const target = { accountId: auditAccount.id, userId: subject.id };
    await editTelephonyPermissions(await session(admin.id), { ...target, version: 1, inboundCalling: true, outboundCalling: false, sms: false });
    await editTelephonyPermissions(await session(admin.id), { ...target, version: 1, inboundCalling: false, outboundCalling: true, sms: false }).then(
      () => Promise.reject(new Error('e2e data: the stale edit was not refused')),
      refused('conflict'),
    );
    await editTelephonyPermissions(await session(viewer.id), { ...target, version: 2, inboundCalling: true, outboundCalling: true, sms: true }).then(
      () => Promise.reject(new Error('e2e data: the read-only edit was not refused')),
      refused('denied'),
    );
    // The same kind of change in an account the e2e admin does not administer: never theirs to see.
    const hiddenUser = await makeUser(prisma, other.id, { fullName: `E2E Audit Hidden ${run}` });
    await makePhoneNumber(prisma, { user: hiddenUser });
    const everyAccount = await makeAdmin(prisma);
    await editTelephonyPermissions(await session(everyAccount.id), { accountId: other.id, userId: hiddenUser.id, version: 1, inboundCalling: true, outboundCalling: false, sms: false });
    const audit: AuditData = {
      accountId: auditAccount.id,
      accountName: auditAccount.name,
      subject: { id: subject.id, fullName: subject.fullName, e164: subjectNumber.e164, phoneNumberId: subjectNumber.id },
      viewerName: viewer.name,
      hiddenAccountId: other.id,
      hiddenUserName: hiddenUser.fullName,
    };
    // The bad-input suite's own account (the eighth), named so the literal-search cases can find it.
    const badAccount = accounts[7]!;
    const markupUser = await makeUser(prisma, badAccount.id, { fullName: `<img src=x onerror=alert(1)> ${run}`, email: `markup-${run}-${mode}@e2e.example` });
    const badTarget = await makeUser(prisma, badAccount.id, { fullName: `E2E Bad Target ${run}`, email: `bad-target-${run}-${mode}@e2e.example` });
    const badNumber = await makePhoneNumber(prisma);
    const badInput = {
      accountId: badAccount.id,
      accountName: badAccount.name,
      markupUser: { id: markupUser.id, fullName: markupUser.fullName },
      target: { id: badTarget.id, fullName: badTarget.fullName },
      number: { id: badNumber.id, e164: badNumber.e164 },
      massNumber: await makePhoneNumber(prisma),
    };
    // The accessibility and keyboard specs' own account (the ninth), users, numbers and admins.
    const a11yAccount = accounts[8]!;
    const a11yUser = (role: string) =>
      makeUser(prisma, a11yAccount.id, { fullName: `E2E A11y ${role} ${run}`, email: `a11y-${role.toLowerCase()}-${run}-${mode}@e2e.example` });
    const a11yWithNumber = async (role: string) => {
      const user = await a11yUser(role);
      const n = await makePhoneNumber(prisma, { user });
      return { id: user.id, fullName: user.fullName, e164: n.e164, phoneNumberId: n.id };
    };
    const a11yWithoutNumber = async (role: string) => {
      const user = await a11yUser(role);
      return { id: user.id, fullName: user.fullName };
    };
    // Two free numbers that differ only in their last digit: a search for the rest finds both.
    const pair = async (): Promise<[{ id: string; e164: string }, { id: string; e164: string }, string]> => {
      for (;;) {
        const first = uniqueLocalE164();
        const second = `${first.slice(0, -1)}${(Number(first.slice(-1)) + 1) % 10}`;
        const taken = await prisma.phoneNumber.count({ where: { e164: { startsWith: first.slice(0, -1) } } });
        if (taken > 0) continue;
        const a = await makePhoneNumber(prisma, { e164: first });
        const b = await makePhoneNumber(prisma, { e164: second });
        return [{ id: a.id, e164: a.e164 }, { id: b.id, e164: b.e164 }, first.slice(2, -1)];
      }
    };
    const [keyNumberA, keyNumberB, keySearch] = await pair();
    const freeNumber = await makePhoneNumber(prisma);
    // An email in the Outbox, for the Outbox pages' checks.
    const notified = await a11yUser('Notified');
    await editTelephonyPermissions(await session(everyAccount.id), {
      accountId: a11yAccount.id,
      userId: notified.id,
      version: 1,
      inboundCalling: false,
      outboundCalling: false,
      sms: false,
      notifyUser: true,
    });
    const outboxMessage = await prisma.outboxMessage.findFirstOrThrow({ where: { userId: notified.id }, select: { id: true, subject: true } });
    const a11y: A11yData = {
      outboxMessage,
      accountId: a11yAccount.id,
      accountName: a11yAccount.name,
      withoutNumber: await a11yWithoutNumber('WithoutNumber'),
      withNumber: await a11yWithNumber('WithNumber'),
      changed: await a11yWithNumber('Changed'),
      stale: await a11yWithNumber('Stale'),
      number: { id: freeNumber.id, e164: freeNumber.e164 },
      notYetAdded: uniqueLocalE164(),
      keyboard: {
        assignee: await a11yWithoutNumber('KeyAssignee'),
        numbers: [keyNumberA, keyNumberB],
        search: keySearch,
        editee: await a11yWithNumber('KeyEditee'),
        unassignee: await a11yWithNumber('KeyUnassignee'),
      },
      manager: await person({ allAccounts: true }),
      subjectAdmin: await person({ accountIds: [a11yAccount.id] }),
      disabledAdmin: await person({ accountIds: [a11yAccount.id], disabled: true }),
    };
    // The notifications suite's own account (the tenth): a user for each form, box on and off.
    const noteAccount = accounts[9]!;
    const noteUser = async (role: string) => {
      const u = await makeUser(prisma, noteAccount.id, { fullName: `E2E Note ${role} ${run}`, email: `note-${role.toLowerCase()}-${run}-${mode}@e2e.example` });
      return { id: u.id, fullName: u.fullName, email: u.email };
    };
    const noteUserWithNumber = async (role: string) => {
      const u = await noteUser(role);
      const n = await makePhoneNumber(prisma, { user: { id: u.id, accountId: noteAccount.id } });
      return { ...u, e164: n.e164, phoneNumberId: n.id };
    };
    const hiddenRecipient = await makeUser(prisma, other.id, { fullName: `E2E Note Hidden ${run}` });
    await editTelephonyPermissions(await session(everyAccount.id), {
      accountId: other.id,
      userId: hiddenRecipient.id,
      version: 1,
      inboundCalling: false,
      outboundCalling: false,
      sms: false,
      notifyUser: true,
    });
    const hiddenMessage = await prisma.outboxMessage.findFirstOrThrow({ where: { userId: hiddenRecipient.id }, select: { id: true } });
    const notifications: NotificationsData = {
      accountId: noteAccount.id,
      accountName: noteAccount.name,
      assignOn: await noteUser('AssignOn'),
      assignOff: await noteUser('AssignOff'),
      numberOn: await free(),
      numberOff: await free(),
      permissionsOn: await noteUserWithNumber('PermissionsOn'),
      permissionsOff: await noteUserWithNumber('PermissionsOff'),
      unassignOn: await noteUserWithNumber('UnassignOn'),
      unassignOff: await noteUserWithNumber('UnassignOff'),
      errorTarget: await noteUser('ErrorTarget'),
      hiddenMessageId: hiddenMessage.id,
    };
    modes[mode] = {
      a11y,
      notifications,
      badInput,
      throttled: { email: throttled.email, password: throttled.password },
      admins,
      inventory,
      addNumbers,
      audit,
      flows,
      admin: { email: admin.email, password: admin.password, name: admin.name },
      accounts: accounts.map((a) => ({ id: a.id, name: a.name })),
      users: users.map((u) => ({ id: u.id, fullName: u.fullName, email: u.email })),
      userWithNumber: { id: userWithNumber.id, fullName: userWithNumber.fullName, e164: number.e164 },
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
