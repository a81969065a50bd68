'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { safeReturnPath } from '@/lib/auth/return-path';
import { fieldErrorsOf, type ActionState } from '@/lib/forms/action-state';
import { signInSchema } from '@/lib/forms/schemas';

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
    // Wrong email, wrong password and disabled admin look the same: nothing is revealed.
    if (err instanceof AuthError) return { formError: 'The email address or password is incorrect.', values: { email } };
    throw err; // the redirect after a successful sign-in
  }
  return {};
}
