import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { COUNTRIES, DEFAULT_COUNTRY } from '@/lib/inventory/countries';
import { MAX_CSV_BYTES, MAX_LINES } from '@/lib/inventory/limits';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { AddNumbersForm } from './add-numbers-form';

export default async function AddPhoneNumbersPage() {
  const admin = await requireAdmin('/phone-numbers/add');
  const title = 'Add phone numbers – Phone numbers – Switchboard';
  const crumbs = <Breadcrumbs items={[{ href: '/phone-numbers', label: 'Phone numbers' }, { label: 'Add phone numbers' }]} />;

  if (!admin.canChange) {
    return (
      <>
        <title>{title}</title>
        {crumbs}
        <h1>Add phone numbers</h1>
        <p>You have read-only access, so you cannot add phone numbers to the inventory.</p>
        <p>
          <Link href="/phone-numbers">Back to phone numbers</Link>
        </p>
      </>
    );
  }

  return (
    <>
      {crumbs}
      <h1>Add phone numbers</h1>
      <p>
        Type or paste the numbers, or upload a CSV file. Next you will see what each line will become and why any cannot be added; nothing
        is added until you choose <strong>Add</strong>. Up to {MAX_LINES.toLocaleString('en-US')} numbers at a time.
      </p>
      <AddNumbersForm
        title={title}
        countries={COUNTRIES.map((c) => ({ code: c.code, name: c.name }))}
        defaultCountry={DEFAULT_COUNTRY}
        maxCsvMegabytes={MAX_CSV_BYTES / 1024 / 1024}
      />
      <p>
        <Link href="/phone-numbers">Cancel</Link>
      </p>
    </>
  );
}
