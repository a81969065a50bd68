import Link from 'next/link';
import { timesIn } from '@/lib/kernel/format-time';
import type { TokenRow } from '@/lib/api/tokens';
import { flashTokenSecret, readProvisioningFlash, secretNonce, type ProvisioningFlash } from '@/lib/http/flash';
import { loadProvisioningPage } from '@/lib/scim/provisioning-page';
import { FlashConsumed } from '@/app/_components/flash-consumed';
import { FocusOnArrival } from '@/app/_components/focus-on-arrival';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { TableRegion } from '@/app/_components/table-region';
import { TokenSecret } from '@/app/_components/token-secret';

type Props = { params: Promise<{ accountId: string }> };

/** What just happened to one of the account's tokens; after creating one, its secret, once. */
function ProvisioningBanner({
  flash,
  token,
  secret,
  scimUrl,
}: {
  flash: ProvisioningFlash;
  token: TokenRow | undefined;
  secret: string | null;
  scimUrl: string;
}) {
  const name = token?.name ?? 'The token';
  const created = flash.kind === 'provisioning-token-created';
  return (
    <div className="banner" id="banner" role="status" aria-labelledby="banner-title" tabIndex={-1} autoFocus>
      <FlashConsumed />
      <FocusOnArrival />
      <h2 id="banner-title">{created ? `${name} is created` : flash.repeated ? `${name} was already revoked` : `${name} is revoked`}</h2>
      {created ? (
        secret ? (
          <>
            <TokenSecret secret={secret} nonce={secretNonce(flash)} />
            <ul className="notes">
              <li>
                In your identity provider, set the tenant URL to <code>{scimUrl}</code> and the secret token to this.
              </li>
              <li>Switchboard keeps only a hash of it. If it is lost, revoke this token and create another.</li>
            </ul>
          </>
        ) : (
          <p>The token can no longer be shown. If it was not copied, revoke it and create another.</p>
        )
      ) : (
        <p>Requests made with it are refused from now on. The users it added stay as they are.</p>
      )}
    </div>
  );
}

export default async function ProvisioningPage({ params }: Props) {
  const { admin, account, path, tokens, scimUrl } = await loadProvisioningPage(params);
  const { at: when } = timesIn(admin.timeZone);
  const flash = await readProvisioningFlash(account.id);
  const secret = flash ? flashTokenSecret(flash, admin.id) : null;
  return (
    <>
      <title>{`Provisioning – ${account.name} – Switchboard`}</title>
      <Breadcrumbs
        items={[
          { href: '/accounts', label: 'Accounts' },
          { href: `/accounts/${account.id}`, label: account.name },
          { label: 'Provisioning' },
        ]}
      />
      {flash ? (
        <ProvisioningBanner flash={flash} token={tokens.find((t) => t.id === flash.tokenId)} secret={secret} scimUrl={scimUrl} />
      ) : null}
      <h1>Provisioning</h1>
      <p>
        An identity provider such as Microsoft Entra ID or Okta can add, change, suspend and remove {account.name}’s users itself, through
        SCIM 2.0. Give it this account’s tenant URL and a provisioning token. A token reaches this account only, and acts as the admin who
        created it.
      </p>
      <dl className="summary">
        <dt>Tenant URL</dt>
        <dd>
          <code>{scimUrl}</code>
        </dd>
      </dl>
      <p>
        <Link href={`${path}/new`} className="button">
          Create provisioning token
        </Link>
      </p>
      {tokens.length === 0 ? (
        <p>This account has no provisioning tokens.</p>
      ) : (
        <TableRegion label="Provisioning tokens">
          <table>
            <caption className="visually-hidden">Provisioning tokens of {account.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.hint}…</code>
                  </td>
                  <td>
                    {when(t.createdAt)}
                    {t.adminName ? <span className="muted"> by {t.adminName}</span> : null}
                  </td>
                  <td>{t.lastUsedAt ? when(t.lastUsedAt) : 'Never'}</td>
                  <td>{t.status === 'Active' ? 'Active' : <strong>{t.status}</strong>}</td>
                  <td>
                    {t.revokedAt ? null : (
                      <Link href={`${path}/${t.id}/revoke`} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <p>
        In Microsoft Entra ID: the enterprise application’s Provisioning, mode Automatic, Tenant URL and Secret Token. In Okta: the app’s
        Provisioning, Integration, SCIM connector base URL, and HTTP Header authentication with the token. Map the user’s email address to
        userName.
      </p>
    </>
  );
}
