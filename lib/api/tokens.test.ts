import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makeApiToken, makeUser } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/kernel/errors';
import { READ_ONLY_TOKEN_REFUSAL } from '@/lib/kernel/mutation';
import { suspendUser } from '@/lib/directory/user-changes';
import { hashSecret } from './token-secret';
import {
  authenticateToken,
  createApiToken,
  createProvisioningToken,
  listApiTokens,
  listProvisioningTokens,
  revokeApiToken,
  revokeProvisioningToken,
} from './tokens';
import { idempotent } from './idempotency';

const database = useTestDatabase();
let prisma: PrismaClient;
before(async () => {
  prisma = (await database).prisma;
});

const adminOf = async (r: Awaited<ReturnType<typeof authenticateToken>>) => {
  assert.ok('admin' in r, `refused: ${JSON.stringify('refused' in r ? r.refused : null)}`);
  return r.admin;
};
const refusal = (r: Awaited<ReturnType<typeof authenticateToken>>) => {
  assert.ok('refused' in r, 'the token was accepted');
  return r.refused.reason;
};

describe('personal API tokens', () => {
  test('the secret is shown once and only its SHA-256 is kept; it acts as its admin', async () => {
    const account = await makeAccount(prisma);
    const row = await makeAdmin(prisma, { accountIds: [account.id] });
    const admin = await sessionFor(row.id);
    const made = await createApiToken(admin, { name: '  deploy\u200b script ', days: 30, readOnly: false });
    assert.match(made.secret, /^sb_pat_[A-Za-z0-9_-]{43}$/);
    assert.equal(made.name, 'deploy script');
    const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    assert.equal(stored.secretHash, hashSecret(made.secret));
    assert.ok(!JSON.stringify(stored).includes(made.secret.slice(7)), 'the secret itself is not stored');
    assert.equal(stored.hint, made.secret.slice(0, 11));
    const days = (stored.expiresAt!.getTime() - stored.createdAt.getTime()) / 86_400_000;
    assert.ok(Math.abs(days - 30) < 0.01);

    const acting = await adminOf(await authenticateToken(made.secret, 'Personal'));
    assert.equal(acting.id, row.id);
    assert.deepEqual([...acting.accountIds], [account.id]);
    assert.equal(acting.allAccounts, false);
    assert.deepEqual(acting.token, { id: made.id, name: 'deploy script', kind: 'Personal', readOnly: false });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { adminId: row.id, action: 'create-api-token' } });
    assert.equal(audit.outcome, 'Done');
    assert.ok(!JSON.stringify({ ...audit, seq: String(audit.seq) }).includes(made.secret), 'the audit row does not hold the secret');

    const listed = await listApiTokens(admin);
    assert.deepEqual(
      listed.map((t) => [t.name, t.status]),
      [['deploy script', 'Active']],
    );
  });

  test('expiry beyond a year, an empty name, or a token making a token are refused', async () => {
    const admin = await sessionFor((await makeAdmin(prisma)).id);
    await assert.rejects(createApiToken(admin, { name: 'x', days: 366, readOnly: false }), (e: DomainError) => e.field === 'days');
    await assert.rejects(createApiToken(admin, { name: ' \u200b ', days: 7, readOnly: false }), (e: DomainError) => e.field === 'name');
    const { secret } = await makeApiToken(prisma, admin.id);
    const viaToken = await adminOf(await authenticateToken(secret, 'Personal'));
    await assert.rejects(createApiToken(viaToken, { name: 'more', days: 7, readOnly: false }), (e: DomainError) => e.kind === 'denied');
    assert.equal(await prisma.apiToken.count({ where: { adminId: admin.id } }), 1);
  });

  test('revoked, expired, unknown, malformed and the wrong kind of token are refused; revoking twice is no change', async () => {
    const row = await makeAdmin(prisma);
    const admin = await sessionFor(row.id);
    const made = await createApiToken(admin, { name: 'ci', days: 7, readOnly: false });
    assert.deepEqual(await revokeApiToken(admin, { tokenId: made.id }), { name: 'ci', repeated: false });
    assert.deepEqual(await revokeApiToken(admin, { tokenId: made.id }), { name: 'ci', repeated: true });
    assert.equal(refusal(await authenticateToken(made.secret, 'Personal')), 'revoked');

    const expired = await makeApiToken(prisma, row.id, { expiresAt: new Date(Date.now() - 1000) });
    assert.equal(refusal(await authenticateToken(expired.secret, 'Personal')), 'expired');
    assert.equal(refusal(await authenticateToken(`sb_pat_${'A'.repeat(43)}`, 'Personal')), 'unknown');
    assert.equal(refusal(await authenticateToken('Basic abc', 'Personal')), 'unknown');
    assert.equal(refusal(await authenticateToken(null, 'Personal')), 'missing');
    const live = await makeApiToken(prisma, row.id);
    assert.equal(refusal(await authenticateToken(live.secret, 'Provisioning')), 'wrong-kind');

    // Someone else's token cannot be revoked by id.
    const other = await sessionFor((await makeAdmin(prisma)).id);
    await assert.rejects(revokeApiToken(other, { tokenId: live.id }), (e: DomainError) => e.kind === 'not-found');
    await adminOf(await authenticateToken(live.secret, 'Personal'));
    assert.deepEqual((await listApiTokens(admin)).map((t) => t.status).sort(), ['Active', 'Expired', 'Revoked']);
  });

  test('a change to the admin (disabled, or role or accounts changed) stops their tokens at once', async () => {
    const row = await makeAdmin(prisma);
    const { secret } = await makeApiToken(prisma, row.id);
    await adminOf(await authenticateToken(secret, 'Personal'));
    // What every change on the Admins page does (lib/admins/admin-management.ts): bump sessionVersion.
    await prisma.admin.update({ where: { id: row.id }, data: { role: 'ReadOnly', sessionVersion: { increment: 1 } } });
    assert.equal(refusal(await authenticateToken(secret, 'Personal')), 'stopped');
    assert.equal((await listApiTokens(await sessionFor(row.id)))[0]!.status, 'Stopped');

    const disabled = await makeAdmin(prisma);
    const second = await makeApiToken(prisma, disabled.id);
    await prisma.admin.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    assert.equal(refusal(await authenticateToken(second.secret, 'Personal')), 'stopped');
  });

  test('a read-only token changes nothing, whatever its admin may do, and the refusal names the token', async () => {
    const account = await makeAccount(prisma);
    const user = await makeUser(prisma, account.id);
    const row = await makeAdmin(prisma);
    const token = await makeApiToken(prisma, row.id, { readOnly: true, name: 'reporting' });
    const acting = await adminOf(await authenticateToken(token.secret, 'Personal'));
    assert.equal(acting.canChange, false);
    await assert.rejects(
      suspendUser(acting, { accountId: account.id, userId: user.id, version: 1 }),
      (e: DomainError) => e.kind === 'denied' && e.message === READ_ONLY_TOKEN_REFUSAL,
    );
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.deepEqual([after.registrationStatus, after.version], ['Unregistered', 1]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: 'suspend-user' } });
    assert.deepEqual([audit.outcome, audit.adminId, audit.tokenId, audit.tokenName], ['Denied', row.id, token.id, 'reporting']);
  });

  test('a session ended a moment ago (its password reset, say) cannot make a token that outlives it', async () => {
    const row = await makeAdmin(prisma);
    const admin = await sessionFor(row.id);
    await prisma.admin.update({ where: { id: row.id }, data: { sessionVersion: { increment: 1 } } });
    await assert.rejects(createApiToken(admin, { name: 'late', days: 7, readOnly: false }), (e: DomainError) => e.kind === 'denied');
    assert.equal(await prisma.apiToken.count({ where: { adminId: row.id } }), 0);
  });

  test('lastUsedAt is written at most once a minute', async () => {
    const row = await makeAdmin(prisma);
    const token = await makeApiToken(prisma, row.id);
    await authenticateToken(token.secret, 'Personal');
    const first = (await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    assert.ok(first);
    await authenticateToken(token.secret, 'Personal');
    const second = (await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    assert.equal(second!.getTime(), first.getTime());
  });
});

