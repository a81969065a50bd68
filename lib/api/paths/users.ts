import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { id } from '@/lib/forms/fields';
import { REGISTRATION_STATUSES } from '@/lib/directory/user-params';
import { addUserSchema, emailField, fullNameField, LICENSES, licenseField, USER_TYPES, userTypeField } from '@/lib/directory/user-schemas';
import type { UserDetails, UserRow } from '@/lib/directory/users';
import { etagHeader, idempotencyKeyHeader, idParam, ifMatchHeader, locationHeader, ok, problems } from '../openapi-common';
import { cursorQuery, pageOf } from '../pagination';

// /api/v1/users: the user as the API shows it (also the answer of the workflows, lib/api/paths/
// workflows.ts), and the paths of the users endpoints.

const REGISTRATION = ['Unregistered', 'Registered', 'Suspended'] as const;
const INVITATION = ['Pending', 'Sent', 'Failed', 'Accepted'] as const;

export const telephonyPermissionsSchema = z
  .object({ inboundCalling: z.boolean(), outboundCalling: z.boolean(), sms: z.boolean() })
  .meta({ id: 'TelephonyPermissions' });

export const userSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    fullName: z.string(),
    email: z.string(),
    userType: z.enum(USER_TYPES),
    license: z.enum(LICENSES),
    registrationStatus: z.string().meta({ description: `One of ${REGISTRATION.join(', ')}.` }),
    invitationStatus: z.string().meta({ description: `One of ${INVITATION.join(', ')}.` }),
    suspended: z.boolean(),
    removedAt: z
      .string()
      .nullable()
      .meta({ description: 'When the user was removed (their record stays readable); null while they are in the account.' }),
    phoneNumber: z.object({ id: z.string(), e164: z.string() }).nullable(),
    permissions: telephonyPermissionsSchema,
    version: z.number().int().meta({ description: 'Bumped by every change; also the ETag ("v<version>") for If-Match.' }),
  })
  .meta({ id: 'User' });
export type ApiUser = z.output<typeof userSchema>;

export function toApiUser(u: UserDetails): ApiUser {
  return {
    id: u.id,
    accountId: u.accountId,
    fullName: u.fullName,
    email: u.email,
    userType: u.userType as ApiUser['userType'],
    license: u.license as ApiUser['license'],
    registrationStatus: u.registrationStatus,
    invitationStatus: u.invitationStatus,
    suspended: u.registrationStatus === 'Suspended',
    removedAt: u.removedAt ? u.removedAt.toISOString() : null,
    // Named field by field: the console's reads carry more (the number's version) than the API shows.
    phoneNumber: u.phoneNumber && { id: u.phoneNumber.id, e164: u.phoneNumber.e164 },
    permissions: { inboundCalling: u.inboundCalling, outboundCalling: u.outboundCalling, sms: u.sms },
    version: u.version,
  };
}

// ---- List ---------------------------------------------------------------------------------

export const userListItemSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    fullName: z.string(),
    email: z.string(),
    license: z.enum(LICENSES),
    registrationStatus: z.string().meta({ description: `One of ${REGISTRATION.join(', ')}.` }),
    suspended: z.boolean(),
    e164: z.string().nullable().meta({ description: 'Their phone number (E.164), or null; GET /users/{userId} gives its id.' }),
    permissions: telephonyPermissionsSchema,
  })
  .meta({ id: 'UserListItem' });

export const userPageSchema = pageOf(userListItemSchema, 'UserPage', {
  total: z.number().int().meta({ description: 'How many users match, on all pages.' }),
});

export const userListQuery = z.object({
  accountId: z
    .string({ error: 'Name the account whose users to list: accountId is required.' })
    .pipe(id)
    .meta({ description: 'The account whose users to list (required).' }),
  q: z.string().trim().max(100).optional().meta({ description: 'Part of the name or email, or 3 or more digits of the number.' }),
  number: z.enum(['with', 'without']).optional().meta({ description: 'Only users with a phone number, or only those without.' }),
  status: z.enum(REGISTRATION_STATUSES).optional().meta({ description: 'Only users of this registration status.' }),
  license: z.enum(LICENSES).optional().meta({ description: 'Only users with this licence.' }),
  ...cursorQuery,
});

