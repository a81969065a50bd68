'use client';

import { uploadChangeFileSchema, type UploadChangeFileInput } from '@/lib/telephony/phone-change-schemas';
import { useEnhancedForm } from '@/lib/forms/use-enhanced-form';
import { ErrorSummary, FieldError } from '@/app/_components/error-summary';
import { uploadChangeFileAction } from './actions';

type Props = { title: string; accountId: string; maxCsvMegabytes: number };

/** The CSV of changes; choosing "Dry run" changes nothing. */
export function UploadChangeFileForm({ title, accountId, maxCsvMegabytes }: Props) {
  const { state, formAction, form, onSubmit, errorFor, pending } = useEnhancedForm<UploadChangeFileInput>(
    uploadChangeFileSchema,
    uploadChangeFileAction,
    { accountId },
  );
  const csvError = errorFor('csv');
  return (
    <>
      <title>{`${state.formError || csvError ? 'Error: ' : ''}${title}`}</title>
      <ErrorSummary formError={state.formError} serverErrors={state.fieldErrors} fields={[{ id: 'csv', message: csvError }]} />
      <form action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register('accountId')} value={accountId} />
        <div className={`field${csvError ? ' has-error' : ''}`}>
          <label htmlFor="csv">CSV file of changes</label>
          <p className="hint" id="csv-hint">
            Up to {maxCsvMegabytes} MB, with a header row. The dry run comes next; nothing changes until you choose Apply.
          </p>
          <FieldError id="csv" message={csvError} />
          <input
            id="csv"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-describedby={['csv-hint', csvError ? 'csv-error' : ''].filter(Boolean).join(' ')}
            {...form.register('csv')}
          />
        </div>
        <button type="submit" disabled={pending}>
          Dry run
        </button>
      </form>
    </>
  );
}
