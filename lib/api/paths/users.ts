import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { LICENSES, USER_TYPES } from '@/lib/directory/user-schemas';
import type { UserDetails } from '@/lib/directory/users';

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
    phoneNumber: u.phoneNumber,
    permissions: { inboundCalling: u.inboundCalling, outboundCalling: u.outboundCalling, sms: u.sms },
    version: u.version,
  };
}

// Filled in by the users endpoints (list, get, create, update, suspend, unsuspend, remove).
export const usersPaths: ZodOpenApiPathsObject = {};
