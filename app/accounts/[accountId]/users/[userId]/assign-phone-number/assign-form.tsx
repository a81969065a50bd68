'use client';

import { assignPhoneNumberSchema, type AssignPhoneNumberInput } from '@/lib/telephony/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { NotifyUserCheckbox } from '@/app/_components/notify-user-checkbox';
import {
  PERMISSIONS_AFTER_ASSIGNING_ID,
  PermissionsAfterAssigning,
  type PresetOption,
} from '@/app/_components/permissions-after-assigning';
import { assignPhoneNumberAction } from '@/app/accounts/[accountId]/users/[userId]/actions';

type Props = {
  title: string;
  user: { accountId: string; userId: string; version: number; fullName: string; email: string };
  /** The user's number when they already have one: then there is nothing to choose. */
  existingNumber: string | null;
  /** Why nothing can be assigned now (a suspended account), said instead of the form. */
  blocker?: string | null;
  /** Each number with what an admin chooses by: "Area code 206, United States · Local · Business Calling · SMS". */
  numbers: { id: string; label: string; details: string }[];
  searched: boolean;
  /** The account's permission presets, offered as "Permissions after assigning". */
  presets: PresetOption[];
  presetsHref: string;
  /** The picker's pages, shown above the button so an admin looks further before assigning. */
  paging?: React.ReactNode;
};

export function AssignForm({ title, user, existingNumber, blocker, numbers, searched, presets, presetsHref, paging }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<AssignPhoneNumberInput>(
    assignPhoneNumberSchema,
    assignPhoneNumberAction,
    { accountId: user.accountId, userId: user.userId, userVersion: user.version },
  );
  const error = errorFor('phoneNumberId');
  const presetError = errorFor('permissionPreset');
  const firstId = numbers[0] ? `number-${numbers[0].id}` : 'phone-numbers';
  return (
    <>
      <title>{`${state.formError || error || presetError ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary
        formError={state.formError}
        serverErrors={state.fieldErrors}
        fields={[
          { id: firstId, name: 'phoneNumberId', message: error },
          { id: PERMISSIONS_AFTER_ASSIGNING_ID, name: 'permissionPreset', message: presetError },
        ]}
      />
      {blocker ? (
        <p>{blocker}</p>
      ) : existingNumber ? (
        <p>
          {user.fullName} has the phone number {existingNumber}. A user has one number at most: unassign it first to give them another.
        </p>
      ) : (
        <form action={formAction} onSubmit={onSubmit} noValidate>
          <input type="hidden" {...form.register('accountId')} value={user.accountId} />
          <input type="hidden" {...form.register('userId')} value={user.userId} />
          <input type="hidden" {...form.register('userVersion')} value={user.version} />
          {numbers.length === 0 ? (
            <p id="phone-numbers">
              {searched ? 'No phone numbers that can be assigned match your search.' : 'There are no unassigned Business Calling numbers.'}
            </p>
          ) : (
            <div className={`field${error ? ' has-error' : ''}`}>
              <fieldset aria-describedby={error ? `${firstId}-error` : undefined}>
                <legend>Phone number</legend>
                <FieldError id={firstId} message={error} />
                <div className="radios">
                  {numbers.map((n) => (
                    <div className="radio" key={n.id}>
                      <input
                        type="radio"
                        id={`number-${n.id}`}
                        value={n.id}
                        defaultChecked={state.values?.phoneNumberId === n.id}
                        {...form.register('phoneNumberId')}
                        aria-describedby={`number-${n.id}-hint`}
                      />
                      <div>
                        <label htmlFor={`number-${n.id}`}>{n.label}</label>
                        <p className="hint" id={`number-${n.id}-hint`}>
                          {n.details}
                        </p>
                      </div>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
          )}
          {paging}
          {numbers.length === 0 ? null : (
            <PermissionsAfterAssigning
              presets={presets}
              values={state.values}
              registration={form.register('permissionPreset')}
              error={presetError}
              presetsHref={presetsHref}
            />
          )}
          {numbers.length === 0 ? null : (
            <NotifyUserCheckbox
              fullName={user.fullName}
              email={user.email}
              values={state.values}
              registration={form.register('notifyUser')}
            />
          )}
          <button type="submit" disabled={pending || numbers.length === 0}>
            Assign
          </button>
        </form>
      )}
    </>
  );
}
