'use client';

import { activateAccountSchema, deleteAccountSchema, suspendAccountSchema } from '@/lib/directory/account-schemas';
import { ConfirmForm } from '@/app/_components/confirm-form';
import { activateAccountAction, deleteAccountAction, suspendAccountAction } from '@/app/accounts/actions';

// Suspend account, Activate account and Delete account: the shared confirmation form, with the account's id.
const KINDS = {
  suspend: { schema: suspendAccountSchema, action: suspendAccountAction, button: 'Suspend account', warning: true },
  activate: { schema: activateAccountSchema, action: activateAccountAction, button: 'Activate account', warning: false },
  delete: { schema: deleteAccountSchema, action: deleteAccountAction, button: 'Delete account', warning: true },
} as const;

type Props = {
  kind: keyof typeof KINDS;
  title: string;
  accountId: string;
  confirmLabel: string;
  explanation: string;
  blocker: string | null;
};

export function ConfirmAccountForm({ kind, accountId, ...rest }: Props) {
  return <ConfirmForm {...KINDS[kind]} hidden={{ accountId }} {...rest} />;
}
