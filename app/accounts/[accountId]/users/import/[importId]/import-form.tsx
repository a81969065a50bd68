'use client';

import type { ReactNode } from 'react';
import Link from 'next/link';
import { importUsersSchema, type ImportUsersInput } from '@/lib/directory/user-import-schemas';
import { count } from '@/lib/directory/user-import-words';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary } from '@/app/_components/error-summary';
import { importUsersAction } from '@/app/accounts/[accountId]/users/import/actions';

/**
 * The Import button under the preview (`children`), with any refusal summarised above it. It posts
 * only the account's and the import's ids, which the server re-checks against this admin.
 */
export function ImportForm({
  title,
  accountId,
  importId,
  acceptedCount,
  accountName,
  children,
}: {
  title: string;
  accountId: string;
  importId: string;
  acceptedCount: number;
  accountName: string;
  children: ReactNode;
}) {
  const { state, formAction, form, onSubmit, pending } = useEnhancedForm<ImportUsersInput>(importUsersSchema, importUsersAction, {
    accountId,
    importId,
  });
  return (
    <>
      <title>{`${state.formError || state.fieldErrors ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[]} />
      {children}
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('accountId')} value={accountId} />
        <input type="hidden" {...form.register('importId')} value={importId} />
        <p>
          {count(acceptedCount, 'user', 'users')} will be added to {accountName}, and each sent an invitation email.
        </p>
        <p>
          <button type="submit" disabled={pending}>
            Import
          </button>{' '}
          <Link href={`/accounts/${accountId}/users/import`}>Start again</Link>
        </p>
      </form>
    </>
  );
}
