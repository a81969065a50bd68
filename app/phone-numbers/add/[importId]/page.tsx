import Link from 'next/link';
import { timesIn } from '@/lib/kernel/format-time';
import { requireAdmin } from '@/lib/auth/session';
import { getPhoneNumberImport } from '@/lib/inventory/phone-number-imports';
import { isId, label } from '@/lib/kernel/labels';
import { pageNotFound } from '@/lib/http/not-found';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { countryName } from '@/lib/inventory/countries';
import { count } from '@/lib/inventory/summary';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { AddForm } from './add-form';
import { TableRegion } from '@/app/_components/table-region';

type Props = { params: Promise<{ importId: string }> };

export default async function PreviewPhoneNumbersPage({ params }: Props) {
  const { importId } = await params;
  const admin = await requireAdmin(`/phone-numbers/add/${importId}`);
  const times = timesIn(admin.timeZone);
  if (!isId(importId)) pageNotFound();
  const preview = await getPhoneNumberImport(admin, importId);
  if (!preview) pageNotFound();
  const title = 'Check the phone numbers to add – Add phone numbers – Switchboard';
  const { acceptedCount, rejectedCount, committedAt } = preview;
  const added = preview.addedCount ?? 0;
  const addable = !committedAt && acceptedCount > 0 && admin.canChange;

  const details = (
    <>
      {committedAt ? (
        <div className="banner notice">
          <p>
            <strong>These numbers were added on {times.at(committedAt)}:</strong> {count(added, 'phone number', 'phone numbers')} added
            {acceptedCount > added ? `, ${count(acceptedCount - added, 'other', 'others')} added by someone else first` : ''}.
          </p>
        </div>
      ) : (
        <ul>
          <li>{count(acceptedCount, 'phone number can', 'phone numbers can')} be added</li>
          <li>{count(rejectedCount, 'line cannot', 'lines cannot')} be added</li>
        </ul>
      )}
      {preview.tollFreeCount > 0 && !committedAt ? (
        <p>
          {count(preview.tollFreeCount, 'toll-free number is', 'toll-free numbers are')} added as Voice Connector: toll-free numbers cannot
          be Business Calling numbers.
        </p>
      ) : null}

      {rejectedCount > 0 ? (
        <>
          <h2 id="rejected">Lines that cannot be added</h2>
          <TableRegion label="Lines that cannot be added">
            <table>
              <caption className="visually-hidden">Lines that cannot be added</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">What was typed</th>
                  <th scope="col">Why it cannot be added</th>
                </tr>
              </thead>
              <tbody>
                {preview.rejected.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td className="nowrap">{r.input || <span className="muted">(empty)</span>}</td>
                    <td>{r.error}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          {rejectedCount > preview.rejected.length ? (
            <p className="muted">
              Showing the first {preview.rejected.length}: {count(rejectedCount - preview.rejected.length, 'more line', 'more lines')}{' '}
              cannot be added.
            </p>
          ) : null}
        </>
      ) : null}

      {acceptedCount > 0 ? (
        <>
          <h2 id="accepted">{committedAt ? 'Phone numbers in this list' : 'Phone numbers to add'}</h2>
          <TableRegion label={committedAt ? 'Phone numbers in this list' : 'Phone numbers to add'}>
            <table>
              <caption className="visually-hidden">{committedAt ? 'Phone numbers in this list' : 'Phone numbers to add'}</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Phone number</th>
                  <th scope="col">Country</th>
                  <th scope="col">Type</th>
                  <th scope="col">Product type</th>
                </tr>
              </thead>
              <tbody>
                {preview.accepted.map((n) => (
                  <tr key={n.line}>
                    <td>{n.line}</td>
                    <td className="nowrap">{formatPhoneNumber(n.e164)}</td>
                    <td>{countryName(n.country)}</td>
                    <td>{label(n.type)}</td>
                    <td>{label(n.productType)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          {acceptedCount > preview.accepted.length ? (
            <p className="muted">
              Showing the first {preview.accepted.length}: {count(acceptedCount - preview.accepted.length, 'more number', 'more numbers')}{' '}
              {committedAt ? 'not shown.' : 'will be added too.'}
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );

  const crumbs = (
    <Breadcrumbs
      items={[
        { href: '/phone-numbers', label: 'Phone numbers' },
        { href: '/phone-numbers/add', label: 'Add phone numbers' },
        { label: 'Check the phone numbers to add' },
      ]}
    />
  );

  if (addable) {
    return (
      <>
        {crumbs}
        <h1>Check the phone numbers to add</h1>
        <AddForm title={title} importId={preview.id} acceptedCount={acceptedCount}>
          {details}
        </AddForm>
      </>
    );
  }
  return (
    <>
      <title>{title}</title>
      {crumbs}
      <h1>Check the phone numbers to add</h1>
      {details}
      {committedAt ? (
        <p>
          <Link href="/phone-numbers/add">Add more phone numbers</Link>
        </p>
      ) : acceptedCount === 0 ? (
        <>
          <p>None of these lines can be added. Correct them, then start again.</p>
          <p>
            <Link href="/phone-numbers/add" className="button">
              Start again
            </Link>
          </p>
        </>
      ) : (
        <p>You have read-only access, so you cannot add phone numbers.</p>
      )}
    </>
  );
}
