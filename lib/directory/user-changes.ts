import 'server-only';
import { timesIn } from '@/lib/kernel/format-time';
import { z } from 'zod';
import type { License, Prisma, RegistrationStatus, UserType } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import { mutate, type Db, type Tx } from '@/lib/kernel/mutation';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { scopedPrisma } from '@/lib/kernel/scope';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { composeInvitation } from '@/lib/notifications/compose';
import { releasePhoneNumber } from './release-phone-number';
import { emailField, fullNameField, licenseField, userTypeField } from './user-schemas';

// The changes to one user: Add user, Edit user, Suspend / Unsuspend user, Remove user and
// Change licence. Each is one call for one user (the "many at once" actions call them once per
// user): the admin's role and scope are checked by `mutate`, the user is re-read through the
// scoped client, and the change is one conditional write on { id, accountId, version, not
// removed } that bumps the version, with its audit row, in one short transaction. A stale form is
// a conflict, unless the user is already as asked (a replay: nothing is done twice).

type Target = { accountId: string; userId: string };
type Versioned = Target & { version: number };

const ALL_OFF = { inboundCalling: false, outboundCalling: false, sms: false };
const permissionsOf = (u: { inboundCalling: boolean; outboundCalling: boolean; sms: boolean }) => ({
  inboundCalling: u.inboundCalling,
  outboundCalling: u.outboundCalling,
  sms: u.sms,
});

/** The fields typed for a user, cleaned and checked by the forms' own rules; a refusal names its field. */
function checkedFields<T extends Record<string, z.ZodType>>(fields: T, input: Record<string, unknown>): { [K in keyof T]: z.output<T[K]> } {
  const parsed = z.object(fields).safeParse(input);
  if (parsed.success) return parsed.data as { [K in keyof T]: z.output<T[K]> };
  const issue = parsed.error.issues[0]!;
  throw new DomainError('invalid', issue.message, String(issue.path[0] ?? ''));
}

const userSelect = {
  id: true,
  accountId: true,
  fullName: true,
  email: true,
  userType: true,
  license: true,
  registrationStatus: true,
  inboundCalling: true,
  outboundCalling: true,
  sms: true,
  version: true,
  lastSignInAt: true,
  removedAt: true,
  externalId: true,
  phoneNumber: { select: { id: true, e164: true } },
} as const satisfies Prisma.UserSelect;
type UserState = Prisma.UserGetPayload<{ select: typeof userSelect }>;

/** The user, if they are in an account this admin administers (the scoped client sees no other). */
async function findUser(db: Db, target: Target): Promise<UserState> {
  const user = await db.user.findFirst({ where: { id: target.userId, accountId: target.accountId }, select: userSelect });
  if (!user) throw new DomainError('not-found', 'That user does not exist, or is not in an account you administer.');
  return user;
}

/** As findUser, refusing a removed user: nothing about them changes any more. */
async function userToChange(db: Db, target: Target, admin: SessionAdmin): Promise<UserState> {
  const user = await findUser(db, target);
  if (user.removedAt) {
    throw new DomainError(
      'conflict',
      `${user.fullName} was removed on ${timesIn(admin.timeZone).day(user.removedAt)}, so they cannot be changed. Nothing was changed.`,
    );
  }
  return user;
}

/** The form was shown before someone else's change. */
const staleForm = (user: UserState) =>
  new DomainError(
    'conflict',
    `Someone else changed ${user.fullName} while you were looking at this page. Nothing was changed: check their details as they are now, and make your change again if it is still needed.`,
  );

/** Why a conditional write matched nothing, told from the user as they are now (after the rollback). */
async function lostRace(db: Db, user: UserState): Promise<DomainError> {
  const now = await db.user.findFirst({ where: { id: user.id, accountId: user.accountId }, select: { removedAt: true } });
  return new DomainError(
    'conflict',
    now?.removedAt
      ? `Someone else removed ${user.fullName} a moment ago. Nothing was changed.`
      : `Someone else changed ${user.fullName} a moment ago. Nothing was changed: check their details and try again.`,
  );
}

