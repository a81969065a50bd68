'use client';

import { useEffect } from 'react';
import { signInSchema, type SignInInput } from '@/lib/auth/sign-in-schema';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { signInAction } from './actions';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<SignInInput>(signInSchema, signInAction);
  const emailError = errorFor('email');
  const passwordError = errorFor('password');
  const hasErrors = Boolean(state.formError || emailError || passwordError);
  // After a refused attempt the password is asked for again, as the server-rendered page does.
  useEffect(() => {
    if (state.formError) form.setValue('password', '');
  }, [state, form]);
  return (
    <>
      <title>{`${hasErrors ? 'Error: ' : ''}Sign in – Switchboard`}</title>
      <h1>Sign in</h1>
      <ErrorSummary
        formError={state.formError}
        fields={[
          { id: 'email', message: emailError },
          { id: 'password', message: passwordError },
        ]}
      />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className={`field${emailError ? ' has-error' : ''}`}>
          <label htmlFor="email">Email address</label>
          <FieldError id="email" message={emailError} />
          <input
            id="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            defaultValue={state.values?.email}
            aria-describedby={emailError ? 'email-error' : undefined}
            aria-invalid={emailError ? true : undefined}
            {...form.register('email')}
          />
        </div>
        <div className={`field${passwordError ? ' has-error' : ''}`}>
          <label htmlFor="password">Password</label>
          <FieldError id="password" message={passwordError} />
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            aria-describedby={passwordError ? 'password-error' : undefined}
            aria-invalid={passwordError ? true : undefined}
            {...form.register('password')}
          />
        </div>
        <button type="submit" disabled={pending}>
          Sign in
        </button>
      </form>
    </>
  );
}
