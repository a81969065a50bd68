'use client';

import { MAX_ACCOUNT_NAME, renameAccountSchema, type RenameAccountInput } from '@/lib/directory/account-schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { renameAccountAction } from '@/app/accounts/actions';

/** The account's name, with the name it had when the form was shown (its version, in effect). */
export function RenameForm({ title, accountId, currentName }: { title: string; accountId: string; currentName: string }) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<RenameAccountInput>(
    renameAccountSchema,
    renameAccountAction,
    { accountId, currentName, name: currentName },
  );
  const error = errorFor('name');
  const typed = typeof state.values?.name === 'string' ? state.values.name : currentName;
  return (
    <>
      <title>{`${state.formError || error ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[{ id: 'name', message: error }]} />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('accountId')} value={accountId} />
        <input type="hidden" {...form.register('currentName')} value={currentName} />
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="name">Account name</label>
          <p className="hint" id="name-hint">
            Up to {MAX_ACCOUNT_NAME} characters. No two accounts may have the same name, whatever its capitals.
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
        <button type="submit" disabled={pending}>
          Rename
        </button>
      </form>
    </>
  );
}
