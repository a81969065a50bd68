import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ActionState } from '@/lib/forms/action-state';

/**
 * "Email <user> about this change", on the assign, permissions and unassign forms. Selected when
 * the form is first shown; shown again after an error as the admin left it (a cleared box posts
 * nothing, so any values without it mean it was cleared). `name`: a form about two users (Move
 * phone number) has one box for each.
 */
export function NotifyUserCheckbox({
  fullName,
  email,
  values,
  registration,
  name = 'notifyUser',
}: {
  fullName: string;
  email: string;
  values: ActionState['values'];
  registration: UseFormRegisterReturn;
  name?: string;
}) {
  const checked = values ? values[name] === 'on' : true;
  return (
    <div className="field">
      <div className="checkbox">
        <input type="checkbox" id={name} defaultChecked={checked} aria-describedby={`${name}-hint`} {...registration} />
        <label htmlFor={name}>
          Email {fullName} ({email}) about this change
        </label>
      </div>
      <p className="hint" id={`${name}-hint`}>
        The email says what their phone number and permissions are now, and that they must sign out of their calling app and sign back in.
      </p>
    </div>
  );
}
