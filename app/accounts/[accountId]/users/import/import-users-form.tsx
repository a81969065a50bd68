'use client';

import { previewUsersSchema, type PreviewUsersInput } from '@/lib/directory/user-import-schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { previewUsersAction } from './actions';

type Props = { title: string; accountId: string; maxCsvMegabytes: number };

export function ImportUsersForm({ title, accountId, maxCsvMegabytes }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<PreviewUsersInput>(
    previewUsersSchema,
    previewUsersAction,
    { accountId },
  );
  const errors = { users: errorFor('users'), csv: errorFor('csv') };
  const hasError = Boolean(state.formError || Object.values(errors).some(Boolean));
  const describedBy = (id: keyof typeof errors) => [`${id}-hint`, errors[id] ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <>
      <title>{`${hasError ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary
        formError={state.formError}
        serverErrors={state.fieldErrors}
        fields={[
          { id: 'users', message: errors.users },
          { id: 'csv', message: errors.csv },
        ]}
      />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('accountId')} value={accountId} />
        <div className={`field${errors.users ? ' has-error' : ''}`}>
          <label htmlFor="users">Users</label>
          <p className="hint" id="users-hint">
            One on each line: full name, email address, and if you like user type (Private user or Shared device) and licence (Basic, Plus,
            Pro or Pro trial), separated by commas. For example: Pat Lee, pat.lee@example.com, Private user, Pro. Put a name that has a
            comma in double quotes.
          </p>
          <FieldError id="users" message={errors.users} />
          <textarea
            id="users"
            rows={10}
            spellCheck={false}
            autoComplete="off"
            defaultValue={state.values?.users as string | undefined}
            aria-describedby={describedBy('users')}
            {...form.register('users')}
          />
        </div>
        <div className={`field${errors.csv ? ' has-error' : ''}`}>
          <label htmlFor="csv">Or upload a CSV file</label>
          <p className="hint" id="csv-hint">
            With a header row naming the columns Full name, Email, User type and Licence (in any order; other columns are ignored), or
            without one, in that order. Up to {maxCsvMegabytes} MB.
          </p>
          <FieldError id="csv" message={errors.csv} />
          <input
            id="csv"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-describedby={describedBy('csv')}
            {...form.register('csv')}
          />
        </div>
        <button type="submit" disabled={pending}>
          Preview
        </button>
      </form>
    </>
  );
}
