import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ActionState } from '@/lib/forms/action-state';
import { ALL_OFF_CHOICE, presetChoiceValue } from '@/lib/presets/schemas';
import { describePermissions, type Permissions } from '@/lib/presets/words';
import { FieldError } from './error-summary';

export type PresetOption = Permissions & { id: string; name: string; version: number };

/** The id of the first radio, for the error summary's link. */
export const PERMISSIONS_AFTER_ASSIGNING_ID = 'permissionPreset-all-off';

/**
 * "Permissions after assigning", on the assign forms (and any other form that gives a user a
 * number): All off, the spec's default, or one of the account's permission presets. Each radio's
 * value carries the preset's version, so a preset changed meanwhile is refused, not applied as
 * it now is. After a refusal the admin's choice is shown again if it is still offered as it was.
 */
export function PermissionsAfterAssigning({
  presets,
  values,
  registration,
  error,
  presetsHref,
}: {
  presets: PresetOption[];
  values: ActionState['values'];
  registration: UseFormRegisterReturn<'permissionPreset'>;
  error: string | undefined;
  /** The account's Permission presets page, linked for those who may change it. */
  presetsHref?: string;
}) {
  const chosen = typeof values?.permissionPreset === 'string' ? values.permissionPreset : ALL_OFF_CHOICE;
  const offered = presets.some((p) => presetChoiceValue(p) === chosen) ? chosen : ALL_OFF_CHOICE;
  const describedBy = ['permissionPreset-hint', error ? `${PERMISSIONS_AFTER_ASSIGNING_ID}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <fieldset aria-describedby={describedBy}>
        <legend>Permissions after assigning</legend>
        <p className="hint" id="permissionPreset-hint">
          Calling and SMS are turned off when a number is assigned, unless you choose one of this account’s presets.
          {presetsHref ? (
            <>
              {' '}
              <a href={presetsHref}>Permission presets</a>
            </>
          ) : null}
        </p>
        <FieldError id={PERMISSIONS_AFTER_ASSIGNING_ID} message={error} />
        <div className="radios">
          <div className="radio">
            <input
              type="radio"
              id={PERMISSIONS_AFTER_ASSIGNING_ID}
              value={ALL_OFF_CHOICE}
              defaultChecked={offered === ALL_OFF_CHOICE}
              {...registration}
            />
            <label htmlFor={PERMISSIONS_AFTER_ASSIGNING_ID}>All off (default)</label>
          </div>
          {presets.map((p) => (
            <div className="radio" key={p.id}>
              <input
                type="radio"
                id={`permissionPreset-${p.id}`}
                value={presetChoiceValue(p)}
                defaultChecked={offered === presetChoiceValue(p)}
                {...registration}
              />
              <label htmlFor={`permissionPreset-${p.id}`}>
                {p.name} <span className="muted">({describePermissions(p)})</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
