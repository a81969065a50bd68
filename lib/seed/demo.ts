import 'server-only';
import type { License, PrismaClient } from '@/lib/generated/prisma/client';
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

/** Seeds the demo organisation into an empty database. Returns false (and does nothing) otherwise. */
export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  const [accounts, admins] = await Promise.all([prisma.account.count(), prisma.admin.count()]);
  if (accounts > 0 || admins > 0) return false;
  const rnd = random(20_261_128);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

  for (const admin of DEMO_ADMINS) {
    await createAdmin({ ...admin, password: DEMO_PASSWORD, allAccounts: true });
  }
  const demoAdmin = await prisma.admin.findUniqueOrThrow({ where: { email: DEMO_ADMINS[0]!.email }, select: { id: true, email: true } });

  const userIds: { id: string; accountId: string }[] = [];
  for (const spec of ACCOUNTS) {
    const account = await prisma.account.create({
      data: { name: spec.name, nameKey: accountNameKey(spec.name), type: spec.type, status: spec.status, defaultLicense: 'Pro' },
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
      });
    }
    const created = await prisma.user.createManyAndReturn({ data, select: { id: true, accountId: true } });
    userIds.push(...created);
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
  const createdNumbers = await prisma.phoneNumber.createManyAndReturn({
    data: numbers.map((n) => ({
      ...n,
      country: 'US',
      canMms: n.type === 'Local',
      // Queued two days ago: still restorable in the demo for five more days.
      deletionRequestedAt: n.status === 'DeleteInProgress' ? new Date(Date.now() - 2 * 24 * 3600 * 1000) : null,
    })),
    select: { id: true, e164: true, productType: true, status: true },
  });

  // About a third of the people already have a number, some with calling and SMS turned on.
  const assignable = createdNumbers.filter((n) => n.productType === 'BusinessCalling' && n.status === 'Unassigned');
  const holders = userIds.filter((_, i) => i % 3 === 0).slice(0, Math.min(24, assignable.length));
  const since = new Date(Date.now() - 45 * 24 * 3600 * 1000);
  for (const [i, user] of holders.entries()) {
    const number = assignable[i]!;
    const on = i % 2 === 0;
    await prisma.$transaction([
      prisma.phoneNumber.update({
        where: { id: number.id },
        data: { status: 'Assigned', accountId: user.accountId, userId: user.id, assignedAt: since },
      }),
      prisma.user.update({
        where: { id: user.id },
        data: { inboundCalling: on, outboundCalling: on, sms: on && i % 4 === 0 },
      }),
      prisma.assignmentHistory.create({
        data: { phoneNumberId: number.id, userId: user.id, accountId: user.accountId, assignedAt: since, assignedById: demoAdmin.id },
      }),
    ]);
  }
  return true;
}
