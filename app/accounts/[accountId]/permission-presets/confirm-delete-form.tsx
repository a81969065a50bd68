'use client';

import { deletePermissionPresetSchema } from '@/lib/presets/schemas';
import { ConfirmForm } from '@/app/_components/confirm-form';
import { deletePermissionPresetAction } from './actions';

type Props = {
  title: string;
  accountId: string;
  presetId: string;
  version: number;
  confirmLabel: string;
  explanation: string;
};

/** Delete: the shared confirmation form, with the account's and the preset's ids and the version shown. */
export function ConfirmDeleteForm({ accountId, presetId, version, ...rest }: Props) {
  return (
    <ConfirmForm
      schema={deletePermissionPresetSchema}
      action={deletePermissionPresetAction}
      hidden={{ accountId, presetId, version: String(version) }}
      button="Delete"
      warning
      blocker={null}
      {...rest}
    />
  );
}
