import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { useTestDatabase } from '@/lib/test/database';
import { makeAdmin, makePhoneNumber } from '@/lib/test/factories';
import { sessionFor } from '@/lib/test/session';
import { recordAudit } from './audit';
import { DomainError } from './errors';
import { mutate, type Change } from './mutation';
import type { SessionAdmin } from './session-admin';

// The one way a change is made or refused, on its own: the domains' tests prove each change's
// messages and audit rows; these prove the plumbing they all rely on.

const database = useTestDatabase();
let prisma: PrismaClient;
let admin: SessionAdmin;
before(async () => {
  prisma = (await database).prisma;
  admin = await sessionFor((await makeAdmin(prisma)).id);
});

const action = 'edit-calling-name';
const change = <T>(who: SessionAdmin, phoneNumberId: string, body: (change: Change) => Promise<T>) =>
  mutate(who, { action, permission: 'change', about: { phoneNumberId } }, body);
const auditOf = async (phoneNumberId: string) =>
  (await prisma.auditEvent.findMany({ where: { phoneNumberId }, orderBy: { seq: 'asc' }, select: { outcome: true, detail: true } })).map(
    (a) => [a.outcome, a.detail],
  );

test('a refusal thrown inside the transaction rolls back its write and its Done row, and is audited once on its own', async () => {
  const n = await makePhoneNumber(prisma);
  await assert.rejects(
    change(admin, n.id, ({ write }) =>
      write(async (tx) => {
        await tx.phoneNumber.update({ where: { id: n.id }, data: { callingName: 'Rolled back' } });
        await recordAudit(tx, { admin, action, outcome: 'Done', phoneNumberId: n.id });
        throw new DomainError('invalid', 'Not like that.');
      }),
    ),
    (e: unknown) => e instanceof DomainError && e.message === 'Not like that.',
  );
  assert.equal((await prisma.phoneNumber.findUniqueOrThrow({ where: { id: n.id } })).callingName, null);
  assert.deepEqual(await auditOf(n.id), [['Invalid', 'Not like that.']]);
});

test('a lost conditional write and a unique violation become the refusals the change names; one outcome per kind', async () => {
  const n = await makePhoneNumber(prisma);
  const other = await makePhoneNumber(prisma);
  await assert.rejects(
    change(admin, n.id, ({ write }) => write(async (_tx, lost) => lost(), { lost: () => new DomainError('conflict', 'Lost.') })),
    /^DomainError: Lost\.$/,
  );
  await assert.rejects(
    change(admin, n.id, ({ write }) =>
      write((tx) => tx.phoneNumber.update({ where: { id: n.id }, data: { e164: other.e164 } }), {
        unique: async () => new DomainError('invalid', 'Taken.'),
      }),
    ),
    /^DomainError: Taken\.$/,
  );
  await assert.rejects(
    change(admin, n.id, async () => {
      throw new DomainError('not-found', 'Gone.');
    }),
    /^DomainError: Gone\.$/,
  );
  assert.deepEqual(await auditOf(n.id), [
    ['Conflict', 'Lost.'],
    ['Invalid', 'Taken.'],
    ['Denied', 'Gone.'],
  ]);
});

test('a read-only admin is refused before the change runs, in the one wording, and audited', async () => {
  const n = await makePhoneNumber(prisma);
  const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly' })).id);
  let ran = false;
  await assert.rejects(
    change(viewer, n.id, async () => {
      ran = true;
    }),
    (e: unknown) =>
      e instanceof DomainError &&
      e.kind === 'denied' &&
      e.message === 'You have read-only access, so you cannot change phone numbers, users or permissions.',
  );
  assert.equal(ran, false);
  assert.deepEqual(await auditOf(n.id), [
    ['Denied', 'You have read-only access, so you cannot change phone numbers, users or permissions.'],
  ]);
});

test('anything else thrown is a bug: passed on as it is, not audited as a refusal', async () => {
  const n = await makePhoneNumber(prisma);
  const bug = new Error('a bug');
  await assert.rejects(
    change(admin, n.id, async () => {
      throw bug;
    }),
    (e: unknown) => e === bug,
  );
  // lost() in a change that did not say what losing means is a bug too.
  await assert.rejects(
    change(admin, n.id, ({ write }) => write(async (_tx, lost) => lost())),
    (e: unknown) => e instanceof Error && !(e instanceof DomainError),
  );
  assert.deepEqual(await auditOf(n.id), []);
});
