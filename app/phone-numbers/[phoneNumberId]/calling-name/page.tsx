import Link from 'next/link';
import { loadNumberPage } from '@/lib/inventory/number-page';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { CallingNameForm } from './calling-name-form';

type Props = { params: Promise<{ phoneNumberId: string }> };

export default async function CallingNamePage({ params }: Props) {
  const { admin, number, path } = await loadNumberPage(params, '/calling-name');
  const formatted = formatPhoneNumber(number.e164);
  const title = `Edit calling name – ${formatted} – Switchboard`;
  return (
    <>
      <Breadcrumbs
        items={[{ href: '/phone-numbers', label: 'Phone numbers' }, { href: path, label: formatted }, { label: 'Edit calling name' }]}
      />
      <h1>Edit calling name</h1>
      {admin.canChange ? (
        <CallingNameForm
          title={title}
          number={{ id: number.id, version: number.version, callingName: number.callingName ?? '', formatted }}
        />
      ) : (
        <>
          <title>{title}</title>
          <p>You have read-only access, so you cannot change calling names.</p>
        </>
      )}
      <p>
        <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
