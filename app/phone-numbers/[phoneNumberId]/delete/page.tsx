import Link from 'next/link';
import { loadNumberPage } from '@/lib/inventory/number-page';
import { DELETION_QUEUE_DAYS } from '@/lib/inventory/phone-numbers';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { DeleteForm } from './delete-form';

type Props = { params: Promise<{ phoneNumberId: string }> };

export default async function DeletePhoneNumberPage({ params }: Props) {
  const { admin, number, path } = await loadNumberPage(params, '/delete');
  const formatted = formatPhoneNumber(number.e164);
  const title = `Delete phone number – ${formatted} – Switchboard`;
  return (
    <>
      <Breadcrumbs
        items={[{ href: '/phone-numbers', label: 'Phone numbers' }, { href: path, label: formatted }, { label: 'Delete phone number' }]}
      />
      <h1>Delete phone number</h1>
      {admin.canChange ? (
        <DeleteForm
          title={title}
          phoneNumberId={number.id}
          formatted={formatted}
          blocker={
            number.status === 'Assigned'
              ? `${formatted} is assigned to a user. Unassign it from the user first, then delete it.`
              : number.status === 'DeleteInProgress'
                ? `${formatted} is already in the deletion queue.`
                : null
          }
          days={DELETION_QUEUE_DAYS}
        />
      ) : (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot delete phone numbers.</p>
        </>
      )}
      <p>
        <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