/** The one conditional write: only if the user is still at `version` and not removed; bumps the version. */
async function updateIfCurrent(tx: Tx, target: Versioned, data: Prisma.UserUpdateManyMutationInput): Promise<boolean> {
  const { count } = await tx.user.updateMany({
    where: { id: target.userId, accountId: target.accountId, version: target.version, removedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  return count === 1;
}

/** "<email> is already a user in <account>": a field error on the email, from a read or from the unique index. */
const emailTaken = (email: string, accountName: string) =>
  new DomainError('invalid', `${email} is already the email address of a user in ${accountName}. Use another email address.`, 'email');

/** Another present user of the account with this email (a removed user's address is free again). */
async function emailInUse(db: Db, accountId: string, email: string, exceptUserId?: string): Promise<boolean> {
  const other = await db.user.findFirst({
    where: { accountId, activeEmail: email, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
    select: { id: true },
  });
  return Boolean(other);
}

/**
 * The identity provider's id for a user (SCIM `externalId`): kept as sent, since the provider
 * compares it exactly; null clears it. The console never sets it, so its forms leave it alone.
 */
export const MAX_EXTERNAL_ID = 256;
export const externalIdField = z
  .string({ error: 'externalId must be text' })
  .max(MAX_EXTERNAL_ID, `externalId must be ${MAX_EXTERNAL_ID} characters or fewer`)
  .refine((v) => v.trim().length > 0, 'externalId must not be blank')
  .nullable();

// ---- Reads for the forms ------------------------------------------------------------------

export type NewUserAccount = { id: string; name: string; defaultLicense: License };

/** The account "Add user" adds to, with its default licence; null when it is not this admin's. */
export async function accountForNewUser(admin: SessionAdmin, accountId: string): Promise<NewUserAccount | null> {
  const prisma = await scopedPrisma(admin);
  return prisma.account.findFirst({ where: { id: accountId }, select: { id: true, name: true, defaultLicense: true } });
}

// ---- Changes ------------------------------------------------------------------------------

export type AddUserInput = {
  accountId: string;
  fullName: string;
  email: string;
  userType: UserType;
  license?: License;
  /** Provisioning (SCIM) only: the identity provider's id for the user. */
  externalId?: string | null;
};
/** `notified`: the invitation email is queued (always, for a user added). */
export type AddUserResult = { id: string; fullName: string; email: string; notified: boolean };

/**
 * Adds a user to an account (licence: the account's default unless given) and queues their
 * invitation email in the same transaction. The email is unique among the account's present
 * users, case-insensitively; a removed user's address may be added again, as a new user.
 */
export async function addUser(admin: SessionAdmin, input: AddUserInput): Promise<AddUserResult> {
  const about = { accountId: input.accountId };
  return mutate(admin, { action: 'add-user', permission: 'change', about }, async ({ db, about, write }) => {
    const { fullName, email, userType } = checkedFields({ fullName: fullNameField, email: emailField, userType: userTypeField }, input);
    const asked = input.license === undefined ? undefined : checkedFields({ license: licenseField }, input).license;
    const externalId = input.externalId == null ? undefined : checkedFields({ externalId: externalIdField }, input).externalId!;
    about({ attempted: { fullName, email, userType, ...(asked ? { license: asked } : {}), ...(externalId ? { externalId } : {}) } });
    const account = await db.account.findFirst({ where: { id: input.accountId }, select: { id: true, name: true, defaultLicense: true } });
    if (!account) throw new DomainError('not-found', 'That account does not exist, or you do not administer it.');
    const license = asked ?? account.defaultLicense;
    const taken = () => emailTaken(email, account.name);
    if (await emailInUse(db, account.id, email)) throw taken();
    const invitation = composeInvitation({ fullName, email, accountName: account.name });
    const user = await write(
      async (tx) => {
        const created = await tx.user.create({
          data: { accountId: account.id, fullName, email, activeEmail: email, userType, license, externalId },
          select: { id: true },
        });
        await tx.outboxMessage.create({
          data: { accountId: account.id, userId: created.id, adminId: admin.id, kind: 'Invitation', to: email, ...invitation },
          select: { id: true },
        });
        await recordAudit(tx, {
          admin,
          action: 'add-user',
          outcome: 'Done',
          accountId: account.id,
          userId: created.id,
          after: { fullName, email, userType, license, ...(externalId ? { externalId } : {}) },
        });
        return created;
      },
      // Someone added the same address a moment ago: the account's unique index says no.
      { unique: taken },
    );
    return { id: user.id, fullName, email, notified: true };
  });
}

export type EditUserInput = Versioned & {
  fullName: string;
  email: string;
  userType: UserType;
  license: License;
  /** Provisioning (SCIM) only: a new externalId, or null to clear it; left as it is when absent. */
  externalId?: string | null;
};

/** Saves a user's full name, email, user type and licence, if nobody changed them since the form was shown. */
export async function editUser(admin: SessionAdmin, input: EditUserInput): Promise<{ fullName: string; changed: boolean }> {
  const target = { accountId: input.accountId, userId: input.userId };
  return mutate(admin, { action: 'edit-user', permission: 'change', about: target }, async ({ db, about, write }) => {
    const fields = { fullName: fullNameField, email: emailField, userType: userTypeField, license: licenseField };
    // externalId is checked and compared only when asked for, so the console's rows stay as they were.
    const wanted: { fullName: string; email: string; userType: UserType; license: License; externalId?: string | null } =
      input.externalId === undefined ? checkedFields(fields, input) : checkedFields({ ...fields, externalId: externalIdField }, input);
    about({ attempted: wanted });
    const user = await userToChange(db, input, admin);
    const before = {
      fullName: user.fullName,
      email: user.email,
      userType: user.userType,
      license: user.license,
      ...(input.externalId === undefined ? {} : { externalId: user.externalId }),
    };
    const same = (Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => wanted[k] === before[k]);
    // Already as asked (a replay, or the admin saved without changing anything): nothing to do.
    if (same) return { fullName: user.fullName, changed: false };
    if (input.version !== user.version) throw staleForm(user);
    const account = await db.account.findFirst({ where: { id: user.accountId }, select: { name: true } });
    const taken = () => emailTaken(wanted.email, account?.name ?? 'this account');
    if (wanted.email !== user.email && (await emailInUse(db, user.accountId, wanted.email, user.id))) throw taken();
    await write(
      async (tx, lost) => {
        if (!(await updateIfCurrent(tx, input, { ...wanted, activeEmail: wanted.email }))) lost();
        await recordAudit(tx, { admin, action: 'edit-user', outcome: 'Done', ...target, before, after: wanted });
      },
      { lost: () => lostRace(db, user), unique: taken },
    );
    return { fullName: wanted.fullName, changed: true };
  });
}

/** What suspending, unsuspending or changing a licence answers: `repeated` when already so. */
export type UserChangeResult = { fullName: string; e164: string | null; repeated: boolean };

/**
 * Suspends a user: registration status Suspended, inbound and outbound calling and SMS off. They
 * keep their phone number, which cannot be used until they are unsuspended.
 */
export async function suspendUser(admin: SessionAdmin, input: Versioned): Promise<UserChangeResult> {
  const target = { accountId: input.accountId, userId: input.userId };
  return mutate(admin, { action: 'suspend-user', permission: 'change', about: target }, async ({ db, about, write }) => {
    const user = await userToChange(db, input, admin);
    const e164 = user.phoneNumber?.e164 ?? null;
    about({ phoneNumberId: user.phoneNumber?.id });
    if (user.registrationStatus === 'Suspended') return { fullName: user.fullName, e164, repeated: true };
    if (input.version !== user.version) throw staleForm(user);
    const wasOn = user.inboundCalling || user.outboundCalling || user.sms;
    await write(
      async (tx, lost) => {
        // Turning calling off is a telephony change their app learns of at its next sign-in.
        const data = { registrationStatus: 'Suspended' as const, ...ALL_OFF, ...(wasOn ? { telephonyChangedAt: new Date() } : {}) };
        if (!(await updateIfCurrent(tx, input, data))) lost();
        await recordAudit(tx, {
          admin,
          action: 'suspend-user',
          outcome: 'Done',
          ...target,
          phoneNumberId: user.phoneNumber?.id,
          before: { registrationStatus: user.registrationStatus, ...permissionsOf(user) },
          after: { registrationStatus: 'Suspended', ...ALL_OFF },
        });
      },
      { lost: () => lostRace(db, user) },
    );
    return { fullName: user.fullName, e164, repeated: false };
  });
}

/**
 * Unsuspends a user: Registered again if they have ever signed in, else Unregistered. Calling and
 * SMS stay off until an admin turns them on (Edit telephony permissions).
 */
export async function unsuspendUser(admin: SessionAdmin, input: Versioned): Promise<UserChangeResult> {
  const target = { accountId: input.accountId, userId: input.userId };
  return mutate(admin, { action: 'unsuspend-user', permission: 'change', about: target }, async ({ db, about, write }) => {
    const user = await userToChange(db, input, admin);
    const e164 = user.phoneNumber?.e164 ?? null;
    about({ phoneNumberId: user.phoneNumber?.id });
    if (user.registrationStatus !== 'Suspended') return { fullName: user.fullName, e164, repeated: true };
    if (input.version !== user.version) throw staleForm(user);
    const status: RegistrationStatus = user.lastSignInAt ? 'Registered' : 'Unregistered';
    await write(
      async (tx, lost) => {
        if (!(await updateIfCurrent(tx, input, { registrationStatus: status }))) lost();
        await recordAudit(tx, {
          admin,
          action: 'unsuspend-user',
          outcome: 'Done',
          ...target,
          phoneNumberId: user.phoneNumber?.id,
          before: { registrationStatus: 'Suspended' },
          after: { registrationStatus: status },
        });
      },
      { lost: () => lostRace(db, user) },
    );
    return { fullName: user.fullName, e164, repeated: false };
  });
}

/** Changes a user's licence. */
export async function changeUserLicense(
  admin: SessionAdmin,
  input: Versioned & { license: License },
): Promise<{ fullName: string; repeated: boolean }> {
  const target = { accountId: input.accountId, userId: input.userId };
  return mutate(admin, { action: 'change-user-license', permission: 'change', about: target }, async ({ db, about, write }) => {
    const { license } = checkedFields({ license: licenseField }, input);
    about({ attempted: { license } });
    const user = await userToChange(db, input, admin);
    if (user.license === license) return { fullName: user.fullName, repeated: true };
    if (input.version !== user.version) throw staleForm(user);
    await write(
      async (tx, lost) => {
        if (!(await updateIfCurrent(tx, input, { license }))) lost();
        await recordAudit(tx, {
          admin,
          action: 'change-user-license',
          outcome: 'Done',
          ...target,
          before: { license: user.license },
          after: { license },
        });
      },
      { lost: () => lostRace(db, user) },
    );
    return { fullName: user.fullName, repeated: false };
  });
}

/** `e164`, `phoneNumberId`: the number they held, now back in the inventory; `repeated`: they were already removed. */
export type RemoveUserResult = { fullName: string; e164: string | null; phoneNumberId: string | null; repeated: boolean };

/**
 * Removes a user, softly: the row stays (removedAt, removedById), so their history and audit trail
 * stay readable, and their email address is free to be added again. Calling and SMS go off, and a
 * number they hold goes back to the inventory as Unassigned in the same transaction, exactly as
 * "Unassign phone number" does it. An invitation not yet sent is not sent.
 */
export async function removeUser(admin: SessionAdmin, input: Versioned): Promise<RemoveUserResult> {
  const target = { accountId: input.accountId, userId: input.userId };
  return mutate(admin, { action: 'remove-user', permission: 'change', about: target }, async ({ db, about, write }) => {
    const user = await findUser(db, input);
    if (user.removedAt) return { fullName: user.fullName, e164: null, phoneNumberId: null, repeated: true }; // a replay, or someone else did it
    if (input.version !== user.version) throw staleForm(user);
    const number = user.phoneNumber;
    about({ phoneNumberId: number?.id });
    await write(
      async (tx, lost) => {
        // The number first, then the user: the order assign and unassign lock them in.
        if (number) await releasePhoneNumber(tx, lost, admin, { phoneNumberId: number.id, userId: user.id });
        const removed = { removedAt: new Date(), removedById: admin.id, activeEmail: null, ...ALL_OFF };
        if (!(await updateIfCurrent(tx, input, removed))) lost();
        await tx.outboxMessage.updateMany({
          where: { userId: user.id, kind: 'Invitation', status: 'Pending' },
          data: { status: 'Failed', lastError: 'Not sent: the user was removed before it was delivered.' },
        });
        await recordAudit(tx, {
          admin,
          action: 'remove-user',
          outcome: 'Done',
          ...target,
          phoneNumberId: number?.id,
          before: { fullName: user.fullName, email: user.email, phoneNumber: number?.e164 ?? null, ...permissionsOf(user) },
          after: { removed: true, phoneNumber: null, ...ALL_OFF },
          detail: number ? `${formatPhoneNumber(number.e164)} went back to the inventory as Unassigned.` : undefined,
        });
      },
      { lost: () => lostRace(db, user) },
    );
    return { fullName: user.fullName, e164: number?.e164 ?? null, phoneNumberId: number?.id ?? null, repeated: false };
  });
}
