'use client';

import { useEffect, useState } from 'react';

/**
 * The one-time password, shown once. The server shows it only on the page an action redirected
 * to (the flash is gone after that); this also keeps the browser from showing it again from its
 * own memory, as going Back to the page would with JavaScript on.
 */
export function OneTimePassword({ password, nonce }: { password: string; nonce: string }) {
  const key = `switchboard-one-time-password-shown:${nonce}`;
  const [shownBefore] = useState(() => typeof window !== 'undefined' && window.sessionStorage.getItem(key) !== null);
  useEffect(() => {
    try {
      window.sessionStorage.setItem(key, '1');
    } catch {
      // Storage refused (private mode): the server's one-shot flash still holds.
    }
  }, [key]);
  if (shownBefore) {
    return <p>The one-time password was shown once and cannot be shown again. If it was not passed on, reset the password.</p>;
  }
  return (
    <p>
      One-time password:{' '}
      <code id="one-time-password" className="secret">
        {password}
      </code>
    </p>
  );
}
