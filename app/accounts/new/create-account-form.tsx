'use client';

import type { UseFormRegisterReturn } from 'react-hook-form';
import { ACCOUNT_TYPES, createAccountSchema, LICENSES, MAX_ACCOUNT_NAME, type CreateAccountInput } from '@/lib/directory/account-schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { label } from '@/lib/kernel/labels';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { createAccountAction } from '@/app/accounts/actions';

const TITLE = 'Create account – Accounts – Switchboard';

/** A group of radios; the first carries the group's name as its id, so the error summary's link lands on it. */
function Radios(props: {
  name: string;
  legend: string;
  hint: string;
  options: readonly string[];
  chosen: string | undefined;
  error: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  const { name, legend, hint, options, chosen, error, registration } = props;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <fieldset aria-describedby={`${name}-hint${error ? ` ${name}-error` : ''}`}>
        <legend>{legend}</legend>
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
        <FieldError id={name} message={error} />
        <div className="radios">
          {options.map((value, i) => {
            const id = i === 0 ? name : `${name}-${value}`;
            return (
              <div className="radio" key={value}>
                <input type="radio" id={id} value={value} defaultChecked={chosen === value} {...registration} />
                <label htmlFor={id}>{label(value)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function CreateAccountForm() {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<CreateAccountInput>(
    createAccountSchema,
    createAccountAction,
    { name: '', type: 'Team', defaultLicense: 'Pro' },
  );
  const errors = { name: errorFor('name'), type: errorFor('type'), defaultLicense: errorFor('defaultLicense') };
  const typed = (name: string) => {
    const v = state.values?.[name];
    return typeof v === 'string' ? v : undefined;
  };
  // Team and Pro until the admin chooses: Chime's defaults for a new account.
  const chosen = state.values ? { type: typed('type'), defaultLicense: typed('defaultLicense') } : { type: 'Team', defaultLicense: 'Pro' };
  const hasErrors = Boolean(state.formError || Object.values(errors).some(Boolean));
  return (
    <>
      <title>{`${hasErrors ? 'Error: ' : ''}${TITLE}`}</title>
      <ErrorSummary
        formError={state.formError}
        serverErrors={state.fieldErrors}
        fields={Object.entries(errors).map(([id, message]) => ({ id, message }))}
      />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <div className={`field${errors.name ? ' has-error' : ''}`}>
          <label htmlFor="name">Account name</label>
          <p className="hint" id="name-hint">
            Up to {MAX_ACCOUNT_NAME} characters. No two accounts may have the same name, whatever its capitals.
          </p>
          <FieldError id="name" message={errors.name} />
          <input
            id="name"
            type="text"
            autoComplete="off"
            defaultValue={typed('name')}
            aria-describedby={`name-hint${errors.name ? ' name-error' : ''}`}
            aria-invalid={errors.name ? true : undefined}
            {...form.register('name')}
          />
        </div>
        <Radios
          name="type"
          legend="Account type"
          hint="Team: users are invited by email. Enterprise: users come from your directory or identity provider."
          options={ACCOUNT_TYPES}
          chosen={chosen.type}
          error={errors.type}
          registration={form.register('type')}
        />
        <Radios
          name="defaultLicense"
          legend="Default licence"
          hint="The licence new users of this account get, unless you choose another for them."
          options={LICENSES}
          chosen={chosen.defaultLicense}
          error={errors.defaultLicense}
          registration={form.register('defaultLicense')}
        />
        <button type="submit" disabled={pending}>
          Create account
        </button>
      </form>
    </>
  );
}
