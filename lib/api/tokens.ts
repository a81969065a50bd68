import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { DomainError } from '@/lib/kernel/errors';
import { canSeeAccount } from '@/lib/kernel/scope';
import { mutate, type Change, type Tx } from '@/lib/kernel/mutation';
import { recordAudit } from '@/lib/kernel/audit';
import { hashSecret, newSecret } from './token-secret';
import { MAX_TOKEN_DAYS, tokenNameField } from './token-schemas';
import { ADMIN_SELECT, sessionAdminFrom, type SessionAdmin } from '@/lib/kernel/session-admin';

// API tokens (personal, for the REST API and the CLI) and provisioning tokens (per account, for
// SCIM): made in the console, shown once, kept only as a SHA-256 of the secret (decision 017).
// A token acts as the admin who made it, with that admin's role and accounts as they are at each
// call, and stops when the admin's sessionVersion moves (role, accounts, password or status
// changed), as their sessions do. A provisioning token is also narrowed to its one account.

export { TOKEN_PREFIX } from './token-secret';
// The name rule and the expiries live with the forms' schemas, which the browser imports too.
export { MAX_TOKEN_DAYS, MAX_TOKEN_NAME, TOKEN_DAYS, tokenNameField } from './token-schemas';

/** At most this many live tokens per admin, and per account for provisioning. */
export const MAX_LIVE_TOKENS = 50;
/** lastUsedAt is written at most this often per token, so a busy script does not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenStatus = 'Active' | 'Expired' | 'Revoked' | 'Stopped';

export type TokenRow = {
  id: string;
  name: string;
  hint: string;
  readOnly: boolean;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: TokenStatus;
  /** Provisioning tokens: who made it (it acts as them). */
  adminName?: string;
};

const ROW_SELECT = {
  id: true,
  name: true,
  hint: true,
  readOnly: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  adminVersion: true,
  admin: { select: { name: true, sessionVersion: true, disabledAt: true } },
} as const;

type Selected = {
  id: string;
  name: string;
  hint: string;
  readOnly: boolean;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  adminVersion: number;
  admin: { name: string; sessionVersion: number; disabledAt: Date | null };
};

function statusOf(t: Selected, now = new Date()): TokenStatus {
  if (t.revokedAt) return 'Revoked';
  if (t.expiresAt && t.expiresAt <= now) return 'Expired';
  if (t.admin.disabledAt || t.admin.sessionVersion !== t.adminVersion) return 'Stopped';
  return 'Active';
}

const toRow = (t: Selected, withAdmin = false): TokenRow => ({
  id: t.id,
  name: t.name,
  hint: t.hint,
  readOnly: t.readOnly,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
  status: statusOf(t),
  ...(withAdmin ? { adminName: t.admin.name } : {}),
});