describe('provisioning tokens', () => {
  test('an account Administrator makes one; it reaches that account only, as its maker', async () => {
    const account = await makeAccount(prisma);
    const other = await makeAccount(prisma);
    const row = await makeAdmin(prisma, { allAccounts: true });
    const admin = await sessionFor(row.id);
    const made = await createProvisioningToken(admin, { accountId: account.id, name: 'Entra ID' });
    assert.match(made.secret, /^sb_scim_/);
    const acting = await adminOf(await authenticateToken(made.secret, 'Provisioning'));
    assert.equal(acting.allAccounts, false);
    assert.deepEqual([...acting.accountIds], [account.id]);
    assert.ok(!acting.accountIds.includes(other.id));
    assert.equal(refusal(await authenticateToken(made.secret, 'Personal')), 'wrong-kind');
    assert.deepEqual(
      (await listProvisioningTokens(admin, account.id))!.map((t) => [t.name, t.status, t.adminName]),
      [['Entra ID', 'Active', row.name]],
    );
    await revokeProvisioningToken(admin, { accountId: account.id, tokenId: made.id });
    assert.equal(refusal(await authenticateToken(made.secret, 'Provisioning')), 'revoked');
  });

  test('an admin of another account, or a ReadOnly admin, cannot make one; a maker who loses the account reaches nothing', async () => {
    const account = await makeAccount(prisma);
    const elsewhere = await makeAccount(prisma);
    const outsider = await sessionFor((await makeAdmin(prisma, { accountIds: [elsewhere.id] })).id);
    await assert.rejects(
      createProvisioningToken(outsider, { accountId: account.id, name: 'x' }),
      (e: DomainError) => e.kind === 'not-found',
    );
    assert.equal(await listProvisioningTokens(outsider, account.id), null);
    const viewer = await sessionFor((await makeAdmin(prisma, { role: 'ReadOnly', accountIds: [account.id] })).id);
    await assert.rejects(createProvisioningToken(viewer, { accountId: account.id, name: 'x' }), (e: DomainError) => e.kind === 'denied');
    assert.equal(await prisma.apiToken.count({ where: { accountId: account.id } }), 0);

    // A token made while the maker administered the account, narrowed after they lost it
    // (sessionVersion not bumped, as a direct database edit would leave it): no account at all.
    const maker = await makeAdmin(prisma, { accountIds: [account.id] });
    const token = await makeApiToken(prisma, maker.id, { kind: 'Provisioning', accountId: account.id });
    await prisma.adminAccount.deleteMany({ where: { adminId: maker.id } });
    const acting = await adminOf(await authenticateToken(token.secret, 'Provisioning'));
    assert.deepEqual([...acting.accountIds], []);
  });
});

