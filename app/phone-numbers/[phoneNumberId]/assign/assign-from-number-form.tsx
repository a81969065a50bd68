'use client';

import { assignPhoneNumberSchema, type AssignPhoneNumberInput } from '@/lib/telephony/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary } from '@/app/_components/error-summary';
import { NotifyUserCheckbox } from '@/app/_components/notify-user-checkbox';
import {
  PERMISSIONS_AFTER_ASSIGNING_ID,
  PermissionsAfterAssigning,
  type PresetOption,
} from '@/app/_components/permissions-after-assigning';
import { assignFromNumberAction } from '@/app/phone-numbers/[phoneNumberId]/actions';

type Props = {
  title: string;
  target: { accountId: string; userId: string; userVersion: number; phoneNumberId: string };
  user: { fullName: string; email: string; hasNumber: boolean } | null;
  formatted: string;
  /** Why nothing can be assigned now (a suspended account), said instead of the form. */
  blocker?: string | null;
  /** The account's permission presets, offered as "Permissions after assigning". */
  presets: PresetOption[];
  presetsHref: string;
};

/** The confirm step; rendered even when things changed under it, so a refusal still shows why. */
export function AssignFromNumberForm({ title, target, user, formatted, blocker, presets, presetsHref }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<AssignPhoneNumberInput>(
    assignPhoneNumberSchema,
    assignFromNumberAction,
    target,
  );
  const presetError = errorFor('permissionPreset');
  return (
    <>
      <title>{`${state.formError || state.fieldErrors ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary
        formError={state.formError}
        serverErrors={state.fieldErrors}
        fields={[
          { id: 'assign', name: 'phoneNumberId', message: state.fieldErrors?.phoneNumberId?.[0] },
          { id: PERMISSIONS_AFTER_ASSIGNING_ID, name: 'permissionPreset', message: presetError },
        ]}
      />
      {blocker ? (
        <p>{blocker}</p>
      ) : !user ? (
        <p>That user does not exist, or is not in an account you administer.</p>
      ) : user.hasNumber ? (
        <p>{user.fullName} already has a phone number. Unassign it first to give them another.</p>
      ) : (
        <form action={formAction} onSubmit={onSubmit} noValidate>
          <input type="hidden" {...form.register('accountId')} value={target.accountId} />
          <input type="hidden" {...form.register('userId')} value={target.userId} />
          <input type="hidden" {...form.register('userVersion')} value={target.userVersion} />
          <input type="hidden" {...form.register('phoneNumberId')} value={target.phoneNumberId} />
          <p>
            {formatted} will be assigned to {user.fullName}. Their calling and SMS permissions will be set as you choose under Permissions
            after assigning: all off unless you choose a preset. You can change them afterwards.
          </p>
          <PermissionsAfterAssigning
            presets={presets}
            values={state.values}
            registration={form.register('permissionPreset')}
            error={presetError}
            presetsHref={presetsHref}
          />
          <NotifyUserCheckbox
            fullName={user.fullName}
            email={user.email}
            values={state.values}
            registration={form.register('notifyUser')}
          />
          <button type="submit" id="assign" disabled={pending}>
            Assign
          </button>
        </form>
      )}
    </>
  );
}
