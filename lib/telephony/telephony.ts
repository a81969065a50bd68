import 'server-only';
import type { PhoneNumberProductType, PhoneNumberType, Prisma, RegistrationStatus } from '@/lib/generated/prisma/client';
import { scopedPrisma } from '@/lib/kernel/scope';
import { keysetPage, type CountedPage, type ListParams } from '@/lib/kernel/pagination';
import { formatPhoneNumber, searchDigits } from '@/lib/kernel/phone';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { recordAudit } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import { mutate, type Db, type Tx } from '@/lib/kernel/mutation';
import { composeNotification, type NotificationInput } from '@/lib/notifications/compose';
import { lockActiveAccount, refuseIfSuspended } from '@/lib/directory/account-changes';
import { releasePhoneNumber } from '@/lib/directory/release-phone-number';
import { resolvePresetSelection, type AppliedPermissions, type PresetSelection } from '@/lib/presets/permission-presets';
import { permissionsNeedNumber } from './words';

// The three workflows of the spec. Each change is one conditional write per row, in one short
// transaction with its history and audit rows: the condition (still Unassigned, still this
// user's, still the version the form showed) is what makes concurrent changes safe, and a
// refused change is audited on its own, leaving everything else as it was (lib/kernel/mutation.ts
// does both for every change). When the admin asks
// for it, the email to the user goes into the outbox in that same transaction: it is queued if
// and only if the change is made, and says how things are after it.

/** Only Unassigned Business Calling numbers can be given to a user (toll-free never is). */
const assignableWhere: Prisma.PhoneNumberWhereInput = {
  status: 'Unassigned',
  productType: 'BusinessCalling',
  type: 'Local',
  userId: null,
};

/** A number the picker offers, with what an admin chooses by: where it is, what it is, what it can do. */
export type AssignableNumber = {
  id: string;
  e164: string;
  country: string;
  type: PhoneNumberType;
  productType: PhoneNumberProductType;
  canInboundCall: boolean;
  canOutboundCall: boolean;
  canSms: boolean;
  canMms: boolean;
};

/**
 * Numbers an admin may assign, searched by any digits (an area code, say), in E.164 order, with
 * how many match ("1–25 of 312 available"): the count is one index scan of (status, productType, e164).
 */
export async function listAssignableNumbers(admin: SessionAdmin, params: ListParams): Promise<CountedPage<AssignableNumber>> {
  const prisma = await scopedPrisma(admin); // numbers are the organisation's; scope is for users
  const digits = params.q ? searchDigits(params.q) : '';
  const page = keysetPage('e164', params);
  const matching: Prisma.PhoneNumberWhereInput = { AND: [assignableWhere, digits ? { e164: { contains: digits } } : {}] };
  const [rows, total] = await Promise.all([
    prisma.phoneNumber.findMany({
      where: { AND: [matching, page.where] },
      orderBy: page.orderBy,
      take: page.take,
      select: {
        id: true,
        e164: true,
        country: true,
        type: true,
        productType: true,
        canInboundCall: true,
        canOutboundCall: true,
        canSms: true,
        canMms: true,
      },
    }),
    prisma.phoneNumber.count({ where: matching }),
  ]);
  return page.toCountedPage(rows, total);
}

type Target = { accountId: string; userId: string };
/** Whether to email the user about the change ("Email … about this change" on each form). */
type Notify = { notifyUser?: boolean };

type UserState = {
  id: string;
  accountId: string;
  fullName: string;
  email: string;
  version: number;
  registrationStatus: RegistrationStatus;
  inboundCalling: boolean;
  outboundCalling: boolean;
  sms: boolean;
  phoneNumber: { id: string; e164: string; canInboundCall: boolean; canOutboundCall: boolean; canSms: boolean } | null;
};

/**
 * The user, if this admin may change them: the user in an account the admin administers (the
 * scoped client sees no other), and not removed. Ids are re-checked here whatever the form said.
 */
async function userToChange(db: Db, target: Target): Promise<UserState> {
  const user = await db.user.findFirst({
    where: { id: target.userId, accountId: target.accountId, removedAt: null },
    select: {
      id: true,
      accountId: true,
      fullName: true,
      email: true,
      version: true,
      registrationStatus: true,
      inboundCalling: true,
      outboundCalling: true,
      sms: true,
      phoneNumber: { select: { id: true, e164: true, canInboundCall: true, canOutboundCall: true, canSms: true } },
    },
  });
  if (!user) throw new DomainError('not-found', 'That user does not exist, or is not in an account you administer.');
  return user;
}

