'use server';

import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { signInRetryAfter } from '@/lib/auth/credentials';
import { clientAddress } from '@/lib/auth/sign-in-throttle';
import { safeReturnPath } from '@/lib/auth/return-path';
import { fieldErrorsOf, type ActionState } from '@/lib/forms/action-state';
import { signInSchema } from '@/lib/auth/sign-in-schema';

/** Signs an admin in and sends them where they were going; one message for every failure. */
export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const email = String(formData.get('email') ?? '');
  const parsed = signInSchema.safeParse({ email, password: formData.get('password') ?? '' });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: { email } };
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeReturnPath(formData.get('callbackUrl')),
    });
  } catch (err) {
    if (!(err instanceof AuthError)) throw err; // the redirect after a successful sign-in
    // Wrong email, wrong password and disabled admin look the same: nothing is revealed. The
    // wait applies to unknown emails alike, so it reveals nothing either.
    const wait = await signInRetryAfter(email, clientAddress((await headers()).get('x-forwarded-for')));
    if (wait > 0) {
      const when = wait >= 120 ? `${Math.ceil(wait / 60)} minutes` : `${wait} seconds`;
      return {
        formError: `The email address or password is incorrect, or there have been too many attempts. Wait ${when} before trying again.`,
        values: { email },
      };
    }
    return { formError: 'The email address or password is incorrect.', values: { email } };
  }
  return {};
}
