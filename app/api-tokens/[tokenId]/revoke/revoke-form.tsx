'use client';

import { revokeApiTokenSchema } from '@/lib/api/token-schemas';
import { ConfirmForm } from '@/app/_components/confirm-form';
import { revokeApiTokenAction } from '@/app/api-tokens/actions';

type Props = {
  title: string;
  tokenId: string;
  confirmLabel: string;
  explanation: string;
  blocker: string | null;
};

/** Revoke token: the shared confirmation form, with the token's id. */
export function RevokeTokenForm({ tokenId, ...rest }: Props) {
  return <ConfirmForm schema={revokeApiTokenSchema} action={revokeApiTokenAction} hidden={{ tokenId }} button="Revoke" warning {...rest} />;
}
