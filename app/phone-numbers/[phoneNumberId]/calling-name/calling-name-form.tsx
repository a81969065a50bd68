'use client';

import { editCallingNameSchema, type EditCallingNameInput } from '@/lib/inventory/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { editCallingNameAction } from '@/app/phone-numbers/[phoneNumberId]/actions';

type Props = { title: string; number: { id: string; version: number; callingName: string; formatted: string } };

export function CallingNameForm({ title, number }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<EditCallingNameInput>(
    editCallingNameSchema,
    editCallingNameAction,
    { phoneNumberId: number.id, version: number.version, callingName: number.callingName },
  );
  const error = errorFor('callingName');
  return (
    <>
      <title>{`${state.formError || error ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[{ id: 'callingName', message: error }]} />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('phoneNumberId')} value={number.id} />
        <input type="hidden" {...form.register('version')} value={number.version} />
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="callingName">Calling name for {number.formatted}</label>
          <p className="hint" id="callingName-hint">
            Shown to the people this number calls. 2 to 15 letters, digits or spaces; leave it empty to remove it.
          </p>
          <FieldError id="callingName" message={error} />
          <input
            id="callingName"
            type="text"
            autoComplete="off"
            defaultValue={state.values?.callingName ?? number.callingName}
            aria-describedby={`callingName-hint${error ? ' callingName-error' : ''}`}
            aria-invalid={error ? true : undefined}
            {...form.register('callingName')}
          />
        </div>
        <button type="submit" disabled={pending}>
          Save
        </button>
      </form>
    </>
  );
}
