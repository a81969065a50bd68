'use client';

import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import {
  createPermissionPresetSchema,
  editPermissionPresetSchema,
  MAX_PRESET_NAME,
  type EditPermissionPresetInput,
} from '@/lib/presets/schemas';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { createPermissionPresetAction, editPermissionPresetAction } from './actions';

type Props = {
  title: string;
  accountId: string;
  /** The preset being edited, as it is now; absent on Add permission preset. */
  preset?: { id: string; version: number; name: string; inboundCalling: boolean; outboundCalling: boolean; sms: boolean };
};

const PERMISSIONS = [
  { name: 'inboundCalling', label: 'Inbound calling' },
  { name: 'outboundCalling', label: 'Outbound calling' },
  { name: 'sms', label: 'SMS' },
] as const;

/** Add permission preset and Edit permission preset: a name and the three permissions. */
export function PresetForm({ title, accountId, preset }: Props) {
  const editing = Boolean(preset);
  const defaults = {
    accountId,
    ...(preset ? { presetId: preset.id, version: preset.version } : {}),
    name: preset?.name ?? '',
    inboundCalling: preset?.inboundCalling ?? false,
    outboundCalling: preset?.outboundCalling ?? false,
    sms: preset?.sms ?? false,
  };
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<EditPermissionPresetInput>(
    (editing ? editPermissionPresetSchema : createPermissionPresetSchema) as typeof editPermissionPresetSchema,
    editing ? editPermissionPresetAction : createPermissionPresetAction,
    defaults,
  );
  const error = errorFor('name');
  // After bad input: what the admin typed and ticked (a cleared box posts nothing). After someone
  // else's change won (a form error), the preset as it is now, as the message says.
  const kept = state.fieldErrors ? state.values : undefined;
  const typed = typeof kept?.name === 'string' ? kept.name : defaults.name;
  const ticked = (name: (typeof PERMISSIONS)[number]['name']) => (kept ? kept[name] === 'on' : defaults[name]);
  return (
    <>
      <title>{`${state.formError || error ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[{ id: 'name', message: error }]} />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('accountId')} value={accountId} />
        {preset ? (
          <>
            <input type="hidden" {...form.register('presetId')} value={preset.id} />
            <input type="hidden" {...form.register('version')} value={preset.version} />
          </>
        ) : null}
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="name">Name</label>
          <p className="hint" id="name-hint">
            Say what it gives, such as “Calling only” or “Calling and SMS”. At most {MAX_PRESET_NAME} characters, and not the name of
            another of this account’s presets.
          </p>
          <FieldError id="name" message={error} />
          <input
            id="name"
            type="text"
            autoComplete="off"
            defaultValue={typed}
            aria-describedby={`name-hint${error ? ' name-error' : ''}`}
            aria-invalid={error ? true : undefined}
            {...form.register('name')}
          />
        </div>
        <div className="field">
          <fieldset aria-describedby="permissions-hint">
            <legend>Permissions</legend>
            <p className="hint" id="permissions-hint">
              What a user gets when a number is assigned with this preset. Changing the preset later changes no one who has it already.
            </p>
            <div className="checkboxes">
              {PERMISSIONS.map((p) => (
                <div className="checkbox" key={p.name}>
                  <input type="checkbox" id={p.name} defaultChecked={ticked(p.name)} {...form.register(p.name)} />
                  <label htmlFor={p.name}>{p.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" disabled={pending}>
          {editing ? 'Save' : 'Add preset'}
        </button>
      </form>
    </>
  );
}
