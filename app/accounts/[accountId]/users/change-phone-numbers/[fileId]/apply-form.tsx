'use client';

import type { ReactNode } from 'react';
import Link from 'next/link';
import { applyChangeFileSchema, type ApplyChangeFileInput } from '@/lib/telephony/phone-change-schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary } from '@/app/_components/error-summary';
import { applyChangeFileAction } from '../actions';

/**
 * The Apply button under the dry run (`children`), with any refusal summarised above it. It posts
 * only the account's and the file's ids, which the server re-checks against this admin.
 */
export function ApplyForm({
  title,
  accountId,
  fileId,
  summary,
  children,
}: {
  title: string;
  accountId: string;
  fileId: string;
  summary: string;
  children: ReactNode;
}) {
  const { state, formAction, form, onSubmit, pending } = useEnhancedForm<ApplyChangeFileInput>(
    applyChangeFileSchema,
    applyChangeFileAction,
    {
      accountId,
      fileId,
    },
  );
  return (
    <>
      <title>{`${state.formError || state.fieldErrors ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[]} />
      {children}
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('accountId')} value={accountId} />
        <input type="hidden" {...form.register('fileId')} value={fileId} />
        <p>{summary}</p>
        <p>
          <button type="submit" disabled={pending}>
            Apply
          </button>{' '}
          <Link href={`/accounts/${accountId}/users/change-phone-numbers`}>Start again</Link>
        </p>
      </form>
    </>
  );
}
