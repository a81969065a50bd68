'use client';

import { restorePhoneNumberSchema, type RestorePhoneNumberInput } from '@/lib/inventory/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary } from '@/app/_components/error-summary';
import { restorePhoneNumberAction } from './actions';

/** Restoring is undone by deleting again, so it needs no confirmation page. */
export function RestoreForm({ phoneNumberId }: { phoneNumberId: string }) {
  const { state, formAction, form, onSubmit, pending } = useEnhancedForm<RestorePhoneNumberInput>(
    restorePhoneNumberSchema,
    restorePhoneNumberAction,
    { phoneNumberId },
  );
  return (
    <>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[]} />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('phoneNumberId')} value={phoneNumberId} />
        <button type="submit" className="secondary" disabled={pending}>
          Restore
        </button>
      </form>
    </>
  );
}
