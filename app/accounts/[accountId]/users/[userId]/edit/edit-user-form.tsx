'use client';

import { editUserSchema, type EditUserFormInput } from '@/lib/directory/user-schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary } from '@/app/_components/error-summary';
import { UserFields, USER_FIELD_IDS, type UserFieldValues } from '@/app/accounts/[accountId]/users/user-fields';
import { editUserAction } from '@/app/accounts/[accountId]/users/user-actions';

type Props = {
  title: string;
  accountName: string;
  user: { accountId: string; userId: string; version: number } & UserFieldValues;
};

export function EditUserForm({ title, accountName, user }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<EditUserFormInput>(
    editUserSchema,
    editUserAction,
    user as EditUserFormInput,
  );
  const errors = Object.fromEntries(USER_FIELD_IDS.map((id) => [id, errorFor(id)]));
  // After a field error, what the admin typed; otherwise (first view, or someone else changed the
  // user first) the user's details as they are now.
  const shown = (name: keyof UserFieldValues) => {
    const v = state.fieldErrors && state.values ? state.values[name] : user[name];
    return typeof v === 'string' ? v : undefined;
  };
  const hasErrors = Boolean(state.formError || Object.values(errors).some(Boolean));
  return (
    <>
      <title>{`${hasErrors ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary
        formError={state.formError}
        serverErrors={state.fieldErrors}
        fields={USER_FIELD_IDS.map((id) => ({ id, message: errors[id] }))}
      />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('accountId')} value={user.accountId} />
        <input type="hidden" {...form.register('userId')} value={user.userId} />
        <input type="hidden" {...form.register('version')} value={user.version} />
        {/* Keyed by version: after someone else's change the fields show the user as they are now. */}
        <div key={user.version}>
          <UserFields
            register={form.register as never}
            shown={{ fullName: shown('fullName'), email: shown('email'), userType: shown('userType'), license: shown('license') }}
            errors={errors}
            emailHint={`They sign in to their calling app with it. Each user of ${accountName} has their own.`}
          />
        </div>
        <button type="submit" disabled={pending}>
          Save
        </button>
      </form>
    </>
  );
}
