'use client';

import { valueList } from '@/lib/forms/action-state';
import { addAdminSchema, type AddAdminInput } from '@/lib/admins/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { AccessFields } from '@/app/admins/access-fields';
import { addAdminAction } from '@/app/admins/actions';

const TITLE = 'Add admin – Admins – Switchboard';

export function AddAdminForm({ accounts }: { accounts: { id: string; name: string }[] }) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<AddAdminInput>(addAdminSchema, addAdminAction, {
    email: '',
    name: '',
    accountIds: [],
  });
  const errors = {
    email: errorFor('email'),
    name: errorFor('name'),
    role: errorFor('role'),
    accounts: errorFor('accounts'),
    accountIds: errorFor('accountIds'),
  };
  const typed = (name: string) => {
    const v = state.values?.[name];
    return typeof v === 'string' ? v : undefined;
  };
  const hasErrors = Boolean(state.formError || Object.values(errors).some(Boolean));
  return (
    <>
      <title>{`${hasErrors ? 'Error: ' : ''}${TITLE}`}</title>
      <ErrorSummary
        formError={state.formError}
        serverErrors={state.fieldErrors}
        fields={Object.entries(errors).map(([id, message]) => ({ id, message }))}
      />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <div className={`field${errors.email ? ' has-error' : ''}`}>
          <label htmlFor="email">Email address</label>
          <p className="hint" id="email-hint">
            They sign in with it. Each admin has their own.
          </p>
          <FieldError id="email" message={errors.email} />
          <input
            id="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={typed('email')}
            aria-describedby={`email-hint${errors.email ? ' email-error' : ''}`}
            aria-invalid={errors.email ? true : undefined}
            {...form.register('email')}
          />
        </div>
        <div className={`field${errors.name ? ' has-error' : ''}`}>
          <label htmlFor="name">Name</label>
          <FieldError id="name" message={errors.name} />
          <input
            id="name"
            type="text"
            autoComplete="off"
            defaultValue={typed('name')}
            aria-describedby={errors.name ? 'name-error' : undefined}
            aria-invalid={errors.name ? true : undefined}
            {...form.register('name')}
          />
        </div>
        <AccessFields
          register={form.register as never}
          accounts={accounts}
          chosen={{ role: typed('role'), accounts: typed('accounts'), accountIds: valueList(state.values, 'accountIds') }}
          errors={errors}
        />
        <p>When you add them, you see a one-time password for them, once. You give it to them yourself.</p>
        <button type="submit" disabled={pending}>
          Add admin
        </button>
      </form>
    </>
  );
}