const permissionsOf = (u: { inboundCalling: boolean; outboundCalling: boolean; sms: boolean }) => ({
  inboundCalling: u.inboundCalling,
  outboundCalling: u.outboundCalling,
  sms: u.sms,
});
const ALL_OFF = { inboundCalling: false, outboundCalling: false, sms: false };

/** Suspended users get no number and no calling or SMS until they are unsuspended. */
const suspendedRefusal = (user: UserState) => new DomainError('invalid', `${user.fullName} is suspended. Unsuspend them first.`);

/** Bumps the user's version only if it is still `version` (and they are not removed); false when someone changed them first. */
async function updateUserIfCurrent(tx: Tx, target: Target, version: number, data: Prisma.UserUpdateManyMutationInput) {
  const { count } = await tx.user.updateMany({
    where: { id: target.userId, accountId: target.accountId, version, removedAt: null },
    data: { ...data, version: { increment: 1 }, telephonyChangedAt: new Date() },
  });
  return count === 1;
}

/** The user-side rules of getting a number, for Assign and Move alike: not suspended, and none yet. */
function refuseUnlessCanGetNumber(user: UserState): void {
  if (user.registrationStatus === 'Suspended') throw suspendedRefusal(user);
  if (user.phoneNumber) {
    throw new DomainError(
      'conflict',
      `${user.fullName} already has the phone number ${formatPhoneNumber(user.phoneNumber.e164)}. Unassign it first to give them another.`,
    );
  }
}

/**
 * The write Assign and Move share, inside their transaction: while the user's account is Active
 * (a share lock: see lockActiveAccount), an Unassigned Business Calling number becomes this
 * user's, in their account, and its history row opens. Calls `lost()` when the number is not
 * Unassigned any more (someone else assigned or queued it first).
 */
async function takePhoneNumber(tx: Tx, lost: () => never, admin: SessionAdmin, take: { phoneNumberId: string; user: UserState; at: Date }) {
  const { user, at } = take;
  await lockActiveAccount(tx, user.accountId);
  const taken = await tx.phoneNumber.updateMany({
    where: { id: take.phoneNumberId, ...assignableWhere },
    data: { status: 'Assigned', userId: user.id, accountId: user.accountId, assignedAt: at, version: { increment: 1 } },
  });
  if (taken.count !== 1) lost();
  await tx.assignmentHistory.create({
    data: { phoneNumberId: take.phoneNumberId, userId: user.id, accountId: user.accountId, assignedAt: at, assignedById: admin.id },
    select: { id: true },
  });
}

/** Queues the email about a change, inside the change's transaction (no I/O here: only the row). */
async function queueNotification(tx: Tx, admin: SessionAdmin, user: UserState, message: Omit<NotificationInput, 'fullName'>) {
  const mail = composeNotification({ ...message, fullName: user.fullName });
  await tx.outboxMessage.create({
    data: { accountId: user.accountId, userId: user.id, adminId: admin.id, kind: message.kind, to: user.email, ...mail },
    select: { id: true },
  });
}

export type AssignInput = Target &
  Notify & {
    phoneNumberId: string;
    userVersion: number;
    /** "Permissions after assigning": one of the account's presets; absent or null is All off (the spec's default). */
    permissionPreset?: PresetSelection | null;
  };
/**
 * `repeated`: nothing was changed, it was so already (a replay, or saved as it was).
 * `notified`: an email to the user about this change was queued (never for a repeat).
 * `applied`: an assignment made with a preset, and the permissions it set.
 */
export type ChangeResult = {
  fullName: string;
  e164: string | null;
  repeated: boolean;
  notified: boolean;
  applied?: AppliedPermissions & { preset: NonNullable<AppliedPermissions['preset']> };
};

/**
 * Assigns an Unassigned Business Calling number to a user who has none. Calling and SMS go off,
 * or, when the admin chose one of the account's presets, are set to its permissions, in the same
 * transaction (a preset deleted or changed meanwhile refuses the whole change).
 */
