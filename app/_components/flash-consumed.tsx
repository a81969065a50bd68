'use client';

import { useEffect } from 'react';

/**
 * With JavaScript on, an action's redirect is rendered in the action's own response, so no page
 * request passes through proxy.ts to clear the flash cookie; ask the server to forget it once it
 * is shown (the cookie is HttpOnly), or a reload would show the banner again. Without
 * JavaScript, the proxy does it.
 */
export function FlashConsumed() {
  useEffect(() => {
    void fetch('/api/flash', { method: 'POST', credentials: 'same-origin' }).catch(() => {});
  }, []);
  return null;
}
