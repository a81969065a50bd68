'use client';

import { chooseTimeZoneSchema, type ChooseTimeZoneInput } from '@/lib/admins/schemas';
import { TIME_ZONES } from '@/lib/kernel/format-time';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { chooseTimeZoneAction } from '@/app/api-tokens/actions';

/** "Time zone" on the API tokens page (which leaves its title to this form): the zone every page shows this admin's dates and times in. */
export function TimeZoneForm({ timeZone, title }: { timeZone: string; title: string }) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<ChooseTimeZoneInput>(
    chooseTimeZoneSchema,
    chooseTimeZoneAction,
    { timeZone },
  );
  const error = errorFor('timeZone');
  const chosen = typeof state.values?.timeZone === 'string' ? state.values.timeZone : timeZone;
  return (
    <>
      {/* The page's title: prefixed "Error: " when this form was refused. */}
      <title>{`${state.formError || error ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[{ id: 'timeZone', message: error }]} />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="timeZone">Time zone</label>
          <p className="hint" id="timeZone-hint">
            Every date and time Switchboard shows you is in this zone, named beside the time. The API and the audit log download’s time
            column keep UTC.
          </p>
          <FieldError id="timeZone" message={error} />
          <select
            id="timeZone"
            defaultValue={chosen}
            aria-describedby={`timeZone-hint${error ? ' timeZone-error' : ''}`}
            aria-invalid={error ? true : undefined}
            {...form.register('timeZone')}
          >
            {TIME_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending}>
          Save time zone
        </button>
      </form>
    </>
  );
}