export async function assignPhoneNumber(admin: SessionAdmin, input: AssignInput): Promise<ChangeResult> {
  const ids = { accountId: input.accountId, userId: input.userId, phoneNumberId: input.phoneNumberId };
  return mutate(admin, { action: 'assign-phone-number', permission: 'change', about: ids }, async ({ db, write }) => {
    const user = await userToChange(db, input);
    // Nothing new in a suspended account; checked again, under a lock, inside the transaction.
    await refuseIfSuspended(db, user.accountId);
    const number = await db.phoneNumber.findUnique({
      where: { id: input.phoneNumberId },
      select: { id: true, e164: true, status: true, type: true, productType: true, userId: true, canSms: true },
    });
    if (!number) throw new DomainError('invalid', 'That phone number does not exist. Choose a number from the list.', 'phoneNumberId');
    if (number.userId === user.id) {
      // A double-click or a replayed form: the change is already made; make nothing twice.
      return { fullName: user.fullName, e164: number.e164, repeated: true, notified: false };
    }
    refuseUnlessCanGetNumber(user);
    if (number.productType !== 'BusinessCalling' || number.type !== 'Local') {
      throw new DomainError(
        'invalid',
        `${formatPhoneNumber(number.e164)} is not a Business Calling number, so it cannot be assigned to a user.`,
        'phoneNumberId',
      );
    }
    if (number.status === 'DeleteInProgress') {
      throw new DomainError(
        'invalid',
        `${formatPhoneNumber(number.e164)} is in the deletion queue, so it cannot be assigned.`,
        'phoneNumberId',
      );
    }
    if (number.status !== 'Unassigned') {
      throw new DomainError(
        'conflict',
        `${formatPhoneNumber(number.e164)} was assigned to someone else. Choose another number.`,
        'phoneNumberId',
      );
    }
    const now = new Date();
    const lostRace = () => assignConflict(db, user, number.id);
    const applied = await write(
      async (tx, lost) => {
        // The account first, then the preset (the order a preset's edit takes them in too).
        await lockActiveAccount(tx, user.accountId);
        const applied = await resolvePresetSelection(tx, user.accountId, input.permissionPreset);
        const { preset, ...permissions } = applied;
        if (permissions.sms && !number.canSms)
          throw new DomainError(
            'invalid',
            `${formatPhoneNumber(number.e164)} cannot send or receive SMS, so the preset “${preset!.name}” cannot be applied. Choose a preset without SMS, or All off.`,
            'permissionPreset',
          );
        await takePhoneNumber(tx, lost, admin, { phoneNumberId: number.id, user, at: now });
        if (!(await updateUserIfCurrent(tx, input, input.userVersion, permissions))) lost();
        await recordAudit(tx, {
          admin,
          action: 'assign-phone-number',
          outcome: 'Done',
          ...ids,
          before: { phoneNumber: null, ...permissionsOf(user) },
          after: { phoneNumber: number.e164, ...permissions, ...(preset ? { permissionPreset: preset.name } : {}) },
        });
        if (input.notifyUser) await queueNotification(tx, admin, user, { kind: 'Assigned', e164: number.e164, permissions });
        return applied;
      },
      // The user's one-number index can say no too: someone gave them another number meanwhile.
      { lost: lostRace, unique: lostRace },
    );
    const result: ChangeResult = { fullName: user.fullName, e164: number.e164, repeated: false, notified: Boolean(input.notifyUser) };
    return applied.preset ? { ...result, applied: { ...applied, preset: applied.preset } } : result;
  });
}

/** Says, from the state as it is now, why an assignment lost its race. */
async function assignConflict(db: Db, user: UserState, phoneNumberId: string): Promise<DomainError> {
  const [number, current] = await Promise.all([
    db.phoneNumber.findUnique({ where: { id: phoneNumberId }, select: { e164: true, userId: true, status: true } }),
    db.user.findUnique({ where: { id: user.id }, select: { phoneNumber: { select: { e164: true } } } }),
  ]);
  if (current?.phoneNumber) {
    return new DomainError(
      'conflict',
      `Someone else gave ${user.fullName} the phone number ${formatPhoneNumber(current.phoneNumber.e164)} a moment ago. Nothing was changed.`,
    );
  }
  if (number?.status === 'Assigned') {
    return new DomainError(
      'conflict',
      `${formatPhoneNumber(number.e164)} was assigned to someone else. Choose another number.`,
      'phoneNumberId',
    );
  }
  if (number?.status === 'DeleteInProgress') {
    return new DomainError(
      'conflict',
      `${formatPhoneNumber(number.e164)} was put in the deletion queue a moment ago. Choose another number.`,
      'phoneNumberId',
    );
  }
  return new DomainError(
    'conflict',
    `Someone else changed ${user.fullName} while you were choosing. Check the details below and try again.`,
  );
}

