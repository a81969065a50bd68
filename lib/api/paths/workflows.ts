import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { id } from '@/lib/forms/fields';
import { assignPhoneNumberSchema } from '@/lib/telephony/schemas';
import { etagHeader, idempotencyKeyHeader, idParam, ifMatchHeader, ok, problems } from '../openapi-common';
import { userSchema } from './users';

// The spec's three workflows on a user: assign a phone number, unassign it, edit telephony
// permissions. Each answers with the user as they are after it (the User of lib/api/paths/
// users.ts) and their ETag. The route handlers are app/api/v1/users/[userId]/phone-number and
// …/telephony-permissions; lib/api/user-change.ts is what they share.

const E164 = /^\+[1-9][0-9]{1,14}$/;

/**
 * "Email <user> about this change" is selected when each form is first shown, so the API emails
 * the user unless told not to.
 */
const notify = z
  .boolean()
  .default(true)
  .meta({ description: 'Email the user about the change, as the console’s “Email … about this change” (selected by default).' });

export const assignPhoneNumberBody = z
  .object({
    phoneNumberId: assignPhoneNumberSchema.shape.phoneNumberId.optional().meta({ description: 'The number to assign, by id.' }),
    e164: z
      .string()
      .regex(E164, 'Enter the phone number in E.164, such as +12065550100')
      .optional()
      .meta({ description: 'Or the number to assign, in E.164 (+12065550100).' }),
    permissionPresetId: id.optional().meta({
      description:
        'Permissions after assigning: the id of one of the user’s account’s permission presets, whose permissions are set with the ' +
        'number. Left out, calling and SMS are turned off (the default). A preset that does not exist in the account is 409.',
    }),
    notify,
  })
  .superRefine((body, ctx) => {
    if (body.phoneNumberId === undefined && body.e164 === undefined)
      ctx.addIssue({ code: 'custom', path: ['phoneNumberId'], message: 'Select the phone number to assign: send phoneNumberId or e164' });
    if (body.phoneNumberId !== undefined && body.e164 !== undefined)
      ctx.addIssue({ code: 'custom', path: ['e164'], message: 'Send phoneNumberId or e164, not both' });
  })
  .meta({ id: 'AssignPhoneNumber', description: 'The number by `phoneNumberId` or by `e164` (one of them).' });

const PERMISSIONS = ['inboundCalling', 'outboundCalling', 'sms'] as const;

export const editTelephonyPermissionsBody = z
  .object({
    inboundCalling: z.boolean().optional(),
    outboundCalling: z.boolean().optional(),
    sms: z.boolean().optional(),
    notify,
  })
  .refine((body) => PERMISSIONS.some((p) => body[p] !== undefined), 'Send at least one of inboundCalling, outboundCalling and sms')
  .meta({ id: 'EditTelephonyPermissions', description: 'The permissions to change; those left out stay as they are.' });

export const unassignPhoneNumberQuery = z.object({
  notify: z
    .enum(['true', 'false'])
    .default('true')
    .meta({ description: 'Email the user about the change (default true, as the console’s box is selected).' }),
});

const userIdParam = idParam('userId', 'The user’s id.');
const userAnswer = (description: string) => ok(description, userSchema, etagHeader);

export const workflowsPaths: ZodOpenApiPathsObject = {
  '/users/{userId}/phone-number': {
    post: {
      operationId: 'assignPhoneNumber',
      summary: 'Assign a phone number to a user',
      description:
        'An Unassigned Business Calling number, to a user who has none. Their inbound calling, outbound calling and SMS are turned off, ' +
        'or set to a permission preset’s with `permissionPresetId`; change them afterwards with PATCH …/telephony-permissions. A number someone else holds, or a user who already has one, is 409 ' +
        'with the console’s message; with If-Match, a user changed since that version is 412.',
      tags: ['Workflows'],
      requestParams: { path: userIdParam, header: ifMatchHeader.extend(idempotencyKeyHeader.shape) },
      requestBody: { required: true, content: { 'application/json': { schema: assignPhoneNumberBody } } },
      responses: {
        '201': userAnswer('Assigned: the user with the number, permissions off (or as the preset sets them).'),
        '200': userAnswer('The user already had this number: nothing changed.'),
        ...problems('400', '403', '404', '409', '412', '413', '415', '422'),
      },
    },
    delete: {
      operationId: 'unassignPhoneNumber',
      summary: 'Unassign a user’s phone number',
      description:
        'The number goes back to the inventory as Unassigned; the user’s calling and SMS are turned off. A user without a number is 422.',
      tags: ['Workflows'],
      requestParams: { path: userIdParam, query: unassignPhoneNumberQuery, header: ifMatchHeader },
      responses: {
        '200': userAnswer('Unassigned: the user without a number, permissions off.'),
        ...problems('400', '403', '404', '409', '412', '413', '415', '422'),
      },
    },
  },
  '/users/{userId}/telephony-permissions': {
    patch: {
      operationId: 'editTelephonyPermissions',
      summary: 'Edit a user’s inbound calling, outbound calling and SMS',
      description:
        'Permissions need a number: a user without one is 422, whatever the body says. SMS can be on only if the number can send it. Permissions saved as they already are change nothing: 200 with the user as they are, the same version, no audit event and no email.',
      tags: ['Workflows'],
      requestParams: { path: userIdParam, header: ifMatchHeader },
      requestBody: { required: true, content: { 'application/json': { schema: editTelephonyPermissionsBody } } },
      responses: {
        '200': userAnswer('Saved (or already so): the user as they are now.'),
        ...problems('400', '403', '404', '409', '412', '413', '415', '422'),
      },
    },
  },
};
