'use client';

import { removeUserSchema, suspendUserSchema, unsuspendUserSchema } from '@/lib/directory/user-schemas';
import { ConfirmForm } from '@/app/_components/confirm-form';
import { removeUserAction, suspendUserAction, unsuspendUserAction } from '@/app/accounts/[accountId]/users/user-actions';

// Suspend user, Unsuspend user and Remove user: the shared confirmation form, with the user's
// ids and the version the page was shown with (a stale page is refused).
const KINDS = {
  suspend: { schema: suspendUserSchema, action: suspendUserAction, button: 'Suspend', warning: true },
  unsuspend: { schema: unsuspendUserSchema, action: unsuspendUserAction, button: 'Unsuspend', warning: false },
  remove: { schema: removeUserSchema, action: removeUserAction, button: 'Remove', warning: true },
} as const;

type Props = {
  kind: keyof typeof KINDS;
  title: string;
  target: { accountId: string; userId: string; version: number };
  confirmLabel: string;
  explanation: string;
  blocker: string | null;
};

export function ConfirmUserForm({ kind, target, ...rest }: Props) {
  const hidden = { accountId: target.accountId, userId: target.userId, version: String(target.version) };
  return <ConfirmForm {...KINDS[kind]} hidden={hidden} {...rest} />;
}
