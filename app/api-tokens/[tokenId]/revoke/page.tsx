import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { getApiToken } from '@/lib/api/tokens';
import { isId } from '@/lib/kernel/labels';
import { pageNotFound } from '@/lib/http/not-found';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { hintText } from '@/app/api-tokens/labels';
import { RevokeTokenForm } from './revoke-form';

type Props = { params: Promise<{ tokenId: string }> };

export default async function RevokeTokenPage({ params }: Props) {
  const { tokenId } = await params;
  const admin = await requireAdmin(`/api-tokens/${tokenId}/revoke`);
  if (!isId(tokenId)) pageNotFound();
  // Only the admin's own tokens: another admin's, or none, is "Page not found" alike.
  const token = await getApiToken(admin, tokenId);
  if (!token) pageNotFound();
  const named = `“${token.name}” (${hintText(token.hint)})`;
  return (
    <>
      <Breadcrumbs items={[{ href: '/api-tokens', label: 'API tokens' }, { label: 'Revoke token' }]} />
      <h1>Revoke token</h1>
      <RevokeTokenForm
        title={`Revoke token – ${token.name} – Switchboard`}
        tokenId={token.id}
        confirmLabel={`Revoke ${named}`}
        explanation={`Anything that uses ${named} is refused from the moment you revoke it. This cannot be undone: if you need a token again, create a new one.`}
        blocker={token.status === 'Revoked' ? `${named} is already revoked.` : null}
      />
      <p>
        <Link href="/api-tokens">Cancel</Link>
      </p>
    </>
  );
}
