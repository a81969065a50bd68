'use client';

import { movePhoneNumberSchema, type MovePhoneNumberInput } from '@/lib/telephony/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary } from '@/app/_components/error-summary';
import { NotifyUserCheckbox } from '@/app/_components/notify-user-checkbox';
import { movePhoneNumberAction } from '@/app/accounts/[accountId]/users/[userId]/actions';
import {
  PERMISSIONS_AFTER_ASSIGNING_ID,
  PermissionsAfterAssigning,
  type PresetOption,
} from '@/app/_components/permissions-after-assigning';

type Props = {
  title: string;
  /** Why the number cannot move to this user now, said instead of the form. */
  blocker: string | null;
  /** Everyone's ids and versions as the page showed them: a change meanwhile is a conflict. */
  target: {
    accountId: string;
    userId: string;
    version: number;
    phoneNumberId: string;
    numberVersion: number;
    toAccountId: string;
    toUserId: string;
    toUserVersion: number;
  };
  from: { fullName: string; email: string; permissions: string };
  to: { fullName: string; email: string } | null;
  number: string | null;
  /** The new holder's account's permission presets, offered as "Permissions after assigning". */
  presets: PresetOption[];
  presetsHref: string;
};

/** The confirm step of Move phone number: what happens to both users, then Move. */
export function MoveForm({ title, blocker, target, from, to, number, presets, presetsHref }: Props) {
  const { state, formAction, form, onSubmit, pending, errorFor } = useEnhancedForm<MovePhoneNumberInput>(
    movePhoneNumberSchema,
    movePhoneNumberAction,
    target,
  );
  // Unticked by default (rule 2: a new holder starts with everything off); after a refusal, as sent.
  const keep = state.values ? state.values.keepPermissions === 'on' : false;
  const presetError = errorFor('permissionPreset');
  return (
    <>
      <title>{`${state.formError || state.fieldErrors || presetError ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary
        formError={state.formError}
        serverErrors={state.fieldErrors}
        fields={[
          { id: 'move', name: 'toUserId', message: state.fieldErrors?.toUserId?.[0] },
          { id: PERMISSIONS_AFTER_ASSIGNING_ID, name: 'permissionPreset', message: presetError },
        ]}
      />
      {blocker || !to || !number ? (
        <p>{blocker}</p>
      ) : (
        <form action={formAction} onSubmit={onSubmit} noValidate>
          {Object.keys(target).map((key) => (
            <input key={key} type="hidden" {...form.register(key as keyof typeof target)} value={target[key as keyof typeof target]} />
          ))}
          <dl className="summary">
            <dt>Phone number</dt>
            <dd>{number}</dd>
            <dt>From</dt>
            <dd>
              {from.fullName} <span className="muted">({from.email})</span>
            </dd>
            <dt>To</dt>
            <dd>
              {to.fullName} <span className="muted">({to.email})</span>
            </dd>
          </dl>
          <p className="warning-text">
            {from.fullName} will lose {number}, and their inbound calling, outbound calling and SMS permissions will be turned off.{' '}
            {to.fullName} will get {number}; their calling and SMS permissions will be turned off, unless you keep {from.fullName}’s
            {presets.length > 0 ? ' or choose a preset' : ''}.
          </p>
          {/* Keyed by the versions: after someone else's change the box is as on a fresh page. */}
          <div className="field" key={`${target.version}-${target.toUserVersion}-${target.numberVersion}`}>
            <div className="checkbox">
              <input
                type="checkbox"
                id="keepPermissions"
                defaultChecked={keep}
                aria-describedby="keepPermissions-hint"
                {...form.register('keepPermissions')}
              />
              <label htmlFor="keepPermissions">Keep {from.fullName}’s calling and SMS permissions</label>
            </div>
            <p className="hint" id="keepPermissions-hint">
              {to.fullName} gets what {from.fullName} has now: {from.permissions}.
            </p>
          </div>
          {presets.length > 0 ? (
            <PermissionsAfterAssigning
              presets={presets}
              values={state.values}
              registration={form.register('permissionPreset')}
              error={presetError}
              presetsHref={presetsHref}
            />
          ) : null}
          <NotifyUserCheckbox
            fullName={from.fullName}
            email={from.email}
            values={state.values}
            registration={form.register('notifyUser')}
          />
          <NotifyUserCheckbox
            name="notifyNewUser"
            fullName={to.fullName}
            email={to.email}
            values={state.values}
            registration={form.register('notifyNewUser')}
          />
          <button type="submit" id="move" className="warning" disabled={pending}>
            Move
          </button>
        </form>
      )}
    </>
  );
}
