import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { getAccount } from '@/lib/directory/accounts';
import { pageNotFound } from '@/lib/http/not-found';
import { isId } from '@/lib/kernel/labels';
import { BOOLEAN_WORDS } from '@/lib/telephony/phone-change-file';
import { MAX_CHANGE_CSV_BYTES, MAX_CHANGE_ROWS } from '@/lib/telephony/limits';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { TITLE } from './labels';
import { UploadChangeFileForm } from './upload-form';

type Props = { params: Promise<{ accountId: string }> };

// Upload a CSV of assignments, unassignments and permission changes for an account's users; the
// dry run (./[fileId]) says what each row would do before anything changes.
export default async function ChangePhoneNumbersPage({ params }: Props) {
  const { accountId } = await params;
  const usersPath = `/accounts/${accountId}/users`;
  const admin = await requireAdmin(`${usersPath}/change-phone-numbers`);
  if (!isId(accountId)) pageNotFound();
  const account = await getAccount(admin, accountId);
  if (!account) pageNotFound();
  const title = `${TITLE} – ${account.name} – Switchboard`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/accounts', label: 'Accounts' },
          { href: `/accounts/${account.id}`, label: account.name },
          { href: usersPath, label: 'Users' },
          { label: TITLE },
        ]}
      />
      <h1>{TITLE}</h1>
      {!admin.canChange ? (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot change phone numbers or permissions.</p>
        </>
      ) : (
        <>
          <p>
            Assign and unassign phone numbers and set calling and SMS permissions for many users of {account.name} at once: one row of a CSV
            file for each change, up to {MAX_CHANGE_ROWS.toLocaleString('en-US')} rows. Each row is made as if you made it on the user’s
            page, with the same checks, in the order of the file.
          </p>
          <h2>Columns</h2>
          <p>The first row names the columns, in any order and any case; other columns are ignored.</p>
          <dl>
            <dt>User</dt>
            <dd>The user’s email address or user id. (Email or User id work as names too.)</dd>
            <dt>Phone number</dt>
            <dd>
              In E.164, such as +12065550100 (spaces are fine). The number to assign; for unassign or set permissions, if given, the row
              applies only while the user still has that number.
            </dd>
            <dt>Action (optional)</dt>
            <dd>
              assign, unassign or set permissions. Left out or empty: a row with Inbound, Outbound or SMS sets permissions, a row with only
              a phone number assigns it, and a row with neither unassigns the user’s number.
            </dd>
            <dt>Inbound, Outbound, SMS (optional)</dt>
            <dd>
              For set permissions: {BOOLEAN_WORDS}; an empty cell keeps that permission as it is. Assigning and unassigning turn all three
              off, so leave them empty there; to assign a number and then turn calling on, add a set permissions row for the same user
              below.
            </dd>
          </dl>
          <p className="csv-example">
            For example:
            <br />
            <code>User,Phone number,Action,Inbound,Outbound,SMS</code>
            <br />
            <code>pat.lee@example.com,+12065550100,assign,,,</code>
            <br />
            <code>pat.lee@example.com,,set permissions,yes,yes,no</code>
          </p>
          <UploadChangeFileForm title={title} accountId={account.id} maxCsvMegabytes={MAX_CHANGE_CSV_BYTES / 1024 / 1024} />
        </>
      )}
      <p>
        <Link href={usersPath}>Cancel</Link>
      </p>
    </>
  );
}
