import 'server-only';
import type { Prisma, PrismaClient, AuditOutcome } from '@/lib/generated/prisma/client';

export type AuditAction =
  | 'sign-in'
  /** A form posted without a valid session; the ids it claimed are named in the detail, unchecked. */
  | 'signed-out-attempt'
  | 'assign-phone-number'
  | 'unassign-phone-number'
  | 'move-phone-number'
  | 'edit-telephony-permissions'
  | 'edit-calling-name'
  | 'delete-phone-number'
  | 'restore-phone-number'
  | 'purge-phone-number'
  | 'add-phone-numbers'
  /** A file of changes (lib/telephony/phone-change-files.ts): its refusals, and a summary once applied; each row is audited as its own change. */
  | 'change-phone-numbers-from-file'
  // The Admins page (lib/admins/admin-management.ts). A refused look at it is 'view-admins'.
  | 'view-admins'
  | 'create-admin'
  | 'change-admin'
  | 'disable-admin'
  | 'enable-admin'
  | 'reset-admin-password'
  /** An admin's own setting (lib/admins/time-zone.ts). */
  | 'change-time-zone'
  // Accounts (admins of all accounts) and their users (lib/directory/).
  | 'create-account'
  | 'rename-account'
  | 'suspend-account'
  | 'activate-account'
  | 'delete-account'
  | 'add-user'
  | 'import-users'
  | 'edit-user'
  | 'change-user-license'
  | 'suspend-user'
  | 'unsuspend-user'
  | 'remove-user'
  // API and provisioning tokens (lib/api/tokens.ts), and a refused machine call (lib/api/route.ts).
  | 'create-api-token'
  | 'revoke-api-token'
  | 'create-provisioning-token'
  | 'revoke-provisioning-token'
  // An account's permission presets (lib/presets/).
  | 'create-permission-preset'
  | 'edit-permission-preset'
  | 'delete-permission-preset'
  | 'api-request';

export type AuditInput = {
  /** With `token` when the admin acted through an API or provisioning token (kept beside them). */
  admin?: { id: string; email: string; token?: { id: string; name: string } } | null;
  /** For sign-in attempts by someone who is not (yet) an admin. */
  adminEmail?: string;
  action: AuditAction;
  outcome: AuditOutcome;
  accountId?: string | null;
  userId?: string | null;
  phoneNumberId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  detail?: string;
};

/** Appends one audit row. Called inside the transaction of the change it records. */
export async function recordAudit(db: Prisma.TransactionClient | PrismaClient, input: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      adminId: input.admin?.id ?? null,
      adminEmail: input.admin?.email ?? input.adminEmail ?? null,
      action: input.action,
      outcome: input.outcome,
      accountId: input.accountId ?? null,
      userId: input.userId ?? null,
      phoneNumberId: input.phoneNumberId ?? null,
      before: input.before,
      after: input.after,
      detail: input.detail ?? null,
      tokenId: input.admin?.token?.id ?? null,
      tokenName: input.admin?.token?.name ?? null,
    },
    select: { id: true },
  });
}
