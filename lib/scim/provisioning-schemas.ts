import { z } from 'zod';
import { checkbox, id } from '@/lib/forms/fields';

// The Provisioning page's forms, used by react-hook-form in the browser and safeParse on the
// server. The token's name is checked by createProvisioningToken itself (lib/api/tokens.ts,
// tokenNameField), so its rule and messages live in one place.

export const createProvisioningTokenSchema = z.object({ accountId: id, name: z.string() });
export type CreateProvisioningTokenInput = z.input<typeof createProvisioningTokenSchema>;

export const revokeProvisioningTokenSchema = z.object({
  accountId: id,
  tokenId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to revoke this token'),
});
