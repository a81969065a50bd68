'use client';

import { unassignPhoneNumberSchema, type UnassignPhoneNumberInput } from '@/lib/telephony/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { NotifyUserCheckbox } from '@/app/_components/notify-user-checkbox';
import { unassignPhoneNumberAction } from '@/app/accounts/[accountId]/users/[userId]/actions';

type Props = {
  title: string;
  target: { accountId: string; userId: string; version: number; phoneNumberId: string | null };
  fullName: string;
  email: string;
  /** The user's number, formatted; null when they have none (any more). */
  number: string | null;
};

export function UnassignForm({ title, target, fullName, email, number }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<UnassignPhoneNumberInput>(
    unassignPhoneNumberSchema,
    unassignPhoneNumberAction,
    { ...target, phoneNumberId: target.phoneNumberId ?? undefined, confirm: true },
  );
  const error = errorFor('confirm');
  // Selected by default (the spec: "Confirm the check box is selected"); after a refusal, as it was sent.
  const confirmed = state.values ? state.values.confirm === 'on' : true;
  return (
    <>
      <title>{`${state.formError || error ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[{ id: 'confirm', message: error }]} />
      {!number || !target.phoneNumberId ? (
        <p>{fullName} has no phone number to unassign.</p>
      ) : (
        <>
          <p className="warning-text">
            {number} will be taken from {fullName} and returned to the inventory as unassigned. Their inbound calling, outbound calling and
            SMS permissions will be turned off.
          </p>
          <form action={formAction} onSubmit={onSubmit} noValidate>
            <input type="hidden" {...form.register('accountId')} value={target.accountId} />
            <input type="hidden" {...form.register('userId')} value={target.userId} />
            <input type="hidden" {...form.register('version')} value={target.version} />
            <input type="hidden" {...form.register('phoneNumberId')} value={target.phoneNumberId} />
            {/* Keyed by version: after someone else's change the box is selected again, as on a fresh page. */}
            <div className={`field${error ? ' has-error' : ''}`} key={target.version}>
              <FieldError id="confirm" message={error} />
              <div className="checkbox">
                <input
                  type="checkbox"
                  id="confirm"
                  defaultChecked={confirmed}
                  aria-describedby={error ? 'confirm-error' : undefined}
                  {...form.register('confirm')}
                />
                <label htmlFor="confirm">{`Unassign ${number} from ${fullName}`}</label>
              </div>
            </div>
            <NotifyUserCheckbox fullName={fullName} email={email} values={state.values} registration={form.register('notifyUser')} />
            <button type="submit" className="warning" disabled={pending}>
              Unassign
            </button>
          </form>
        </>
      )}
    </>
  );
}
