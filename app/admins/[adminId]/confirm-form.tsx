'use client';

import { disableAdminSchema, enableAdminSchema, resetAdminPasswordSchema } from '@/lib/admins/schemas';
import { ConfirmForm } from '@/app/_components/confirm-form';
import { disableAdminAction, enableAdminAction, resetAdminPasswordAction } from '@/app/admins/actions';

// Disable, Enable and Reset password: the shared confirmation form, with the admin's id.
const KINDS = {
  disable: { schema: disableAdminSchema, action: disableAdminAction, button: 'Disable', warning: true },
  enable: { schema: enableAdminSchema, action: enableAdminAction, button: 'Enable', warning: false },
  'reset-password': { schema: resetAdminPasswordSchema, action: resetAdminPasswordAction, button: 'Reset password', warning: true },
} as const;

type Props = {
  kind: keyof typeof KINDS;
  title: string;
  adminId: string;
  /** The checkbox's label, naming the admin. */
  confirmLabel: string;
  /** What will happen, said before the admin confirms. */
  explanation: string;
  /** Why this cannot be done now, instead of the form; the form is rendered anyway so a refusal shows why. */
  blocker: string | null;
};

export function ConfirmAdminForm({ kind, adminId, ...rest }: Props) {
  return <ConfirmForm {...KINDS[kind]} hidden={{ adminId }} {...rest} />;
}
