'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * A new token's secret (an API token's or a provisioning token's), shown once. The server shows it
 * only on the page its action redirected to (the flash is gone after that); this also keeps the
 * browser from showing it again from its own memory, as going Back to the page would with
 * JavaScript on. With JavaScript, a Copy button. `nonce`: unique to this showing of this secret.
 */
export function TokenSecret({ secret, nonce }: { secret: string; nonce: string }) {
  const key = `switchboard-token-shown:${nonce}`;
  const [shownBefore] = useState(() => typeof window !== 'undefined' && window.sessionStorage.getItem(key) !== null);
  // False in the server's HTML and while hydrating, true once scripts run: the button is for them only.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    try {
      window.sessionStorage.setItem(key, '1');
    } catch {
      // Storage refused (private mode): the server's one-shot flash still holds.
    }
  }, [key]);
  if (shownBefore) {
    return <p>The token’s secret was shown once and cannot be shown again. If you did not copy it, revoke the token and create another.</p>;
  }
  return (
    <>
      <p>
        <strong>Copy it now: it will not be shown again.</strong>
      </p>
      <p>
        <code id="token-secret" className="secret">
          {secret}
        </code>
      </p>
      {scripted ? (
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              void navigator.clipboard.writeText(secret).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            Copy
          </button>{' '}
          <span aria-live="polite">{copied ? 'Copied.' : ''}</span>
        </p>
      ) : null}
    </>
  );
}
