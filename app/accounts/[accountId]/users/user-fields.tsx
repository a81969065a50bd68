'use client';

import type { UseFormRegister } from 'react-hook-form';
import { FieldError } from '@/app/_components/error-summary';
import { label } from '@/lib/kernel/labels';
import { LICENSES, USER_TYPES } from '@/lib/directory/user-schemas';

export type UserFieldValues = { fullName: string; email: string; userType: string; license: string };
export type UserFieldErrors = Partial<Record<keyof UserFieldValues, string>>;

/** The error summary's entries for these fields, in the order they are shown. */
export const USER_FIELD_IDS = ['fullName', 'email', 'userType', 'license'] as const;

const USER_TYPE_HINTS: Record<(typeof USER_TYPES)[number], string> = {
  PrivateUser: 'One person, who signs in with their own email address',
  SharedDevice: 'A phone or room device that several people use',
};

/**
 * Full name, email, user type and licence: the same fields on Add user and Edit user. `shown`
 * is what the controls start with (the user's details, or what the admin typed before an error).
 * The first radio of each group carries the group's name as its id, so the error summary's links
 * land on it.
 */
export function UserFields({
  register,
  shown,
  errors,
  emailHint,
}: {
  register: UseFormRegister<{ fullName: unknown; email: unknown; userType: unknown; license: unknown }>;
  shown: Partial<UserFieldValues>;
  errors: UserFieldErrors;
  emailHint: string;
}) {
  const describedBy = (id: string, hint?: boolean) =>
    [hint ? `${id}-hint` : '', errors[id as keyof UserFieldErrors] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <div className={`field${errors.fullName ? ' has-error' : ''}`}>
        <label htmlFor="fullName">Full name</label>
        <FieldError id="fullName" message={errors.fullName} />
        <input
          id="fullName"
          type="text"
          autoComplete="off"
          defaultValue={shown.fullName}
          aria-describedby={describedBy('fullName')}
          aria-invalid={errors.fullName ? true : undefined}
          {...register('fullName')}
        />
      </div>
      <div className={`field${errors.email ? ' has-error' : ''}`}>
        <label htmlFor="email">Email address</label>
        <p className="hint" id="email-hint">
          {emailHint}
        </p>
        <FieldError id="email" message={errors.email} />
        <input
          id="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={shown.email}
          aria-describedby={describedBy('email', true)}
          aria-invalid={errors.email ? true : undefined}
          {...register('email')}
        />
      </div>
      <RadioGroup
        name="userType"
        legend="User type"
        options={USER_TYPES.map((value) => ({ value, hint: USER_TYPE_HINTS[value] }))}
        chosen={shown.userType}
        error={errors.userType}
        register={register}
      />
      <RadioGroup
        name="license"
        legend="Licence"
        options={LICENSES.map((value) => ({ value }))}
        chosen={shown.license}
        error={errors.license}
        register={register}
      />
    </>
  );
}

function RadioGroup({
  name,
  legend,
  options,
  chosen,
  error,
  register,
}: {
  name: 'userType' | 'license';
  legend: string;
  options: { value: string; hint?: string }[];
  chosen: string | undefined;
  error: string | undefined;
  register: UseFormRegister<{ fullName: unknown; email: unknown; userType: unknown; license: unknown }>;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <fieldset aria-describedby={error ? `${name}-error` : undefined}>
        <legend>{legend}</legend>
        <FieldError id={name} message={error} />
        <div className="radios">
          {options.map((option, i) => {
            const id = i === 0 ? name : `${name}-${option.value}`;
            return (
              <div className="radio" key={option.value}>
                <input type="radio" id={id} value={option.value} defaultChecked={chosen === option.value} {...register(name)} />
                <label htmlFor={id}>
                  {label(option.value)}
                  {option.hint ? <span className="muted"> — {option.hint}</span> : null}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