/** The admin's own personal tokens, newest first (revoked ones too: they say when). */
export async function listApiTokens(admin: SessionAdmin): Promise<TokenRow[]> {
  const prisma = await getPrisma();
  const rows = await prisma.apiToken.findMany({
    where: { adminId: admin.id, kind: 'Personal' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
    select: ROW_SELECT,
  });
  return rows.map((t) => toRow(t));
}

/** One of the admin's own personal tokens (for its Revoke page), or null: missing and not theirs read the same. */
export async function getApiToken(admin: SessionAdmin, tokenId: string): Promise<TokenRow | null> {
  const prisma = await getPrisma();
  const row = await prisma.apiToken.findFirst({ where: { id: tokenId, adminId: admin.id, kind: 'Personal' }, select: ROW_SELECT });
  return row ? toRow(row) : null;
}

/** An account's provisioning tokens, for the admins of that account. */
export async function listProvisioningTokens(admin: SessionAdmin, accountId: string): Promise<TokenRow[] | null> {
  if (!canSeeAccount(admin, accountId)) return null;
  const prisma = await getPrisma();
  const rows = await prisma.apiToken.findMany({
    where: { accountId, kind: 'Provisioning' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
    select: ROW_SELECT,
  });
  return rows.map((t) => toRow(t, true));
}

/**
 * A token records the sessionVersion of the session that made it, read under a row lock: if a
 * password reset or an access change ended that session a moment ago, no token outlives it.
 */
async function refuseIfSessionEnded(tx: Tx, admin: SessionAdmin) {
  const [me] = await tx.$queryRaw<{ sessionVersion: number }[]>`SELECT "sessionVersion" FROM "Admin" WHERE id = ${admin.id} FOR SHARE`;
  if (me?.sessionVersion !== admin.sessionVersion)
    throw new DomainError('denied', 'Your access changed since this page was opened. Sign in again, then make the token.');
}

/** A token is made and revoked in the console only: a token cannot mint another. */
function refuseThroughToken(admin: SessionAdmin) {
  if (admin.token) throw new DomainError('denied', 'API tokens are made and revoked in the console, not through a token.');
}

export type NewToken = { id: string; name: string; secret: string; expiresAt: Date | null };

export type CreateApiTokenInput = { name: string; days: number; readOnly: boolean };

/**
 * Makes a personal token. Any admin may make their own; a ReadOnly admin's tokens can only read
 * (their role says so at every call), and a token can never do more than its admin.
 */
export async function createApiToken(admin: SessionAdmin, input: CreateApiTokenInput): Promise<NewToken> {
  const attempted = { name: input.name, days: input.days, readOnly: input.readOnly };
  return mutate(admin, { action: 'create-api-token', permission: 'own-tokens', about: { attempted } }, async ({ write }) => {
    refuseThroughToken(admin);
    const name = tokenNameField.safeParse(input.name);
    if (!name.success) throw new DomainError('invalid', name.error.issues[0]!.message, 'name');
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_TOKEN_DAYS)
      throw new DomainError('invalid', `Choose an expiry of at most ${MAX_TOKEN_DAYS} days`, 'days');
    const { secret, hint, secretHash } = newSecret('Personal');
    const expiresAt = new Date(Date.now() + input.days * 86_400_000);
    return write(async (tx) => {
      await refuseIfSessionEnded(tx, admin);
      const live = await tx.apiToken.count({
        where: { adminId: admin.id, kind: 'Personal', revokedAt: null, expiresAt: { gt: new Date() } },
      });
      if (live >= MAX_LIVE_TOKENS)
        throw new DomainError('invalid', `You have ${MAX_LIVE_TOKENS} tokens already. Revoke one you no longer use first.`, 'name');
      const row = await tx.apiToken.create({
        data: {
          kind: 'Personal',
          adminId: admin.id,
          name: name.data,
          hint,
          secretHash,
          readOnly: input.readOnly,
          adminVersion: admin.sessionVersion,
          expiresAt,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        admin,
        action: 'create-api-token',
        outcome: 'Done',
        after: { tokenId: row.id, name: name.data, hint, readOnly: input.readOnly, expiresAt: expiresAt.toISOString() },
      });
      return { id: row.id, name: name.data, secret, expiresAt };
    });
  });
}

/**
 * Revokes the token `where` finds (already narrowed to what this admin may revoke), once: a
 * token revoked already, or by someone else a moment ago, is no change.
 */
async function revokeToken(
  admin: SessionAdmin,
  change: Change,
  where: { id: string; adminId?: string; accountId?: string; kind: 'Personal' | 'Provisioning' },
  action: 'revoke-api-token' | 'revoke-provisioning-token',
  missing: string,
): Promise<{ name: string; repeated: boolean }> {
  refuseThroughToken(admin);
  const prisma = await getPrisma();
  const token = await prisma.apiToken.findFirst({ where, select: { id: true, name: true, hint: true, revokedAt: true } });
  if (!token) throw new DomainError('not-found', missing);
  if (token.revokedAt) return { name: token.name, repeated: true };
  return change.write(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: token.id, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: admin.id },
    });
    if (count === 0) return { name: token.name, repeated: true };
    await recordAudit(tx, {
      admin,
      action,
      outcome: 'Done',
      accountId: where.accountId,
      before: { tokenId: token.id, name: token.name, hint: token.hint },
    });
    return { name: token.name, repeated: false };
  });
}

/** Revokes one of the admin's own personal tokens. Revoking one already revoked is no change. */
export async function revokeApiToken(admin: SessionAdmin, input: { tokenId: string }): Promise<{ name: string; repeated: boolean }> {
  const spec = { action: 'revoke-api-token', permission: 'own-tokens', about: { attempted: { tokenId: input.tokenId } } } as const;
  return mutate(admin, spec, (change) =>
    revokeToken(
      admin,
      change,
      { id: input.tokenId, adminId: admin.id, kind: 'Personal' },
      spec.action,
      'That token does not exist, or is not yours.',
    ),
  );
}

