import 'server-only';
import { accountNameKey } from '@/lib/directory/names';
import { recordAudit } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import { mutate, type Db, type Tx } from '@/lib/kernel/mutation';
import { scopedPrisma } from '@/lib/kernel/scope';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import type { Permissions } from './words';

// An account's permission presets: named sets of the three telephony permissions that its
// Administrators keep, and that the assign forms offer as "Permissions after assigning". Every
// change goes through `mutate` (role, then the account within the admin's scope, then one
// conditional write with its audit row). Users never refer to a preset: assigning copies its
// permissions, so editing or deleting one changes nobody's permissions.

/** Enough for any sensible set of choices, and a radio list still short enough to read. */
export const MAX_PRESETS_PER_ACCOUNT = 20;

export type PermissionPreset = Permissions & { id: string; name: string; version: number };

const SELECT = { id: true, name: true, version: true, inboundCalling: true, outboundCalling: true, sms: true } as const;

const permissionsOf = (p: Permissions): Permissions => ({
  inboundCalling: p.inboundCalling,
  outboundCalling: p.outboundCalling,
  sms: p.sms,
});
const audited = (p: { id: string; name: string } & Permissions) => ({ presetId: p.id, name: p.name, ...permissionsOf(p) });

const NO_ACCOUNT = 'That account does not exist, or you do not administer it.';
const duplicate = (name: string) =>
  new DomainError('invalid', `This account already has a preset called “${name}”. Choose another name.`, 'name');

/** The account, if the admin administers it (the scoped client sees no other). */
async function accountToChange(db: Db, accountId: string) {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { id: true } });
  if (!account) throw new DomainError('not-found', NO_ACCOUNT);
  return account;
}

/** An account's presets by name, for anyone who may see the account (ReadOnly admins too); null when they may not. */
export async function listPermissionPresets(admin: SessionAdmin, accountId: string): Promise<PermissionPreset[] | null> {
  const db = await scopedPrisma(admin);
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: { permissionPresets: { select: SELECT, orderBy: [{ nameKey: 'asc' }, { id: 'asc' }], take: MAX_PRESETS_PER_ACCOUNT * 2 } },
  });
  return account ? account.permissionPresets : null;
}

/** One of the account's presets, or null: missing and out of scope read the same. */
export async function getPermissionPreset(admin: SessionAdmin, accountId: string, presetId: string): Promise<PermissionPreset | null> {
  const presets = await listPermissionPresets(admin, accountId);
  return presets?.find((p) => p.id === presetId) ?? null;
}

export type CreatePresetInput = Permissions & { accountId: string; name: string };

/** Adds a preset to the account; its name is new to the account whatever its capitals. */
export async function createPermissionPreset(admin: SessionAdmin, input: CreatePresetInput): Promise<PermissionPreset> {
  const wanted = { name: input.name, ...permissionsOf(input) };
  const about = { accountId: input.accountId, attempted: wanted };
  return mutate(admin, { action: 'create-permission-preset', permission: 'change', about }, async ({ db, write }) => {
    const account = await accountToChange(db, input.accountId);
    const nameKey = accountNameKey(input.name);
    return write(
      async (tx) => {
        const count = await tx.permissionPreset.count({ where: { accountId: account.id } });
        if (count >= MAX_PRESETS_PER_ACCOUNT)
          throw new DomainError(
            'invalid',
            `This account has ${MAX_PRESETS_PER_ACCOUNT} presets already. Delete one it no longer uses first.`,
          );
        // Read first for a message without a failed statement; the unique index decides a race.
        if (
          await tx.permissionPreset.findUnique({ where: { accountId_nameKey: { accountId: account.id, nameKey } }, select: { id: true } })
        )
          throw duplicate(input.name);
        const preset = await tx.permissionPreset.create({
          data: { accountId: account.id, nameKey, ...wanted },
          select: SELECT,
        });
        await recordAudit(tx, {
          admin,
          action: 'create-permission-preset',
          outcome: 'Done',
          accountId: account.id,
          after: audited(preset),
        });
        return preset;
      },
      { unique: () => duplicate(input.name) },
    );
  });
}

export type EditPresetInput = CreatePresetInput & { presetId: string; version: number };