export type PermissionsInput = Target & Notify & { version: number; inboundCalling: boolean; outboundCalling: boolean; sms: boolean };

/** Sets a user's inbound calling, outbound calling and SMS, if nobody changed them since the form was shown. */
export async function editTelephonyPermissions(admin: SessionAdmin, input: PermissionsInput): Promise<ChangeResult> {
  const target = { accountId: input.accountId, userId: input.userId };
  return mutate(admin, { action: 'edit-telephony-permissions', permission: 'change', about: target }, async ({ db, about, write }) => {
    const user = await userToChange(db, input);
    const wanted = permissionsOf(input);
    const ids = { ...target, phoneNumberId: user.phoneNumber?.id };
    about({ phoneNumberId: ids.phoneNumberId, attempted: wanted });
    const number = user.phoneNumber;
    // Permissions are the number's to use: without one there is nothing to edit (the page says so too).
    if (!number) throw new DomainError('invalid', permissionsNeedNumber(user.fullName));
    const e164 = number.e164;
    const stale = () =>
      new DomainError(
        'conflict',
        `Someone else changed ${user.fullName}’s phone number or permissions while you were editing. The form now shows their current permissions; make your change again if it is still needed.`,
      );
    const unchanged = JSON.stringify(permissionsOf(user)) === JSON.stringify(wanted);
    if (input.version !== user.version) {
      if (unchanged) return { fullName: user.fullName, e164, repeated: true, notified: false }; // a replay: already as asked
      throw stale();
    }
    // Saved as it was: nothing to record, to email the user about, or to wait for their sign-in for.
    if (unchanged) return { fullName: user.fullName, e164, repeated: true, notified: false };
    if (user.registrationStatus === 'Suspended' && (wanted.inboundCalling || wanted.outboundCalling || wanted.sms))
      throw suspendedRefusal(user);
    if (wanted.sms && !number.canSms) {
      throw new DomainError('invalid', `${formatPhoneNumber(number.e164)} cannot send or receive SMS.`, 'sms');
    }
    await write(
      async (tx, lost) => {
        if (!(await updateUserIfCurrent(tx, input, input.version, wanted))) lost();
        await recordAudit(tx, {
          admin,
          action: 'edit-telephony-permissions',
          outcome: 'Done',
          ...ids,
          before: permissionsOf(user),
          after: wanted,
        });
        if (input.notifyUser) await queueNotification(tx, admin, user, { kind: 'PermissionsChanged', e164, permissions: wanted });
      },
      { lost: stale },
    );
    return { fullName: user.fullName, e164, repeated: false, notified: Boolean(input.notifyUser) };
  });
}

export type UnassignInput = Target & Notify & { phoneNumberId: string; version: number };

/** Takes a user's number back into the inventory as Unassigned; their calling and SMS go off. */
export async function unassignPhoneNumber(admin: SessionAdmin, input: UnassignInput): Promise<ChangeResult> {
  const ids = { accountId: input.accountId, userId: input.userId, phoneNumberId: input.phoneNumberId };
  return mutate(admin, { action: 'unassign-phone-number', permission: 'change', about: ids }, async ({ db, write }) => {
    const user = await userToChange(db, input);
    const number = await db.phoneNumber.findUnique({ where: { id: input.phoneNumberId }, select: { id: true, e164: true, userId: true } });
    if (!number) throw new DomainError('invalid', 'That phone number does not exist.');
    if (number.userId !== user.id) {
      if (!user.phoneNumber) {
        // Already done (a double-click or replay, or another admin did the same): nothing to change.
        return { fullName: user.fullName, e164: number.e164, repeated: true, notified: false };
      }
      throw new DomainError('conflict', `${formatPhoneNumber(number.e164)} is no longer ${user.fullName}’s number. Nothing was changed.`);
    }
    await write(
      async (tx, lost) => {
        await releasePhoneNumber(tx, lost, admin, { phoneNumberId: number.id, userId: user.id });
        if (!(await updateUserIfCurrent(tx, input, input.version, ALL_OFF))) lost();
        await recordAudit(tx, {
          admin,
          action: 'unassign-phone-number',
          outcome: 'Done',
          ...ids,
          before: { phoneNumber: number.e164, ...permissionsOf(user) },
          after: { phoneNumber: null, ...ALL_OFF },
        });
        if (input.notifyUser) {
          await queueNotification(tx, admin, user, { kind: 'Unassigned', e164: null, removedE164: number.e164, permissions: ALL_OFF });
        }
      },
      {
        lost: () =>
          new DomainError(
            'conflict',
            `Someone else changed ${user.fullName}’s phone number or permissions a moment ago. Check the details below; nothing was changed.`,
          ),
      },
    );
    return { fullName: user.fullName, e164: number.e164, repeated: false, notified: Boolean(input.notifyUser) };
  });
}

