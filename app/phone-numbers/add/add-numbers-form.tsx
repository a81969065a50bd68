'use client';

import { previewPhoneNumbersSchema, type PreviewPhoneNumbersInput } from '@/lib/inventory/schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { previewPhoneNumbersAction } from './actions';

type Props = {
  title: string;
  countries: { code: string; name: string }[];
  defaultCountry: string;
  maxCsvMegabytes: number;
};

const PRODUCT_TYPES = [
  { value: 'BusinessCalling', label: 'Business Calling', hint: 'Numbers you assign to users.' },
  { value: 'VoiceConnector', label: 'Voice Connector', hint: 'Numbers for your phone system (SIP).' },
] as const;

export function AddNumbersForm({ title, countries, defaultCountry, maxCsvMegabytes }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<PreviewPhoneNumbersInput>(
    previewPhoneNumbersSchema,
    previewPhoneNumbersAction,
    { defaultCountry: defaultCountry as PreviewPhoneNumbersInput['defaultCountry'], productType: 'BusinessCalling' },
  );
  const errors = {
    numbers: errorFor('numbers'),
    csv: errorFor('csv'),
    defaultCountry: errorFor('defaultCountry'),
    productType: errorFor('productType'),
  };
  const hasError = Boolean(state.formError || Object.values(errors).some(Boolean));
  const chosenProduct = state.values?.productType ?? 'BusinessCalling';
  const describedBy = (id: string, hint: boolean) =>
    [hint ? `${id}-hint` : '', errors[id as keyof typeof errors] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <title>{`${hasError ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary
        formError={state.formError}
        serverErrors={state.fieldErrors}
        fields={[
          { id: 'numbers', message: errors.numbers },
          { id: 'csv', message: errors.csv },
          { id: 'defaultCountry', message: errors.defaultCountry },
          { id: 'productType-BusinessCalling', name: 'productType', message: errors.productType },
        ]}
      />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <div className={`field${errors.numbers ? ' has-error' : ''}`}>
          <label htmlFor="numbers">Phone numbers</label>
          <p className="hint" id="numbers-hint">
            One on each line, for example +1 206 555 0100 or (206) 555-0100.
          </p>
          <FieldError id="numbers" message={errors.numbers} />
          <textarea
            id="numbers"
            rows={10}
            spellCheck={false}
            autoComplete="off"
            defaultValue={state.values?.numbers}
            aria-describedby={describedBy('numbers', true)}
            {...form.register('numbers')}
          />
        </div>
        <div className={`field${errors.csv ? ' has-error' : ''}`}>
          <label htmlFor="csv">Or upload a CSV file</label>
          <p className="hint" id="csv-hint">
            The numbers in the first column, or in a column named number, phone or e164. A header row is optional. Up to {maxCsvMegabytes}{' '}
            MB.
          </p>
          <FieldError id="csv" message={errors.csv} />
          <input
            id="csv"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-describedby={describedBy('csv', true)}
            {...form.register('csv')}
          />
        </div>
        <div className={`field${errors.defaultCountry ? ' has-error' : ''}`}>
          <label htmlFor="defaultCountry">Country for numbers without a country code</label>
          <p className="hint" id="defaultCountry-hint">
            Numbers that start with + and a country code are read as they are.
          </p>
          <FieldError id="defaultCountry" message={errors.defaultCountry} />
          <select
            id="defaultCountry"
            defaultValue={state.values?.defaultCountry ?? defaultCountry}
            aria-describedby={describedBy('defaultCountry', true)}
            {...form.register('defaultCountry')}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${errors.productType ? ' has-error' : ''}`}>
          <fieldset aria-describedby={describedBy('productType', true)}>
            <legend>Product type</legend>
            <p className="hint" id="productType-hint">
              Toll-free numbers are always added as Voice Connector numbers: they cannot be Business Calling numbers.
            </p>
            <FieldError id="productType" message={errors.productType} />
            <div className="radios">
              {PRODUCT_TYPES.map((p) => (
                <div className="radio" key={p.value}>
                  <input
                    type="radio"
                    id={`productType-${p.value}`}
                    value={p.value}
                    defaultChecked={chosenProduct === p.value}
                    aria-describedby={`productType-${p.value}-hint`}
                    {...form.register('productType')}
                  />
                  <div>
                    <label htmlFor={`productType-${p.value}`}>{p.label}</label>
                    <div className="hint" id={`productType-${p.value}-hint`}>
                      {p.hint}
                    </div>
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" disabled={pending}>
          Preview
        </button>
      </form>
    </>
  );
}
