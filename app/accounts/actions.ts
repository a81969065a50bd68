'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { activateAccount, createAccount, deleteAccount, renameAccount, suspendAccount } from '@/lib/directory/account-changes';
import {
  activateAccountSchema,
  createAccountSchema,
  deleteAccountSchema,
  renameAccountSchema,
  suspendAccountSchema,
} from '@/lib/directory/account-schemas';
import { setFlash, type AccountFlash } from '@/lib/http/flash';
import { formAction } from '@/lib/forms/server-action';

const accountPath = (accountId: string) => `/accounts/${accountId}`;

/**
 * A refusal because the admin may not manage accounts (already audited by the data layer) answers
 * what the pages answer them: "Page not found", as a 303 to a GET (as the Admins forms do).
 */
const asPages = { deniedAsNotFound: true };

async function done(flash: AccountFlash, to = accountPath(flash.accountId)): Promise<never> {
  await setFlash(flash);
  revalidatePath('/accounts');
  revalidatePath(accountPath(flash.accountId), 'layout');
  redirect(to);
}

/** Creates an account, then opens it with what to do next. */
export const createAccountAction = formAction(
  createAccountSchema,
  async (admin, input) => {
    const created = await createAccount(admin, input);
    await done({ kind: 'account-created', accountId: created.id });
  },
  asPages,
);

/** Renames an account, unless someone else renamed it since the form was shown. */
export const renameAccountAction = formAction(
  renameAccountSchema,
  async (admin, input) => {
    const result = await renameAccount(admin, input);
    await done({ kind: 'account-renamed', accountId: result.id, repeated: result.repeated });
  },
  asPages,
);

/** Suspends an account once confirmed: its users keep their numbers; nothing new is assigned there. */
export const suspendAccountAction = formAction(
  suspendAccountSchema,
  async (admin, input) => {
    const result = await suspendAccount(admin, input);
    await done({ kind: 'account-suspended', accountId: result.id, repeated: result.repeated });
  },
  asPages,
);

/** Activates a suspended account once confirmed. */
export const activateAccountAction = formAction(
  activateAccountSchema,
  async (admin, input) => {
    const result = await activateAccount(admin, input);
    await done({ kind: 'account-activated', accountId: result.id, repeated: result.repeated });
  },
  asPages,
);

/** Deletes an account with no users once confirmed, then back to Accounts with what was deleted. */
export const deleteAccountAction = formAction(
  deleteAccountSchema,
  async (admin, input) => {
    const result = await deleteAccount(admin, input);
    await done({ kind: 'account-deleted', accountId: result.id, name: result.name }, '/accounts');
  },
  asPages,
);