export type MoveInput = Target &
  Notify & {
    /** The holder's version, the number's and the new holder's, as the confirmation page showed them. */
    version: number;
    phoneNumberId: string;
    numberVersion: number;
    toAccountId: string;
    toUserId: string;
    toUserVersion: number;
    /** Give the new holder the old holder's inbound, outbound and SMS settings instead of all off. */
    keepPermissions?: boolean;
    /** Or one of the account's presets ("Permissions after assigning"); not with keepPermissions. */
    permissionPreset?: PresetSelection | null;
    /** Email the new holder (`notifyUser` is the old holder's box). */
    notifyNewUser?: boolean;
  };
export type MoveResult = {
  fromName: string;
  toName: string;
  e164: string;
  /** The new holder's permissions now. */
  permissions: { inboundCalling: boolean; outboundCalling: boolean; sms: boolean };
  keptPermissions: boolean;
  /** The preset the new holder's permissions were set from, if one was chosen. */
  preset: { id: string; name: string; version: number } | null;
  repeated: boolean;
  /** Emails queued: 0, 1 or 2 (never for a repeat). */
  notified: number;
};

/**
 * Moves a user's number to another user who has none (rule 10): one transaction in which the old
 * holder's history row closes and the new holder's opens, both users' versions move on, and each
 * gets their own audit row, or nothing happens. It is Unassign's write and Assign's write, one
 * after the other on the same row, so every rule of both holds; the old holder's calling and SMS go
 * off, and the new holder's go off too (rule 2) unless the admin keeps the old holder's.
 */
