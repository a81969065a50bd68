'use client';

import { editTelephonyPermissionsSchema, type EditTelephonyPermissionsInput } from '@/lib/telephony/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { NotifyUserCheckbox } from '@/app/_components/notify-user-checkbox';
import { editTelephonyPermissionsAction } from '@/app/accounts/[accountId]/users/[userId]/actions';

type Props = {
  title: string;
  user: { accountId: string; userId: string; version: number; inboundCalling: boolean; outboundCalling: boolean; sms: boolean };
  /** Who "Email … about this change" would email. */
  recipient: { fullName: string; email: string };
  /**
   * Why there is nothing to edit now (the user has no number), said instead of the form. Still
   * inside this component, so that a post refused for that reason (the number went while the form
   * was open) shows its error summary above it.
   */
  blocker?: React.ReactNode;
};

const PERMISSIONS = [
  { name: 'inboundCalling', label: 'Inbound calling', hint: 'Receive calls on their phone number' },
  { name: 'outboundCalling', label: 'Outbound calling', hint: 'Make calls from their phone number' },
  { name: 'sms', label: 'SMS', hint: 'Send and receive text messages' },
] as const;

export function PermissionsForm({ title, user, recipient, blocker }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<EditTelephonyPermissionsInput>(
    editTelephonyPermissionsSchema,
    editTelephonyPermissionsAction,
    user,
  );
  // After a field error, the boxes as the admin left them; otherwise (first view, or someone else
  // changed the user first) the user's current permissions.
  const checked = (name: (typeof PERMISSIONS)[number]['name']) =>
    state.fieldErrors && state.values ? state.values[name] === 'on' : user[name];
  const smsError = errorFor('sms');
  return (
    <>
      <title>{`${state.formError || smsError ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[{ id: 'sms', message: smsError }]} />
      {blocker ? <p>{blocker}</p> : null}
      {blocker ? null : (
        <form action={formAction} onSubmit={onSubmit} noValidate>
          <input type="hidden" {...form.register('accountId')} value={user.accountId} />
          <input type="hidden" {...form.register('userId')} value={user.userId} />
          <input type="hidden" {...form.register('version')} value={user.version} />
          <div className={`field${smsError ? ' has-error' : ''}`}>
            <fieldset>
              <legend>Calling and SMS permissions</legend>
              <FieldError id="sms" message={smsError} />
              {/* Keyed by version: after someone else's change the boxes show the current permissions. */}
              <div className="checkboxes" key={user.version}>
                {PERMISSIONS.map((p) => (
                  <div className="checkbox" key={p.name}>
                    <input
                      type="checkbox"
                      id={p.name}
                      defaultChecked={checked(p.name)}
                      aria-describedby={`${p.name}-hint`}
                      {...form.register(p.name)}
                    />
                    <label htmlFor={p.name}>
                      {p.label}{' '}
                      <span className="muted" id={`${p.name}-hint`}>
                        — {p.hint}
                      </span>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <NotifyUserCheckbox {...recipient} values={state.values} registration={form.register('notifyUser')} />
          <button type="submit" disabled={pending}>
            Save
          </button>
        </form>
      )}
    </>
  );
}
