import Link from 'next/link';
import { pageNotFound } from '@/lib/http/not-found';
import { loadProvisioningPage } from '@/lib/scim/provisioning-page';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { ConfirmRevokeForm } from '../../confirm-revoke-form';

type Props = { params: Promise<{ accountId: string; tokenId: string }> };

export default async function RevokeProvisioningTokenPage({ params }: Props) {
  const { tokenId } = await params;
  const { account, path, tokens } = await loadProvisioningPage(params, `/${tokenId}/revoke`);
  const token = tokens.find((t) => t.id === tokenId);
  if (!token) pageNotFound();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/accounts', label: 'Accounts' },
          { href: `/accounts/${account.id}`, label: account.name },
          { href: path, label: 'Provisioning' },
          { label: 'Revoke' },
        ]}
      />
      <h1>Revoke</h1>
      <ConfirmRevokeForm
        title={`Revoke – ${token.name} – ${account.name} – Switchboard`}
        accountId={account.id}
        tokenId={token.id}
        confirmLabel={`Revoke ${token.name} (${token.hint}…)`}
        explanation={`The identity provider that uses ${token.name} can no longer add, change or remove ${account.name}’s users: its next request is refused. Users it added stay as they are. A revoked token cannot be used again.`}
        blocker={token.revokedAt ? `${token.name} is already revoked.` : null}
      />
      <p>
        <Link href={path}>Cancel</Link>
      </p>
    </>
  );
}