export async function movePhoneNumber(admin: SessionAdmin, input: MoveInput): Promise<MoveResult> {
  const ids = { accountId: input.accountId, userId: input.userId, phoneNumberId: input.phoneNumberId };
  const attempted = { toAccountId: input.toAccountId, toUserId: input.toUserId, keepPermissions: Boolean(input.keepPermissions) };
  return mutate(admin, { action: 'move-phone-number', permission: 'change', about: { ...ids, attempted } }, async ({ db, write }) => {
    const from = await userToChange(db, input);
    const to = await userToChange(db, { accountId: input.toAccountId, userId: input.toUserId });
    const number = await db.phoneNumber.findUnique({
      where: { id: input.phoneNumberId },
      select: { id: true, e164: true, userId: true, version: true, canSms: true },
    });
    if (!number) throw new DomainError('invalid', 'That phone number does not exist.');
    if (input.keepPermissions && input.permissionPreset)
      throw new DomainError(
        'invalid',
        `Keep ${from.fullName}’s calling and SMS permissions, or choose a preset for ${to.fullName}: not both.`,
        'permissionPreset',
      );
    const result = (repeated: boolean, applied?: AppliedPermissions, notified = 0): MoveResult => ({
      fromName: from.fullName,
      toName: to.fullName,
      e164: number.e164,
      permissions: repeated || !applied ? permissionsOf(to) : permissionsOf(applied),
      keptPermissions: Boolean(input.keepPermissions) && !repeated,
      preset: repeated ? null : (applied?.preset ?? null),
      repeated,
      notified,
    });
    // A double-click or a replayed form: the number is already the new holder's; make nothing twice.
    if (number.userId === to.id && from.phoneNumber?.id !== number.id) return result(true);
    if (to.id === from.id)
      throw new DomainError('invalid', `${from.fullName} already has ${formatPhoneNumber(number.e164)}. Choose another user.`, 'toUserId');
    const conflict = () => moveConflict(db, from, to, number);
    if (number.userId !== from.id || number.version !== input.numberVersion || from.version !== input.version) throw await conflict();
    refuseUnlessCanGetNumber(to);
    if (to.version !== input.toUserVersion) throw await conflict();
    // Nothing new in a suspended account; checked again, under a lock, inside the transaction.
    await refuseIfSuspended(db, to.accountId);
    const now = new Date();
    const applied = await write(
      async (tx, lost) => {
        await releasePhoneNumber(tx, lost, admin, { phoneNumberId: number.id, userId: from.id, version: input.numberVersion });
        if (!(await updateUserIfCurrent(tx, input, input.version, ALL_OFF))) lost();
        await takePhoneNumber(tx, lost, admin, { phoneNumberId: number.id, user: to, at: now });
        // After the account's lock (takePhoneNumber), as Assign takes them: the preset, if one was chosen.
        const applied: AppliedPermissions = input.keepPermissions
          ? { ...permissionsOf(from), preset: null }
          : await resolvePresetSelection(tx, to.accountId, input.permissionPreset);
        if (applied.preset && applied.sms && !number.canSms)
          throw new DomainError(
            'invalid',
            `${formatPhoneNumber(number.e164)} cannot send or receive SMS, so the preset “${applied.preset.name}” cannot be applied. Choose a preset without SMS, or All off.`,
            'permissionPreset',
          );
        const wanted = permissionsOf(applied);
        if (!(await updateUserIfCurrent(tx, { accountId: to.accountId, userId: to.id }, input.toUserVersion, wanted))) lost();
        await recordAudit(tx, {
          admin,
          action: 'move-phone-number',
          outcome: 'Done',
          ...ids,
          before: { phoneNumber: number.e164, ...permissionsOf(from) },
          after: { phoneNumber: null, ...ALL_OFF },
          detail: `Moved to ${to.fullName}.`,
        });
        await recordAudit(tx, {
          admin,
          action: 'move-phone-number',
          outcome: 'Done',
          accountId: to.accountId,
          userId: to.id,
          phoneNumberId: number.id,
          before: { phoneNumber: null, ...permissionsOf(to) },
          after: { phoneNumber: number.e164, ...wanted, ...(applied.preset ? { permissionPreset: applied.preset.name } : {}) },
          detail: `Moved from ${from.fullName}${input.keepPermissions ? `, keeping their calling and SMS permissions` : ''}.`,
        });
        if (input.notifyUser) {
          await queueNotification(tx, admin, from, { kind: 'Unassigned', e164: null, removedE164: number.e164, permissions: ALL_OFF });
        }
        if (input.notifyNewUser) await queueNotification(tx, admin, to, { kind: 'Assigned', e164: number.e164, permissions: wanted });
        return applied;
      },
      // The new holder's one-number index can say no too: someone gave them another number meanwhile.
      { lost: conflict, unique: conflict },
    );
    return result(false, applied, Number(Boolean(input.notifyUser)) + Number(Boolean(input.notifyNewUser)));
  });
}

/**
 * The one message a move that lost its race (or was shown stale versions) gets, told from the
 * state as it is now: the number went elsewhere, the new holder got a number, or either user changed.
 */
async function moveConflict(db: Db, from: UserState, to: UserState, number: { id: string; e164: string }): Promise<DomainError> {
  const [nowNumber, nowTo] = await Promise.all([
    db.phoneNumber.findUnique({ where: { id: number.id }, select: { userId: true } }),
    db.user.findUnique({ where: { id: to.id }, select: { registrationStatus: true, phoneNumber: { select: { id: true, e164: true } } } }),
  ]);
  const formatted = formatPhoneNumber(number.e164);
  if (nowNumber?.userId !== from.id) {
    return new DomainError(
      'conflict',
      `${formatted} is no longer ${from.fullName}’s number: someone else changed it a moment ago. Nothing was changed.`,
    );
  }
  if (nowTo?.phoneNumber && nowTo.phoneNumber.id !== number.id) {
    return new DomainError(
      'conflict',
      `Someone else gave ${to.fullName} the phone number ${formatPhoneNumber(nowTo.phoneNumber.e164)} a moment ago. Nothing was changed.`,
    );
  }
  if (nowTo?.registrationStatus === 'Suspended') return suspendedRefusal(to);
  return new DomainError(
    'conflict',
    `Someone else changed ${formatted}, ${from.fullName} or ${to.fullName} while you were choosing. Check the details below and try again; nothing was changed.`,
  );
}
