'use client';

import { addUserSchema, type AddUserFormInput } from '@/lib/directory/user-schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary } from '@/app/_components/error-summary';
import { UserFields, USER_FIELD_IDS } from '@/app/accounts/[accountId]/users/user-fields';
import { addUserAction } from '@/app/accounts/[accountId]/users/user-actions';

type Props = {
  title: string;
  account: { id: string; name: string; defaultLicense: string };
};

export function AddUserForm({ title, account }: Props) {
  const defaults = { accountId: account.id, userType: 'PrivateUser', license: account.defaultLicense } as const;
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<AddUserFormInput>(addUserSchema, addUserAction, {
    ...defaults,
    fullName: '',
    email: '',
  } as AddUserFormInput);
  const errors = Object.fromEntries(USER_FIELD_IDS.map((id) => [id, errorFor(id)]));
  const typed = (name: string) => {
    const v = state.values?.[name];
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
        <input type="hidden" {...form.register('accountId')} value={account.id} />
        <UserFields
          register={form.register as never}
          shown={{
            fullName: typed('fullName'),
            email: typed('email'),
            // A radio left unchosen posts nothing: after an error, what was posted, else the defaults.
            userType: state.values ? typed('userType') : defaults.userType,
            license: state.values ? typed('license') : defaults.license,
          }}
          errors={errors}
          emailHint={`They sign in to their calling app with it. Each user of ${account.name} has their own.`}
        />
        <p>When you add them, an invitation email goes to this address.</p>
        <button type="submit" disabled={pending}>
          Add user
        </button>
      </form>
    </>
  );
}
