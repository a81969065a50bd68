'use client';

import { useEffect, useState } from 'react';

/**
 * A new token's secret, shown once. The server shows it only on the page the action redirected
 * to (the flash is gone after that); this also keeps the browser from showing it again from its
 * own memory, as going Back to the page would with JavaScript on.
 */
export function TokenSecret({ secret, tokenId }: { secret: string; tokenId: string }) {
  const key = `switchboard-provisioning-token-shown:${tokenId}`;
  const [shownBefore] = useState(() => typeof window !== 'undefined' && window.sessionStorage.getItem(key) !== null);
  useEffect(() => {
    try {
      window.sessionStorage.setItem(key, '1');
    } catch {
      // Storage refused (private mode): the server's one-shot flash still holds.
    }
  }, [key]);
  if (shownBefore) return <p>The token was shown once and cannot be shown again. If it was not copied, revoke it and create another.</p>;
  return (
    <p>
      Secret token:{' '}
      <code id="token-secret" className="secret">
        {secret}
      </code>
    </p>
  );
}
