'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createProvisioningToken, revokeProvisioningToken } from '@/lib/api/tokens';
import { formAction } from '@/lib/forms/server-action';
import { setProvisioningTokenFlash } from '@/lib/http/flash';
import { createProvisioningTokenSchema, revokeProvisioningTokenSchema } from '@/lib/scim/provisioning-schemas';

const provisioningPath = (accountId: string) => `/accounts/${accountId}/provisioning`;

/** The pages answer "Page not found" to an admin who may not change the account; so does a refused post. */
const asPages = { deniedAsNotFound: true };

/** Makes a provisioning token, then shows its secret to the admin who made it, once. */
export const createProvisioningTokenAction = formAction(
  createProvisioningTokenSchema,
  async (admin, input) => {
    const token = await createProvisioningToken(admin, input);
    await setProvisioningTokenFlash(
      { kind: 'provisioning-token-created', accountId: input.accountId, tokenId: token.id },
      { token: token.secret, shownTo: admin.id },
    );
    revalidatePath(provisioningPath(input.accountId));
    redirect(provisioningPath(input.accountId));
  },
  asPages,
);

/** Revokes a provisioning token once confirmed: the identity provider's next call is refused. */
export const revokeProvisioningTokenAction = formAction(
  revokeProvisioningTokenSchema,
  async (admin, input) => {
    const result = await revokeProvisioningToken(admin, input);
    await setProvisioningTokenFlash({
      kind: 'provisioning-token-revoked',
      accountId: input.accountId,
      tokenId: input.tokenId,
      repeated: result.repeated,
    });
    revalidatePath(provisioningPath(input.accountId));
    redirect(provisioningPath(input.accountId));
  },
  asPages,
);
