'use client';

import type { ReactNode } from 'react';
import Link from 'next/link';
import { addPhoneNumbersSchema, type AddPhoneNumbersInput } from '@/lib/inventory/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { count } from '@/lib/inventory/summary';
import { ErrorSummary } from '@/app/_components/error-summary';
import { addPhoneNumbersAction } from '@/app/phone-numbers/add/actions';

/**
 * The Add button under the preview (`children`), with any refusal summarised above it. It posts
 * only the import's id, which the server re-checks against this admin.
 */
export function AddForm({
  title,
  importId,
  acceptedCount,
  children,
}: {
  title: string;
  importId: string;
  acceptedCount: number;
  children: ReactNode;
}) {
  const { state, formAction, form, onSubmit, pending } = useEnhancedForm<AddPhoneNumbersInput>(
    addPhoneNumbersSchema,
    addPhoneNumbersAction,
    {
      importId,
    },
  );
  return (
    <>
      <title>{`${state.formError || state.fieldErrors ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[]} />
      {children}
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('importId')} value={importId} />
        <p>{count(acceptedCount, 'phone number', 'phone numbers')} will be added to the inventory as Unassigned.</p>
        <p className="button-group">
          <button type="submit" disabled={pending}>
            Add
          </button>
          <Link href="/phone-numbers/add">Start again</Link>
        </p>
      </form>
    </>
  );
}
