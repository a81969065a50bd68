'use client';

import { useEffect } from 'react';
import { FLASH_COOKIE } from '@/lib/flash-names';

/**
 * With JavaScript on, an action's redirect is rendered in the action's own response, so no page
 * request passes through proxy.ts to clear the flash cookie; clear it here once it is shown, or a
 * reload would show the banner again. Without JavaScript, the proxy does it.
 */
export function FlashConsumed() {
  useEffect(() => {
    document.cookie = `${FLASH_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
  }, []);
  return null;
}
