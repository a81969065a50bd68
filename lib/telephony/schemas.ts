import { z } from 'zod';
import { checkbox, id, version } from '@/lib/forms/fields';
import { permissionsAfterAssigningField } from '@/lib/presets/schemas';

// One schema per form, used by react-hook-form in the browser and safeParse on the server.

/** Ids and version of the user the form was rendered for; hidden fields, so re-checked on the server. */
const userTarget = { accountId: id, userId: id };
/**
 * "Email <user> about this change": selected when the form is first shown, but a cleared box
 * posts nothing, so absent means no email.
 */
const notifyUser = { notifyUser: checkbox };

export const assignPhoneNumberSchema = z.object({
  ...userTarget,
  userVersion: version,
  phoneNumberId: z.string({ error: 'Select the phone number to assign' }).min(1, 'Select the phone number to assign').pipe(id),
  ...permissionsAfterAssigningField,
  ...notifyUser,
});
export type AssignPhoneNumberInput = z.input<typeof assignPhoneNumberSchema>;

export const editTelephonyPermissionsSchema = z.object({
  ...userTarget,
  version,
  inboundCalling: checkbox,
  outboundCalling: checkbox,
  sms: checkbox,
  ...notifyUser,
});
export type EditTelephonyPermissionsInput = z.input<typeof editTelephonyPermissionsSchema>;

export const unassignPhoneNumberSchema = z.object({
  ...userTarget,
  version,
  phoneNumberId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to unassign this phone number'),
  ...notifyUser,
});
export type UnassignPhoneNumberInput = z.input<typeof unassignPhoneNumberSchema>;

/**
 * "Move phone number": the holder and the number as the confirmation page showed them (their
 * versions, so a change meanwhile is a conflict), the new holder likewise, and the two choices.
 */
export const movePhoneNumberSchema = z.object({
  ...userTarget,
  version,
  phoneNumberId: id,
  numberVersion: version,
  toAccountId: id,
  toUserId: z.string({ error: 'Choose the user to move the number to' }).min(1, 'Choose the user to move the number to').pipe(id),
  toUserVersion: version,
  /** Unticked by default: the new holder's calling and SMS go off (rule 2) unless the admin keeps the old holder's. */
  keepPermissions: checkbox,
  /** Or one of the account's presets; All off by default (the data layer refuses both at once). */
  ...permissionsAfterAssigningField,
  notifyUser: checkbox,
  notifyNewUser: checkbox,
});
export type MovePhoneNumberInput = z.input<typeof movePhoneNumberSchema>;
