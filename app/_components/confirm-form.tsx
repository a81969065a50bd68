'use client';

import type { z } from 'zod';
import type { ActionState } from '@/lib/forms/action-state';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from './error-summary';

// A consequential action's confirmation (STYLE 1, 13c): a page that says what will happen, a box
// selected by default that names what it happens to, and a button (warning-styled when it cannot
// simply be undone). Each domain wraps it with its schemas and actions (a schema cannot be passed
// from a server component), e.g. app/admins/[adminId]/confirm-form.tsx.

type Props = {
  schema: z.ZodType;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The ids the form carries as hidden fields (re-checked by the action). */
  hidden: Record<string, string>;
  button: string;
  warning: boolean;
  title: string;
  /** The checkbox's label, naming what the action happens to. */
  confirmLabel: string;
  /** What will happen, said before the admin confirms. */
  explanation: string;
  /** Why this cannot be done now, instead of the form; the form is rendered anyway so a refusal shows why. */
  blocker: string | null;
};

export function ConfirmForm({ schema, action, hidden, button, warning, title, confirmLabel, explanation, blocker }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<Record<string, unknown>>(
    schema as z.ZodType<Record<string, unknown>, Record<string, unknown>>,
    action,
    { ...hidden, confirm: true },
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
          <p className={warning ? 'warning-text' : undefined}>{explanation}</p>
          <form action={formAction} onSubmit={onSubmit} noValidate>
            {Object.entries(hidden).map(([name, value]) => (
              <input key={name} type="hidden" {...form.register(name)} value={value} />
            ))}
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
                <label htmlFor="confirm">{confirmLabel}</label>
              </div>
            </div>
            <button type="submit" className={warning ? 'warning' : undefined} disabled={pending}>
              {button}
            </button>
          </form>
        </>
      )}
    </>
  );
}
