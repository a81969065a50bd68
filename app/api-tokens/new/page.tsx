import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { expiryDays } from '@/app/api-tokens/labels';
import { timesIn } from '@/lib/kernel/format-time';
import { CreateTokenForm } from './create-token-form';

export default async function CreateTokenPage() {
  const admin = await requireAdmin('/api-tokens/new');
  // Any admin may make their own tokens (lib/api/tokens.ts checks again); a token does no more than they can.
  return (
    <>
      <Breadcrumbs items={[{ href: '/api-tokens', label: 'API tokens' }, { label: 'Create token' }]} />
      <h1>Create token</h1>
      <p>
        The token acts as you, {admin.name}: with your role and accounts as they are each time it is used. It stops working if your role,
        accounts or password change.
      </p>
      <CreateTokenForm expiryDays={expiryDays(timesIn(admin.timeZone))} readOnlyRole={admin.role === 'ReadOnly'} />
      <p>
        <Link href="/api-tokens">Cancel</Link>
      </p>
    </>
  );
}
