'use client';

import { bulkChangeSchema, LICENSES, type BulkAction, type BulkChangeInput } from '@/lib/directory/user-bulk-schemas';
import { label } from '@/lib/kernel/labels';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { bulkChangeUsersAction } from './actions';
import { BULK_LABELS, usersCount } from './labels';

const PERMISSIONS = [
  { name: 'inboundCalling', text: 'Inbound calling' },
  { name: 'outboundCalling', text: 'Outbound calling' },
  { name: 'sms', text: 'SMS' },
] as const;

type Props = {
  title: string;
  accountId: string;
  action: BulkAction;
  /** "<id>:<version>" of each user listed above the form, as shown. */
  users: string[];
  /** What will happen, said before the admin confirms. */
  explanation: string;
};

/** The confirmation of a bulk change: the listed users go along as hidden fields with the version shown. */
export function BulkForm({ title, accountId, action, users, explanation }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<BulkChangeInput>(
    bulkChangeSchema,
    bulkChangeUsersAction,
    {
      accountId,
      action,
      user: users,
      confirm: true,
    },
  );
  const licenseError = errorFor('license');
  const confirmError = errorFor('confirm');
  const chosenLicense = typeof state.values?.license === 'string' ? state.values.license : undefined;
  const confirmed = state.values ? state.values.confirm === 'on' : true;
  const { button } = BULK_LABELS[action];
  const warning = action === 'remove' || action === 'suspend' || action === 'unassign-phone-number';
  const confirmable = action === 'remove' || action === 'unassign-phone-number';
  // Shown again as the admin chose them after a refusal; cleared when the form is first shown.
  const chosen = (name: 'inboundCalling' | 'outboundCalling' | 'sms') => state.values?.[name] === 'on';
  return (
    <>
      <title>{`${state.formError || licenseError || confirmError ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary
        formError={state.formError}
        serverErrors={state.fieldErrors}
        fields={[
          { id: 'license', message: licenseError },
          { id: 'confirm', message: confirmError },
        ]}
      />
      <p className={warning ? 'warning-text' : undefined}>{explanation}</p>
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('accountId')} value={accountId} />
        <input type="hidden" {...form.register('action')} value={action} />
        {users.map((u) => (
          <input type="hidden" name="user" value={u} key={u} />
        ))}
        {action === 'change-license' ? (
          <div className={`field${licenseError ? ' has-error' : ''}`}>
            <fieldset aria-describedby={licenseError ? 'license-error' : undefined}>
              <legend>New licence</legend>
              <FieldError id="license" message={licenseError} />
              <div className="radios">
                {LICENSES.map((license, i) => (
                  <div className="radio" key={license}>
                    <input
                      type="radio"
                      id={i === 0 ? 'license' : `license-${license}`}
                      value={license}
                      defaultChecked={chosenLicense === license}
                      {...form.register('license')}
                    />
                    <label htmlFor={i === 0 ? 'license' : `license-${license}`}>{label(license)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
        ) : null}
        {action === 'set-permissions' ? (
          <fieldset>
            <legend>Calling and SMS permissions</legend>
            <div className="checkboxes">
              {PERMISSIONS.map(({ name, text }) => (
                <div className="checkbox" key={name}>
                  <input type="checkbox" id={name} defaultChecked={chosen(name)} {...form.register(name)} />
                  <label htmlFor={name}>{text}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        {confirmable ? (
          <div className={`field${confirmError ? ' has-error' : ''}`}>
            <FieldError id="confirm" message={confirmError} />
            <div className="checkbox">
              <input
                type="checkbox"
                id="confirm"
                defaultChecked={confirmed}
                aria-describedby={confirmError ? 'confirm-error' : undefined}
                {...form.register('confirm')}
              />
              <label htmlFor="confirm">
                {action === 'remove'
                  ? `Remove these ${usersCount(users.length)}`
                  : `Unassign the phone numbers of these ${usersCount(users.length)}`}
              </label>
            </div>
          </div>
        ) : null}
        <button type="submit" className={warning ? 'warning' : undefined} disabled={pending}>
          {`${button} ${usersCount(users.length)}`}
        </button>
      </form>
    </>
  );
}
