import 'server-only';
import type { License, Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { createAdmin } from '@/lib/admins/create-admin';
import { accountNameKey } from '@/lib/directory/names';

export const DEMO_PASSWORD = 'switchboard-demo';
export const DEMO_ADMINS = [
  { email: 'admin@example.com', name: 'Alex Admin', role: 'Administrator' as const },
  { email: 'viewer@example.com', name: 'Vic Viewer', role: 'ReadOnly' as const },
];

// A fixed seed: every fresh demo has the same people and numbers, so docs and screenshots agree.
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ana',
  'Ben',
  'Carmen',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jamal',
  'Kai',
  'Lena',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tomas',
  'Uma',
  'Victor',
  'Wen',
  'Yara',
  'Zoe',
];
const LAST = [
  'Alvarez',
  'Brown',
  'Chen',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Johnson',
  'Kowalski',
  'Lopez',
  'Martin',
  'Nguyen',
  'Okafor',
  'Patel',
  'Rossi',
  'Silva',
  'Tanaka',
  'Walsh',
];

const ACCOUNTS = [
  { name: 'Example Corp Sales', type: 'EnterpriseOIDC' as const, status: 'Active' as const, domain: 'sales.example.com', users: 16 },
  {
    name: 'Example Corp Support',
    type: 'EnterpriseDirectory' as const,
    status: 'Active' as const,
    domain: 'support.example.com',
    users: 14,
  },
  { name: 'Example Corp Engineering', type: 'EnterpriseLWA' as const, status: 'Active' as const, domain: 'eng.example.com', users: 12 },
  { name: 'Northwind Field Team', type: 'Team' as const, status: 'Active' as const, domain: 'northwind.example.net', users: 10 },
  { name: 'Contoso Legal', type: 'Team' as const, status: 'Suspended' as const, domain: 'contoso.example.org', users: 6 },
];

// 555-0100 to 555-0199 are the North American numbers reserved for fiction: valid, never real.
const AREA_CODES = ['206', '312', '415', '512', '646'];
const TOLL_FREE = ['800', '888', '877'];

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

type SeededEvent = Prisma.AuditEventCreateManyInput & { at: Date };

/**
 * Seeds the demo organisation into an empty database. Returns false (and does nothing) otherwise.
 *
 * It tells one story, as the console would have recorded it (lib/seed/demo.test.ts checks it): the
 * admins, then the accounts and their users, then the numbers, added in one batch, some assigned
 * on later days (each with its history row and audit row, the user's version bumped), some of those
 * users' calling and SMS turned on an hour after, and a few numbers queued for deletion two days ago.
 */