/** Makes an account's provisioning (SCIM) token: for the account's Administrators. */
export async function createProvisioningToken(admin: SessionAdmin, input: { accountId: string; name: string }): Promise<NewToken> {
  const about = { accountId: input.accountId, attempted: { name: input.name } };
  return mutate(admin, { action: 'create-provisioning-token', permission: 'change', about }, async ({ db, write }) => {
    refuseThroughToken(admin);
    const account = await db.account.findUnique({ where: { id: input.accountId }, select: { id: true } });
    if (!account) throw new DomainError('not-found', 'That account does not exist, or you do not administer it.');
    const name = tokenNameField.safeParse(input.name);
    if (!name.success) throw new DomainError('invalid', name.error.issues[0]!.message, 'name');
    const { secret, hint, secretHash } = newSecret('Provisioning');
    return write(async (tx) => {
      await refuseIfSessionEnded(tx, admin);
      const live = await tx.apiToken.count({ where: { accountId: account.id, kind: 'Provisioning', revokedAt: null } });
      if (live >= MAX_LIVE_TOKENS)
        throw new DomainError('invalid', `This account has ${MAX_LIVE_TOKENS} provisioning tokens already. Revoke one first.`, 'name');
      const row = await tx.apiToken.create({
        data: {
          kind: 'Provisioning',
          adminId: admin.id,
          accountId: account.id,
          name: name.data,
          hint,
          secretHash,
          adminVersion: admin.sessionVersion,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        admin,
        action: 'create-provisioning-token',
        outcome: 'Done',
        accountId: account.id,
        after: { tokenId: row.id, name: name.data, hint },
      });
      return { id: row.id, name: name.data, secret, expiresAt: null };
    });
  });
}

/** Revokes an account's provisioning token: any Administrator of the account may. */
export async function revokeProvisioningToken(
  admin: SessionAdmin,
  input: { accountId: string; tokenId: string },
): Promise<{ name: string; repeated: boolean }> {
  const about = { accountId: input.accountId, attempted: { tokenId: input.tokenId } };
  return mutate(admin, { action: 'revoke-provisioning-token', permission: 'change', about }, async (change) => {
    const account = await change.db.account.findUnique({ where: { id: input.accountId }, select: { id: true } });
    if (!account) throw new DomainError('not-found', 'That account does not exist, or you do not administer it.');
    const where = { id: input.tokenId, accountId: account.id, kind: 'Provisioning' as const };
    return revokeToken(admin, change, where, 'revoke-provisioning-token', 'That token does not exist in this account.');
  });
}

/** Why a presented token was refused; `adminId` and `token` when it was one of ours. */
export type TokenRefusal = {
  reason: 'missing' | 'unknown' | 'revoked' | 'expired' | 'stopped' | 'wrong-kind';
  adminId?: string;
  adminEmail?: string;
  token?: { id: string; name: string };
};

/**
 * The admin a bearer secret acts as, checked as a session is: the token exists, is of `kind`, is
 * not revoked or expired, and its admin is enabled with the sessionVersion it was made under.
 */
export async function authenticateToken(
  secret: string | null,
  kind: 'Personal' | 'Provisioning',
): Promise<{ admin: SessionAdmin } | { refused: TokenRefusal }> {
  if (!secret) return { refused: { reason: 'missing' } };
  // The secret is not compared as text: its hash is looked up, so timing says nothing of it.
  if (secret.length > 200 || !/^sb_[a-z]+_[A-Za-z0-9_-]+$/.test(secret)) return { refused: { reason: 'unknown' } };
  const prisma = await getPrisma();
  const token = await prisma.apiToken.findUnique({
    where: { secretHash: hashSecret(secret) },
    select: {
      id: true,
      kind: true,
      name: true,
      accountId: true,
      readOnly: true,
      adminVersion: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      admin: { select: ADMIN_SELECT },
    },
  });
  if (!token) return { refused: { reason: 'unknown' } };
  const who = { adminId: token.admin.id, adminEmail: token.admin.email, token: { id: token.id, name: token.name } };
  const now = new Date();
  if (token.kind !== kind) return { refused: { reason: 'wrong-kind', ...who } };
  if (token.revokedAt) return { refused: { reason: 'revoked', ...who } };
  if (token.expiresAt && token.expiresAt <= now) return { refused: { reason: 'expired', ...who } };
  if (token.admin.disabledAt || token.admin.sessionVersion !== token.adminVersion) return { refused: { reason: 'stopped', ...who } };
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Conditional, so two instances seeing the same stale time write it once.
    await prisma.apiToken.updateMany({ where: { id: token.id, lastUsedAt: token.lastUsedAt }, data: { lastUsedAt: now } });
  }
  return {
    admin: sessionAdminFrom(token.admin, {
      id: token.id,
      name: token.name,
      kind: token.kind,
      readOnly: token.readOnly,
      accountId: token.accountId,
    }),
  };
}
