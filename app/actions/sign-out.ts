'use server';

import { signOut } from '@/lib/auth/auth';
import { endCurrentSession } from '@/lib/auth/end-session';

/** Ends the admin's session, on the server as well as in the browser, and returns to the sign-in page. */
export async function signOutAction(): Promise<void> {
  await endCurrentSession();
  await signOut({ redirectTo: '/login' });
}
