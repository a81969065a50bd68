'use client';

import { disableAdminSchema, enableAdminSchema, resetAdminPasswordSchema, type DisableAdminInput } from '@/lib/admins/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { disableAdminAction, enableAdminAction, resetAdminPasswordAction } from '@/app/admins/actions';

// Disable, Enable and Reset password: a page that says what will happen, a box selected by
// default that names the admin, and a button. The three forms have the same fields.
const KINDS = {
  disable: { schema: disableAdminSchema, action: disableAdminAction, button: 'Disable', warning: true },
  enable: { schema: enableAdminSchema, action: enableAdminAction, button: 'Enable', warning: false },
  'reset-password': { schema: resetAdminPasswordSchema, action: resetAdminPasswordAction, button: 'Reset password', warning: true },
} as const;

type Props = {
  kind: keyof typeof KINDS;
  title: string;
  adminId: string;
  /** The checkbox's label, naming the admin. */
  confirmLabel: string;
  /** What will happen, said before the admin confirms. */
  explanation: string;
  /** Why this cannot be done now, instead of the form; the form is rendered anyway so a refusal shows why. */
  blocker: string | null;
};

export function ConfirmAdminForm({ kind, title, adminId, confirmLabel, explanation, blocker }: Props) {
  const { schema, action, button, warning } = KINDS[kind];
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<DisableAdminInput>(schema, action, {
    adminId,
    confirm: true,
  });
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
            <input type="hidden" {...form.register('adminId')} value={adminId} />
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