describe('Idempotency-Key', () => {
  test('the first answer is kept and given again; another request with the key is refused; a failed one can be retried', async () => {
    const admin = await sessionFor((await makeAdmin(prisma)).id);
    let calls = 0;
    const answer = async () => {
      calls += 1;
      return Response.json({ n: calls }, { status: 201, headers: { Location: '/api/v1/things/1' } });
    };
    const first = await idempotent(admin, 'key-1', 'hash-a', answer);
    const again = await idempotent(admin, 'key-1', 'hash-a', answer);
    assert.equal(calls, 1);
    assert.equal(again.status, 201);
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(again.headers.get('location'), '/api/v1/things/1');
    assert.equal(again.headers.get('idempotency-replayed'), 'true');
    const other = await idempotent(admin, 'key-1', 'hash-b', answer);
    assert.equal(other.status, 422);
    assert.equal(calls, 1);

    // Keys are per admin: another admin's same key is theirs.
    const someoneElse = await sessionFor((await makeAdmin(prisma)).id);
    assert.equal((await idempotent(someoneElse, 'key-1', 'hash-b', answer)).status, 201);
    assert.equal(calls, 2);

    // A 5xx is not kept: the retry does the work.
    let failing = true;
    const flaky = async () => (failing ? new Response('{}', { status: 503 }) : Response.json({ ok: true }, { status: 201 }));
    assert.equal((await idempotent(admin, 'key-2', 'h', flaky)).status, 503);
    failing = false;
    assert.equal((await idempotent(admin, 'key-2', 'h', flaky)).status, 201);

    assert.equal((await idempotent(admin, 'bad key with spaces', 'h', answer)).status, 400);
  });

  test('two requests with one key at once: one does the work, the other is told to retry or gets its answer', async () => {
    const admin = await sessionFor((await makeAdmin(prisma)).id);
    let calls = 0;
    const slow = async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 50));
      return Response.json({ done: true }, { status: 201 });
    };
    const answers = await Promise.all([idempotent(admin, 'together', 'h', slow), idempotent(admin, 'together', 'h', slow)]);
    assert.equal(calls, 1);
    assert.ok(answers.some((a) => a.status === 201));
    assert.ok(answers.every((a) => a.status === 201 || a.status === 409));
  });
});
