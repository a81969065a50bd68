import { TOKEN_DAYS } from '@/lib/api/token-schemas';
import type { TokenStatus } from '@/lib/api/tokens';

// How the API tokens pages name a token and its dates.

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const dayAndTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "1 Mar 2027" (UTC). */
export const onDay = (d: Date) => day.format(d);
/** "1 Mar 2027, 09:30 UTC". */
export const atTime = (d: Date) => `${dayAndTime.format(d)} UTC`;

/** The secret's first characters, as lists show them: "sb_pat_ab12…". */
export const hintText = (hint: string) => `${hint}…`;

export const STATUS_TAG: Record<TokenStatus, string> = {
  Active: 'tag on',
  Expired: 'tag',
  Revoked: 'tag refused',
  Stopped: 'tag refused',
};

/** The day each expiry the form offers would end, counted from now: "7" → "8 Dec 2026". */
export function expiryDays(now = new Date()): Record<string, string> {
  return Object.fromEntries(TOKEN_DAYS.map((n) => [String(n), onDay(new Date(now.getTime() + n * 86_400_000))]));
}
