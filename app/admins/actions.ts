'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { addAdmin, changeAdminAccess, disableAdmin, enableAdmin, resetAdminPassword } from '@/lib/admins/admin-management';
import { setFlash, type ChangeFlash } from '@/lib/http/flash';
import { formAction } from '@/lib/forms/server-action';
import {
  addAdminSchema,
  changeAdminAccessSchema,
  disableAdminSchema,
  enableAdminSchema,
  resetAdminPasswordSchema,
} from '@/lib/admins/schemas';

const adminPath = (adminId: string) => `/admins/${adminId}`;

/**
 * A refusal because the admin may not manage admins (already audited by the data layer) answers
 * what the pages answer them: "Page not found". Redirecting from the action is a 303 to a GET;
 * left to the page's own check it would be a 307 that makes the browser post the form again.
 */
const asPages = { deniedAsNotFound: true };

async function done(
  flash: { kind: ChangeFlash['kind']; adminId: string },
  secret?: { oneTimePassword: string; shownTo: string },
): Promise<never> {
  await setFlash(flash, secret);
  revalidatePath('/admins');
  revalidatePath(adminPath(flash.adminId));
  redirect(adminPath(flash.adminId));
}

/** Adds an admin, then shows the admin who added them their one-time password, once. */
export const addAdminAction = formAction(
  addAdminSchema,
  async (admin, input) => {
    const added = await addAdmin(admin, {
      email: input.email,
      name: input.name,
      role: input.role,
      allAccounts: input.accounts === 'all',
      accountIds: input.accountIds,
    });
    await done({ kind: 'admin-added', adminId: added.id }, { oneTimePassword: added.oneTimePassword, shownTo: admin.id });
  },
  asPages,
);

/** Saves an admin's role and accounts; their sessions end. */
export const changeAdminAccessAction = formAction(
  changeAdminAccessSchema,
  async (admin, input) => {
    const result = await changeAdminAccess(admin, {
      adminId: input.adminId,
      version: input.version,
      role: input.role,
      allAccounts: input.accounts === 'all',
      accountIds: input.accountIds,
    });
    // Changing oneself ends one's own session too: there is no page to come back to but sign-in.
    if (result.id === admin.id && !result.repeated) redirect('/accounts');
    await done({ kind: 'admin-changed', adminId: result.id });
  },
  asPages,
);

/** Disables an admin once confirmed; they are signed out and cannot sign in. */
export const disableAdminAction = formAction(
  disableAdminSchema,
  async (admin, input) => {
    const result = await disableAdmin(admin, input);
    await done({ kind: 'admin-disabled', adminId: result.id });
  },
  asPages,
);

/** Lets a disabled admin sign in again. */
export const enableAdminAction = formAction(
  enableAdminSchema,
  async (admin, input) => {
    const result = await enableAdmin(admin, input);
    await done({ kind: 'admin-enabled', adminId: result.id });
  },
  asPages,
);

/** Gives an admin a new one-time password, shown once to the admin who reset it. */
export const resetAdminPasswordAction = formAction(
  resetAdminPasswordSchema,
  async (admin, input) => {
    const result = await resetAdminPassword(admin, input);
    await done({ kind: 'admin-password-reset', adminId: result.id }, { oneTimePassword: result.oneTimePassword, shownTo: admin.id });
  },
  asPages,
);
