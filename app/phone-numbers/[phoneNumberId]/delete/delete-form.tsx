'use client';

import { deletePhoneNumberSchema, type DeletePhoneNumberInput } from '@/lib/inventory/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { deletePhoneNumberAction } from '@/app/phone-numbers/[phoneNumberId]/actions';

type Props = { title: string; phoneNumberId: string; formatted: string; blocker: string | null; days: number };

/** Rendered even when the number cannot be deleted, so a refused attempt still shows why. */
export function DeleteForm({ title, phoneNumberId, formatted, blocker, days }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<DeletePhoneNumberInput>(
    deletePhoneNumberSchema,
    deletePhoneNumberAction,
    { phoneNumberId, confirm: true },
  );
  const error = errorFor('confirm');
  const confirmed = state.values ? state.values.confirm === 'on' : true;
  return (
    <>
      <title>{`${state.formError || error ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[{ id: 'confirm', message: error }]} />
      {blocker ? (
        <p>{blocker}</p>
      ) : (
        <>
          <p className="warning-text">
            {formatted} will go to the deletion queue: it cannot be assigned, and after {days} days it is removed for good. Until then you
            can restore it.
          </p>
          <form action={formAction} onSubmit={onSubmit} noValidate>
            <input type="hidden" {...form.register('phoneNumberId')} value={phoneNumberId} />
            <div className={`field${error ? ' has-error' : ''}`}>
              <FieldError id="confirm" message={error} />
              <div className="checkbox">
                <input
                  type="checkbox"
                  id="confirm"
                  defaultChecked={confirmed}
                  aria-describedby={error ? 'confirm-error' : undefined}
                  {...form.register('confirm')}
                />
                <label htmlFor="confirm">{`Delete ${formatted}`}</label>
              </div>
            </div>
            <button type="submit" className="warning" disabled={pending}>
              Delete
            </button>
          </form>
        </>
      )}
    </>
  );
}
