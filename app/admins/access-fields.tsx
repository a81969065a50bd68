'use client';

import type { UseFormRegister } from 'react-hook-form';
import { FieldError } from '@/app/_components/error-summary';
import { ROLE_LABELS } from './labels';

export type AccessChoice = { role?: string; accounts?: string; accountIds: string[] };
type Errors = { role?: string; accounts?: string; accountIds?: string };

/**
 * Role, and all accounts or chosen ones: the same fields on Add admin and Change role or accounts.
 * The first control of each group carries the group's name as its id, so the error summary's
 * links land on it.
 */
export function AccessFields({
  register,
  accounts,
  chosen,
  errors,
}: {
  // The two forms' field types differ elsewhere; these three fields are the same in both.
  register: UseFormRegister<{ role: unknown; accounts: unknown; accountIds: unknown }>;
  accounts: { id: string; name: string }[];
  chosen: AccessChoice;
  errors: Errors;
}) {
  return (
    <>
      <div className={`field${errors.role ? ' has-error' : ''}`}>
        <fieldset aria-describedby={errors.role ? 'role-error' : undefined}>
          <legend>Role</legend>
          <FieldError id="role" message={errors.role} />
          <div className="radios">
            {(['Administrator', 'ReadOnly'] as const).map((role, i) => (
              <div className="radio" key={role}>
                <input
                  type="radio"
                  id={i === 0 ? 'role' : `role-${role}`}
                  value={role}
                  defaultChecked={chosen.role === role}
                  {...register('role')}
                />
                <label htmlFor={i === 0 ? 'role' : `role-${role}`}>
                  {ROLE_LABELS[role].label} <span className="muted">— {ROLE_LABELS[role].hint}</span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={`field${errors.accounts ? ' has-error' : ''}`}>
        <fieldset aria-describedby={errors.accounts ? 'accounts-error' : undefined}>
          <legend>Accounts they administer</legend>
          <FieldError id="accounts" message={errors.accounts} />
          <div className="radios">
            <div className="radio">
              <input type="radio" id="accounts" value="all" defaultChecked={chosen.accounts === 'all'} {...register('accounts')} />
              <label htmlFor="accounts">
                All accounts <span className="muted">— including accounts added later</span>
              </label>
            </div>
            <div className="radio">
              <input
                type="radio"
                id="accounts-chosen"
                value="chosen"
                defaultChecked={chosen.accounts === 'chosen'}
                {...register('accounts')}
              />
              <label htmlFor="accounts-chosen">Only the accounts chosen below</label>
            </div>
          </div>
        </fieldset>
      </div>
      <div className={`field${errors.accountIds ? ' has-error' : ''}`}>
        <fieldset className="scroll-list" aria-describedby={`accountIds-hint${errors.accountIds ? ' accountIds-error' : ''}`}>
          <legend>Chosen accounts</legend>
          <p className="hint" id="accountIds-hint">
            Used only with “Only the accounts chosen below”.
          </p>
          <FieldError id="accountIds" message={errors.accountIds} />
          {accounts.length === 0 ? (
            <p>There are no accounts yet.</p>
          ) : (
            <div className="checkboxes">
              {accounts.map((account, i) => (
                <div className="checkbox" key={account.id}>
                  <input
                    type="checkbox"
                    id={i === 0 ? 'accountIds' : `accountIds-${i}`}
                    value={account.id}
                    defaultChecked={chosen.accountIds.includes(account.id)}
                    {...register('accountIds')}
                  />
                  <label htmlFor={i === 0 ? 'accountIds' : `accountIds-${i}`}>{account.name}</label>
                </div>
              ))}
            </div>
          )}
        </fieldset>
      </div>
    </>
  );
}
