// Shared by lib/http/flash.ts (server components and actions) and proxy.ts.
export const FLASH_COOKIE = 'switchboard_flash';
export const FLASH_HEADER = 'x-switchboard-flash';
