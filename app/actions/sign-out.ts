'use server';

import { signOut } from '@/lib/auth/auth';

/** Ends the admin's session and returns to the sign-in page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
