import Link from 'next/link';
import { headers } from 'next/headers';
import { requireAdmin } from '@/lib/auth/session';
import { listApiTokens, type TokenRow } from '@/lib/api/tokens';
import {
  flashTokenSecret,
  readApiTokenFlash,
  readTimeZoneFlash,
  secretNonce,
  type ApiTokenFlash,
  type TimeZoneFlash,
} from '@/lib/http/flash';
import { timesIn, type Times } from '@/lib/kernel/format-time';
import { FlashConsumed } from '@/app/_components/flash-consumed';
import { FocusOnArrival } from '@/app/_components/focus-on-arrival';
import { TableRegion } from '@/app/_components/table-region';
import { TokenSecret } from '@/app/_components/token-secret';
import { hintText, STATUS_TAG } from './labels';
import { TimeZoneForm } from './time-zone-form';

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
function TokenBanner({
  flash,
  token,
  secret,
  origin,
  times,
}: {
  flash: ApiTokenFlash;
  token: TokenRow;
  secret: string | null;
  origin: string;
  times: Times;
}) {
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
              {token.expiresAt ? times.day(token.expiresAt) : 'no set day'}.
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

/** After saving one's own time zone. */
function TimeZoneBanner({ flash, zone }: { flash: TimeZoneFlash; zone: string }) {
  return (
    <div className="banner" id="banner" role="status" aria-labelledby="banner-title" tabIndex={-1} autoFocus>
      <FlashConsumed />
      <FocusOnArrival />
      <h2 id="banner-title">{flash.repeated ? 'Nothing changed' : 'Time zone saved'}</h2>
      <p>{flash.repeated ? `Your time zone was already ${zone}.` : `Dates and times are now shown in ${zone}.`}</p>
    </div>
  );
}

function Status({ token, times }: { token: TokenRow; times: Times }) {
  return (
    <>
      <span className={STATUS_TAG[token.status]}>{token.status}</span>
      {token.status === 'Revoked' && token.revokedAt ? (
        <>
          <br />
          <span className="muted">
            on <time dateTime={token.revokedAt.toISOString()}>{times.day(token.revokedAt)}</time>
          </span>
        </>
      ) : null}
    </>
  );
}

export default async function ApiTokensPage() {
  const admin = await requireAdmin('/api-tokens');
  const [tokens, flash, zoneFlash, origin] = await Promise.all([
    listApiTokens(admin),
    readApiTokenFlash(),
    readTimeZoneFlash(admin.id),
    siteOrigin(),
  ]);
  const times = timesIn(admin.timeZone);
  // Only a flash about one of this admin's own tokens is shown, and its secret only if sealed for them.
  const flashed = flash ? tokens.find((t) => t.id === flash.tokenId) : undefined;
  const secret = flash && flashed ? flashTokenSecret(flash, admin.id) : null;
  return (
    <>
      {flash && flashed ? <TokenBanner flash={flash} token={flashed} secret={secret} origin={origin} times={times} /> : null}
      {zoneFlash ? <TimeZoneBanner flash={zoneFlash} zone={times.zone} /> : null}
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
                    <time dateTime={t.createdAt.toISOString()}>{times.day(t.createdAt)}</time>
                  </td>
                  <td>{t.expiresAt ? <time dateTime={t.expiresAt.toISOString()}>{times.day(t.expiresAt)}</time> : 'Never'}</td>
                  <td>{t.lastUsedAt ? <time dateTime={t.lastUsedAt.toISOString()}>{times.at(t.lastUsedAt)}</time> : 'Never'}</td>
                  <td>
                    <Status token={t} times={times} />
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
      {/* The admin's own setting, here with the other things that are theirs alone. */}
      <h2 id="time-zone">Your time zone</h2>
      <TimeZoneForm timeZone={times.zone} title="API tokens – Switchboard" />
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