/** Renames a preset or changes its permissions, if nobody changed it since the form was shown. */
export async function editPermissionPreset(admin: SessionAdmin, input: EditPresetInput): Promise<PermissionPreset & { repeated: boolean }> {
  const wanted = { name: input.name, ...permissionsOf(input) };
  const about = { accountId: input.accountId, attempted: { presetId: input.presetId, ...wanted } };
  return mutate(admin, { action: 'edit-permission-preset', permission: 'change', about }, async ({ db, write }) => {
    const account = await accountToChange(db, input.accountId);
    const current = await db.permissionPreset.findFirst({ where: { id: input.presetId, accountId: account.id }, select: SELECT });
    if (!current) throw new DomainError('conflict', 'That preset was deleted a moment ago. Nothing was changed.');
    const same = current.name === wanted.name && JSON.stringify(permissionsOf(current)) === JSON.stringify(permissionsOf(wanted));
    if (same) return { ...current, repeated: true }; // a replay, or nothing to change
    const stale = async () => {
      const now = await db.permissionPreset.findFirst({ where: { id: input.presetId, accountId: account.id }, select: { id: true } });
      return now
        ? new DomainError(
            'conflict',
            `Someone else changed “${current.name}” while you were editing. The form now shows it as it is; make your change again if it is still needed.`,
          )
        : new DomainError('conflict', `Someone else deleted “${current.name}” a moment ago. Nothing was changed.`);
    };
    if (current.version !== input.version) throw await stale();
    return write(
      async (tx, lost) => {
        const { count } = await tx.permissionPreset.updateMany({
          where: { id: current.id, accountId: account.id, version: input.version },
          data: { ...wanted, nameKey: accountNameKey(wanted.name), version: { increment: 1 } },
        });
        if (count !== 1) lost();
        await recordAudit(tx, {
          admin,
          action: 'edit-permission-preset',
          outcome: 'Done',
          accountId: account.id,
          before: audited(current),
          after: audited({ id: current.id, ...wanted }),
        });
        return { id: current.id, ...wanted, version: input.version + 1, repeated: false };
      },
      { lost: stale, unique: () => duplicate(wanted.name) },
    );
  });
}

/** Deletes a preset once confirmed. Users who were given its permissions keep them. */
export async function deletePermissionPreset(
  admin: SessionAdmin,
  input: { accountId: string; presetId: string; version: number },
): Promise<{ name: string | null; repeated: boolean }> {
  const about = { accountId: input.accountId, attempted: { presetId: input.presetId } };
  return mutate(admin, { action: 'delete-permission-preset', permission: 'change', about }, async ({ db, write }) => {
    const account = await accountToChange(db, input.accountId);
    const current = await db.permissionPreset.findFirst({ where: { id: input.presetId, accountId: account.id }, select: SELECT });
    if (!current) return { name: null, repeated: true }; // deleted already (a replay, or another admin)
    const changed = () =>
      new DomainError(
        'conflict',
        `Someone else changed “${current.name}” a moment ago. Check it below, and delete it again if it is still not needed.`,
      );
    if (current.version !== input.version) throw changed();
    return write(
      async (tx, lost) => {
        const { count } = await tx.permissionPreset.deleteMany({
          where: { id: current.id, accountId: account.id, version: input.version },
        });
        if (count !== 1) lost();
        await recordAudit(tx, {
          admin,
          action: 'delete-permission-preset',
          outcome: 'Done',
          accountId: account.id,
          before: audited(current),
        });
        return { name: current.name, repeated: false };
      },
      { lost: changed },
    );
  });
}

/** A preset chosen on a form (`version` the one it showed) or by the API (no version: as it is). */
export type PresetSelection = { presetId: string; version?: number };

/** The permissions a change applies, and the preset they came from (null: All off, the default). */
export type AppliedPermissions = Permissions & { preset: { id: string; name: string; version: number } | null };

export const ALL_OFF: Permissions = { inboundCalling: false, outboundCalling: false, sms: false };

/**
 * "Permissions after assigning", resolved inside the change's transaction: All off when nothing
 * was chosen, else the account's preset as it is now, read under a share lock so that it cannot
 * be edited or deleted before the change commits. A preset that is gone, in another account, or
 * changed since the form showed it is refused with a message for the form's choice, and the
 * change rolls back with nothing done.
 */
export async function resolvePresetSelection(
  tx: Tx,
  accountId: string,
  choice: PresetSelection | null | undefined,
): Promise<AppliedPermissions> {
  if (!choice) return { ...ALL_OFF, preset: null };
  const rows = await tx.$queryRaw<(PermissionPreset & { accountId: string })[]>`
    SELECT id, "accountId", name, version, "inboundCalling", "outboundCalling", sms
    FROM "PermissionPreset" WHERE id = ${choice.presetId} AND "accountId" = ${accountId} FOR SHARE`;
  const preset = rows[0];
  if (!preset)
    throw new DomainError(
      'conflict',
      'The permission preset you chose was deleted, or is not one of this account’s. Nothing was changed; choose the permissions again.',
      'permissionPreset',
    );
  if (choice.version !== undefined && preset.version !== choice.version)
    throw new DomainError(
      'conflict',
      `Someone changed the preset “${preset.name}” while you were choosing. Nothing was changed; check the choices below and try again.`,
      'permissionPreset',
    );
  return { ...permissionsOf(preset), preset: { id: preset.id, name: preset.name, version: preset.version } };
}

/** What an assign action puts in its flash, so the banner can say which permissions were set. */
export function presetFlash(applied: AppliedPermissions | undefined) {
  return applied?.preset ? { preset: { name: applied.preset.name, ...permissionsOf(applied) } } : {};
}
