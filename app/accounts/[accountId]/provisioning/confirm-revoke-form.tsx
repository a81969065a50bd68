'use client';

import { revokeProvisioningTokenSchema } from '@/lib/scim/provisioning-schemas';
import { ConfirmForm } from '@/app/_components/confirm-form';
import { revokeProvisioningTokenAction } from './actions';

type Props = {
  title: string;
  accountId: string;
  tokenId: string;
  confirmLabel: string;
  explanation: string;
  blocker: string | null;
};

/** Revoke: the shared confirmation form, with the account's and the token's ids. */
export function ConfirmRevokeForm({ accountId, tokenId, ...rest }: Props) {
  return (
    <ConfirmForm
      schema={revokeProvisioningTokenSchema}
      action={revokeProvisioningTokenAction}
      hidden={{ accountId, tokenId }}
      button="Revoke"
      warning
      {...rest}
    />
  );
}
