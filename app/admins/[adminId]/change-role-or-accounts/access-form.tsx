'use client';

import { useEffect, useRef, useState } from 'react';
import { valueList } from '@/lib/forms/action-state';
import { changeAdminAccessSchema, type ChangeAdminAccessInput } from '@/lib/admins/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary } from '@/app/_components/error-summary';
import { AccessFields } from '@/app/admins/access-fields';
import { changeAdminAccessAction } from '@/app/admins/actions';

type Props = {
  title: string;
  subject: { id: string; version: number; role: string; allAccounts: boolean; accountIds: string[] };
  accounts: { id: string; name: string }[];
};

export function AccessForm({ title, subject, accounts }: Props) {
  const current = { role: subject.role, accounts: subject.allAccounts ? 'all' : 'chosen', accountIds: subject.accountIds };
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<ChangeAdminAccessInput>(
    changeAdminAccessSchema,
    changeAdminAccessAction,
    { adminId: subject.id, version: subject.version, ...current } as ChangeAdminAccessInput,
  );
  // After someone else's change the controls must show the admin as they are now. useEnhancedForm
  // resets react-hook-form's values in an effect, after this render has already attached the
  // controls (and react-hook-form has pushed the admin's earlier choice into the radios), so the
  // controls are made afresh once more, after that reset.
  const [generation, setGeneration] = useState(0);
  const shownVersion = useRef(subject.version);
  useEffect(() => {
    if (shownVersion.current === subject.version) return;
    shownVersion.current = subject.version;
    setGeneration((g) => g + 1);
  }, [subject.version]);
  const errors = { role: errorFor('role'), accounts: errorFor('accounts'), accountIds: errorFor('accountIds') };
  // After a field error, the choices as the admin left them; otherwise (first view, or someone
  // else changed the admin first) the admin's current role and accounts.
  const typed = (name: string) => {
    const v = state.values?.[name];
    return typeof v === 'string' ? v : undefined;
  };
  const chosen =
    state.fieldErrors && state.values
      ? { role: typed('role'), accounts: typed('accounts'), accountIds: valueList(state.values, 'accountIds') }
      : current;
  const hasErrors = Boolean(state.formError || Object.values(errors).some(Boolean));
  return (
    <>
      <title>{`${hasErrors ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary
        formError={state.formError}
        serverErrors={state.fieldErrors}
        fields={Object.entries(errors).map(([id, message]) => ({ id, message }))}
      />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('adminId')} value={subject.id} />
        <input type="hidden" {...form.register('version')} value={subject.version} />
        <div key={generation}>
          <AccessFields register={form.register as never} accounts={accounts} chosen={chosen} errors={errors} />
        </div>
        <button type="submit" disabled={pending}>
          Save
        </button>
      </form>
    </>
  );
}