export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  const [accounts, admins] = await Promise.all([prisma.account.count(), prisma.admin.count()]);
  if (accounts > 0 || admins > 0) return false;
  const rnd = random(20_261_128);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const now = Date.now();
  const daysAgo = (days: number, plusHours = 0) => new Date(now - days * DAY + plusHours * HOUR);
  const events: SeededEvent[] = [];

  for (const admin of DEMO_ADMINS) {
    await createAdmin({ ...admin, password: DEMO_PASSWORD, allAccounts: true });
  }
  await prisma.admin.updateMany({ data: { createdAt: daysAgo(90) } });
  const demoAdmin = await prisma.admin.findUniqueOrThrow({ where: { email: DEMO_ADMINS[0]!.email }, select: { id: true, email: true } });
  const by = { adminId: demoAdmin.id, adminEmail: demoAdmin.email, outcome: 'Done' as const };

  const userIds: { id: string; accountId: string; registered: boolean }[] = [];
  for (const [a, spec] of ACCOUNTS.entries()) {
    const account = await prisma.account.create({
      data: {
        name: spec.name,
        nameKey: accountNameKey(spec.name),
        type: spec.type,
        status: spec.status,
        defaultLicense: 'Pro',
        createdAt: daysAgo(89, a),
      },
      select: { id: true },
    });
    // The two presets the README names, so "Permissions after assigning" has something to offer.
    await prisma.permissionPreset.createMany({
      data: [
        { name: 'Calling only', inboundCalling: true, outboundCalling: true, sms: false },
        { name: 'Calling and SMS', inboundCalling: true, outboundCalling: true, sms: true },
      ].map((p) => ({ ...p, accountId: account.id, nameKey: accountNameKey(p.name) })),
    });
    const seen = new Set<string>();
    const data = [];
    while (data.length < spec.users) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const email = `${first}.${last}@${spec.domain}`.toLowerCase();
      if (seen.has(email)) continue;
      seen.add(email);
      const registered = rnd() < 0.8;
      data.push({
        accountId: account.id,
        fullName: `${first} ${last}`,
        email,
        activeEmail: email,
        userType: rnd() < 0.9 ? ('PrivateUser' as const) : ('SharedDevice' as const),
        license: pick<License>(['Pro', 'Pro', 'Pro', 'Basic', 'Plus', 'ProTrial']),
        registrationStatus: registered ? ('Registered' as const) : ('Unregistered' as const),
        invitationStatus: registered ? ('Accepted' as const) : pick(['Pending', 'Pending', 'Failed'] as const),
        createdAt: daysAgo(80, a),
      });
    }
    const created = await prisma.user.createManyAndReturn({ data, select: { id: true, accountId: true, registrationStatus: true } });
    userIds.push(...created.map((u) => ({ id: u.id, accountId: u.accountId, registered: u.registrationStatus === 'Registered' })));
  }

  const numbers: {
    e164: string;
    type: 'Local' | 'TollFree';
    productType: 'BusinessCalling' | 'VoiceConnector';
    status: 'Unassigned' | 'DeleteInProgress';
  }[] = [];
  AREA_CODES.forEach((area, a) => {
    for (let i = 0; i < 18; i++) {
      const line = String(100 + ((i * 7 + a * 3) % 100)).padStart(4, '0');
      numbers.push({
        e164: `+1${area}555${line}`,
        type: 'Local',
        productType: i % 9 === 8 ? 'VoiceConnector' : 'BusinessCalling',
        status: i === 17 ? 'DeleteInProgress' : 'Unassigned',
      });
    }
  });
  TOLL_FREE.forEach((area, a) => {
    for (let i = 0; i < 4; i++) {
      // Toll-free numbers cannot be Business Calling numbers (Amazon Chime's rule).
      const line = String(100 + a * 10 + i).padStart(4, '0');
      numbers.push({ e164: `+1${area}555${line}`, type: 'TollFree', productType: 'VoiceConnector', status: 'Unassigned' });
    }
  });
  const added = daysAgo(75);
  // Queued two days ago: still restorable in the demo for five more days.
  const deletionRequested = daysAgo(2);
  const createdNumbers = await prisma.phoneNumber.createManyAndReturn({
    data: numbers.map((n) => ({
      ...n,
      country: 'US',
      canMms: n.type === 'Local',
      createdAt: added,
      deletionRequestedAt: n.status === 'DeleteInProgress' ? deletionRequested : null,
      version: n.status === 'DeleteInProgress' ? 2 : 1,
    })),
    select: { id: true, e164: true, productType: true, status: true },
  });
  events.push({
    ...by,
    at: added,
    action: 'add-phone-numbers',
    after: { added: numbers.length, skipped: 0, rejected: 0 },
    detail: `Added ${numbers.length} phone numbers`,
  });
  for (const n of createdNumbers.filter((n) => n.status === 'DeleteInProgress')) {
    events.push({
      ...by,
      at: deletionRequested,
      action: 'delete-phone-number',
      phoneNumberId: n.id,
      before: { status: 'Unassigned' },
      after: { status: 'DeleteInProgress' },
    });
  }

  // About a third of the people already have a number, assigned on days of their own since the
  // numbers were added; half of them had calling (and some SMS) turned on an hour later.
  const assignable = createdNumbers.filter((n) => n.productType === 'BusinessCalling' && n.status === 'Unassigned');
  const holders = userIds.filter((_, i) => i % 3 === 0).slice(0, Math.min(24, assignable.length));
  const OFF = { inboundCalling: false, outboundCalling: false, sms: false };
  for (const [i, user] of holders.entries()) {
    const number = assignable[i]!;
    const assignedAt = daysAgo(60 - 2 * i, 9);
    const ids = { accountId: user.accountId, userId: user.id, phoneNumberId: number.id };
    const on = i % 2 === 0;
    const permissions = { inboundCalling: on, outboundCalling: on, sms: on && i % 4 === 0 };
    const edited = new Date(assignedAt.getTime() + HOUR);
    const lastChange = on ? edited : assignedAt;
    events.push({
      ...by,
      ...ids,
      at: assignedAt,
      action: 'assign-phone-number',
      before: { phoneNumber: null, ...OFF },
      after: { phoneNumber: number.e164, ...OFF },
    });
    if (on) events.push({ ...by, ...ids, at: edited, action: 'edit-telephony-permissions', before: OFF, after: permissions });
    await prisma.$transaction([
      prisma.phoneNumber.update({
        where: { id: number.id },
        data: { status: 'Assigned', accountId: user.accountId, userId: user.id, assignedAt, version: 2 },
      }),
      prisma.user.update({
        where: { id: user.id },
        data: {
          ...permissions,
          version: on ? 3 : 2,
          telephonyChangedAt: lastChange,
          // Registered people signed in again the next day; the others are still waiting to.
          lastSignInAt: user.registered ? new Date(lastChange.getTime() + DAY) : null,
        },
      }),
      prisma.assignmentHistory.create({
        data: { ...ids, assignedAt, assignedById: demoAdmin.id },
      }),
    ]);
  }
  // In time order, so that the log's commit order (seq) is its time order too.
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  await prisma.auditEvent.createMany({ data: events });
  return true;
}
