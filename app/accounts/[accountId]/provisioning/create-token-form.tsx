'use client';

import { createProvisioningTokenSchema, type CreateProvisioningTokenInput } from '@/lib/scim/provisioning-schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { createProvisioningTokenAction } from './actions';

export function CreateTokenForm({ title, accountId }: { title: string; accountId: string }) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<CreateProvisioningTokenInput>(
    createProvisioningTokenSchema,
    createProvisioningTokenAction,
    { accountId, name: '' },
  );
  const error = errorFor('name');
  const typed = typeof state.values?.name === 'string' ? state.values.name : undefined;
  return (
    <>
      <title>{`${state.formError || error ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[{ id: 'name', message: error }]} />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('accountId')} value={accountId} />
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="name">Token name</label>
          <p className="hint" id="name-hint">
            Say where it is used, such as “Microsoft Entra ID” or “Okta”, so that it can be told apart later.
          </p>
          <FieldError id="name" message={error} />
          <input
            id="name"
            type="text"
            autoComplete="off"
            defaultValue={typed}
            aria-describedby={`name-hint${error ? ' name-error' : ''}`}
            aria-invalid={error ? true : undefined}
            {...form.register('name')}
          />
        </div>
        <p>When you create it, you see its secret once. Paste it into your identity provider as the secret token.</p>
        <button type="submit" disabled={pending}>
          Create token
        </button>
      </form>
    </>
  );
}
