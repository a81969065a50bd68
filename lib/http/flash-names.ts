// Shared by lib/http/flash.ts (server components and actions) and proxy.ts.
export const FLASH_COOKIE = 'switchboard_flash';
export const FLASH_HEADER = 'x-switchboard-flash';
/** What the flash cookie is sealed to (lib/http/flash.ts): only a flash cookie opens as a flash. */
export const FLASH_AAD = 'switchboard flash cookie v1';
