'use client';

import {
  createApiTokenSchema,
  DEFAULT_TOKEN_DAYS,
  MAX_TOKEN_NAME,
  TOKEN_DAYS,
  type CreateApiTokenFormInput,
} from '@/lib/api/token-schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { createApiTokenAction } from '@/app/api-tokens/actions';

const TITLE = 'Create token – API tokens – Switchboard';

type Props = {
  /** The day each choice of expiry would end, as the server counts it: "7" → "8 Dec 2026". */
  expiryDays: Record<string, string>;
  /** The admin's role is read only: whatever they choose, their tokens only read. */
  readOnlyRole: boolean;
};

export function CreateTokenForm({ expiryDays, readOnlyRole }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<CreateApiTokenFormInput>(
    createApiTokenSchema,
    createApiTokenAction,
    { name: '', days: String(DEFAULT_TOKEN_DAYS) as CreateApiTokenFormInput['days'], readOnly: false },
  );
  const errors = { name: errorFor('name'), days: errorFor('days'), readOnly: errorFor('readOnly') };
  const typed = (name: string) => {
    const v = state.values?.[name];
    return typeof v === 'string' ? v : undefined;
  };
  // After a refused post, the form shows what was sent: the days chosen, the box as it was.
  const days = state.values ? typed('days') : String(DEFAULT_TOKEN_DAYS);
  const readOnly = state.values ? typed('readOnly') === 'on' : false;
  const hasErrors = Boolean(state.formError || Object.values(errors).some(Boolean));
  return (
    <>
      <title>{`${hasErrors ? 'Error: ' : ''}${TITLE}`}</title>
      <ErrorSummary
        formError={state.formError}
        serverErrors={state.fieldErrors}
        fields={Object.entries(errors).map(([id, message]) => ({ id, message }))}
      />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <div className={`field${errors.name ? ' has-error' : ''}`}>
          <label htmlFor="name">Name</label>
          <p className="hint" id="name-hint">
            What uses it, so you can tell your tokens apart: “deploy script”, “nightly export”. Up to {MAX_TOKEN_NAME} characters.
          </p>
          <FieldError id="name" message={errors.name} />
          <input
            id="name"
            type="text"
            autoComplete="off"
            defaultValue={typed('name')}
            aria-describedby={`name-hint${errors.name ? ' name-error' : ''}`}
            aria-invalid={errors.name ? true : undefined}
            {...form.register('name')}
          />
        </div>
        <div className={`field${errors.days ? ' has-error' : ''}`}>
          <fieldset aria-describedby={`days-hint${errors.days ? ' days-error' : ''}`}>
            <legend>Expires after</legend>
            <p className="hint" id="days-hint">
              It stops working then. Choose the shortest that will do.
            </p>
            <FieldError id="days" message={errors.days} />
            <div className="radios">
              {TOKEN_DAYS.map((n, i) => (
                <div className="radio" key={n}>
                  <input
                    type="radio"
                    id={i === 0 ? 'days' : `days-${n}`}
                    value={String(n)}
                    defaultChecked={days === String(n)}
                    {...form.register('days')}
                  />
                  <label htmlFor={i === 0 ? 'days' : `days-${n}`}>
                    {n === 365 ? '1 year' : `${n} days`} <span className="muted">— until {expiryDays[String(n)]}</span>
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={`field${errors.readOnly ? ' has-error' : ''}`}>
          <FieldError id="readOnly" message={errors.readOnly} />
          <div className="checkbox">
            <input
              type="checkbox"
              id="readOnly"
              defaultChecked={readOnly}
              aria-describedby="readOnly-hint"
              {...form.register('readOnly')}
            />
            <label htmlFor="readOnly">Read only</label>
          </div>
          <p className="hint" id="readOnly-hint">
            {readOnlyRole
              ? 'Your role is read only, so your tokens can only read, whether this is selected or not.'
              : 'It can look, but not change anything, even though you can.'}
          </p>
        </div>
        <p>When you create it, you see its secret once. Copy it then: it is not kept, and cannot be shown again.</p>
        <button type="submit" disabled={pending}>
          Create token
        </button>
      </form>
    </>
  );
}
