import Link from 'next/link';
import { headers } from 'next/headers';
import { requireAdmin } from '@/lib/auth/session';
import { listApiTokens, type TokenRow } from '@/lib/api/tokens';
import { flashTokenSecret, readApiTokenFlash, secretNonce, type ApiTokenFlash } from '@/lib/http/flash';
import { FlashConsumed } from '@/app/_components/flash-consumed';
import { FocusOnArrival } from '@/app/_components/focus-on-arrival';
import { TableRegion } from '@/app/_components/table-region';
import { TokenSecret } from '@/app/_components/token-secret';
import { atTime, hintText, onDay, STATUS_TAG } from './labels';

/** This site's address as the browser reached it, for the example call. */
async function siteOrigin(): Promise<string> {
  const h = await headers();
  const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost'}`;
}

function HowToUse({ origin }: { origin: string }) {
  return (
    <ul className="notes">
      <li>
        Send it with every call to the API, in the Authorization header: <code>Authorization: Bearer sb_pat_…</code>
      </li>
      <li>
        The command-line tool reads it from the <code>SWITCHBOARD_TOKEN</code> environment variable. For example:{' '}
        <code>curl -H &quot;Authorization: Bearer $SWITCHBOARD_TOKEN&quot; {origin}/api/v1/accounts</code>
      </li>
      <li>
        What you can call, and what each call answers: <Link href="/api-reference">API reference</Link>.
      </li>
    </ul>
  );
}

/** What just happened to one of the admin's tokens; after creating one, its secret, once. */
function TokenBanner({ flash, token, secret, origin }: { flash: ApiTokenFlash; token: TokenRow; secret: string | null; origin: string }) {
  const created = flash.kind === 'api-token-created';
  const heading = created
    ? `Token “${token.name}” is created`
    : flash.repeated
      ? `Token “${token.name}” was already revoked`
      : `Token “${token.name}” is revoked`;
  return (
    <div className="banner" id="banner" role="status" aria-labelledby="banner-title" tabIndex={-1} autoFocus>
      <FlashConsumed />
      <FocusOnArrival />
      <h2 id="banner-title">{heading}</h2>
      {created ? (
        secret ? (
          <>
            <TokenSecret secret={secret} nonce={secretNonce(flash)} />
            <p>
              Keep it as you would a password: in a secret store, never in code, a ticket or a chat.{' '}
              {token.readOnly ? 'It can only read.' : 'It can do what you can.'} It expires on{' '}
              {token.expiresAt ? onDay(token.expiresAt) : 'no set day'}.
            </p>
            <HowToUse origin={origin} />
          </>
        ) : (
          <p>Its secret can no longer be shown. If you did not copy it, revoke the token and create another.</p>
        )
      ) : flash.repeated ? (
        <p>Nothing was changed.</p>
      ) : (
        <p>Anything that used it is refused from now on.</p>
      )}
    </div>
  );
}

function Status({ token }: { token: TokenRow }) {
  return (
    <>
      <span className={STATUS_TAG[token.status]}>{token.status}</span>
      {token.status === 'Revoked' && token.revokedAt ? (
        <>
          <br />
          <span className="muted">
            on <time dateTime={token.revokedAt.toISOString()}>{onDay(token.revokedAt)}</time>
          </span>
        </>
      ) : null}
    </>
  );
}

export default async function ApiTokensPage() {
  const admin = await requireAdmin('/api-tokens');
  const [tokens, flash, origin] = await Promise.all([listApiTokens(admin), readApiTokenFlash(), siteOrigin()]);
  // Only a flash about one of this admin's own tokens is shown, and its secret only if sealed for them.
  const flashed = flash ? tokens.find((t) => t.id === flash.tokenId) : undefined;
  const secret = flash && flashed ? flashTokenSecret(flash, admin.id) : null;
  return (
    <>
      <title>API tokens – Switchboard</title>
      {flash && flashed ? <TokenBanner flash={flash} token={flashed} secret={secret} origin={origin} /> : null}
      <h1>API tokens</h1>
      <p>
        Your personal tokens let a script or the command-line tool use the Switchboard API as you: with your role and accounts as they are
        each time it is used{admin.role === 'ReadOnly' ? ' (your role is read only, so they can only read)' : ''}. See the{' '}
        <Link href="/api-reference">API reference</Link>.
      </p>
      <p>
        <Link href="/api-tokens/new" className="button">
          Create token
        </Link>
      </p>
      {tokens.length === 0 ? (
        <p>You have no API tokens.</p>
      ) : (
        <TableRegion label="Your API tokens">
          <table>
            <caption className="visually-hidden">Your API tokens, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Access</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code className="nowrap">{hintText(t.hint)}</code>
                  </td>
                  {/* A read-only admin's tokens only read, whatever they were made as (a new role would stop them). */}
                  <td>{t.readOnly ? 'Read only' : admin.role === 'ReadOnly' ? 'Read only (your role)' : 'Read and change'}</td>
                  <td>
                    <time dateTime={t.createdAt.toISOString()}>{onDay(t.createdAt)}</time>
                  </td>
                  <td>{t.expiresAt ? <time dateTime={t.expiresAt.toISOString()}>{onDay(t.expiresAt)}</time> : 'Never'}</td>
                  <td>{t.lastUsedAt ? <time dateTime={t.lastUsedAt.toISOString()}>{atTime(t.lastUsedAt)}</time> : 'Never'}</td>
                  <td>
                    <Status token={t} />
                  </td>
                  <td>
                    {t.status === 'Revoked' ? null : (
                      <Link href={`/api-tokens/${t.id}/revoke`} className="nowrap">
                        Revoke<span className="visually-hidden"> “{t.name}”</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {tokens.length > 0 ? (
        <p>
          <strong>Stopped</strong> means the token stopped working when your role, accounts or password changed, or you were disabled, as
          your sessions end then. It cannot work again: revoke it, and create a new one if you still need one.
        </p>
      ) : null}
      {/* The banner after creating a token says this beside its secret. */}
      {secret ? null : (
        <>
          <h2>How to use a token</h2>
          <HowToUse origin={origin} />
        </>
      )}
    </>
  );
}