export const toUserListItem =
  (accountId: string) =>
  (u: UserRow): z.output<typeof userListItemSchema> => ({
    id: u.id,
    accountId,
    fullName: u.fullName,
    email: u.email,
    license: u.license as (typeof LICENSES)[number],
    registrationStatus: u.registrationStatus,
    suspended: u.registrationStatus === 'Suspended',
    e164: u.phoneNumber,
    permissions: { inboundCalling: u.inboundCalling, outboundCalling: u.outboundCalling, sms: u.sms },
  });

// ---- Changes: the Add user and Edit user forms' own fields ---------------------------------

/** Add user: the form's fields; user type Private user unless given, licence the account's default unless given. */
export const createUserBody = addUserSchema
  .extend({ userType: userTypeField.default('PrivateUser'), license: licenseField.optional() })
  .meta({ id: 'CreateUser' });

/** Edit user: any of the form's fields; those left out keep their values. */
export const updateUserBody = z
  .object({
    fullName: fullNameField.optional(),
    email: emailField.optional(),
    userType: userTypeField.optional(),
    license: licenseField.optional(),
  })
  .meta({ id: 'UpdateUser' });

// ---- Paths --------------------------------------------------------------------------------

const userIdParam = idParam('userId', 'The user’s id.');
const userOk = (description: string) => ok(description, userSchema, etagHeader);
/** A change to one user: the statuses every one of them can answer. */
const changeProblems = problems('400', '403', '404', '409', '412', '413', '415');

export const usersPaths: ZodOpenApiPathsObject = {
  '/users': {
    get: {
      operationId: 'listUsers',
      summary: 'List the users of an account',
      description: 'Present users only (removed users are not listed), by full name. A Link header names the next and previous pages.',
      tags: ['Users'],
      requestParams: { query: userListQuery },
      responses: { '200': ok('One page of users.', userPageSchema), ...problems('400', '404') },
    },
    post: {
      operationId: 'createUser',
      summary: 'Add a user',
      description: 'As the console’s Add user: the user is added to the account and their invitation email is sent.',
      tags: ['Users'],
      requestParams: { header: idempotencyKeyHeader },
      requestBody: { required: true, content: { 'application/json': { schema: createUserBody } } },
      responses: {
        '201': ok('Added.', userSchema, locationHeader.extend(etagHeader.shape)),
        ...problems('400', '403', '404', '409', '413', '415', '422'),
      },
    },
  },
  '/users/{userId}': {
    get: {
      operationId: 'getUser',
      summary: 'One user',
      description: 'A removed user stays readable, with `removedAt` set.',
      tags: ['Users'],
      requestParams: { path: userIdParam },
      responses: { '200': userOk('The user.'), ...problems('404') },
    },
    patch: {
      operationId: 'updateUser',
      summary: 'Edit a user',
      description:
        'As the console’s Edit user. Fields left out keep their values. A change that leaves the user as they are changes nothing (200, same version).',
      tags: ['Users'],
      requestParams: { path: userIdParam, header: ifMatchHeader },
      requestBody: { required: true, content: { 'application/json': { schema: updateUserBody } } },
      responses: { '200': userOk('The user as saved.'), ...changeProblems, ...problems('422') },
    },
    delete: {
      operationId: 'removeUser',
      summary: 'Remove a user',
      description:
        'As the console’s Remove user: their phone number goes back to the inventory as Unassigned, in the same transaction, and calling and SMS go off. ' +
        'The user stays readable with `removedAt` set; removing them again answers the same.',
      tags: ['Users'],
      requestParams: { path: userIdParam, header: ifMatchHeader },
      responses: { '200': userOk('The user as removed.'), ...changeProblems },
    },
  },
  '/users/{userId}/suspend': {
    post: {
      operationId: 'suspendUser',
      summary: 'Suspend a user',
      description:
        'As the console’s Suspend user: registration status Suspended, calling and SMS off; they keep their phone number. A user already suspended is answered as they are (nothing changes).',
      tags: ['Users'],
      requestParams: { path: userIdParam, header: ifMatchHeader },
      responses: { '200': userOk('The user, suspended.'), ...changeProblems },
    },
  },
  '/users/{userId}/unsuspend': {
    post: {
      operationId: 'unsuspendUser',
      summary: 'Unsuspend a user',
      description:
        'As the console’s Unsuspend user: Registered again if they have ever signed in, else Unregistered; calling and SMS stay off. A user not suspended is answered as they are (nothing changes).',
      tags: ['Users'],
      requestParams: { path: userIdParam, header: ifMatchHeader },
      responses: { '200': userOk('The user, unsuspended.'), ...changeProblems },
    },
  },
};
