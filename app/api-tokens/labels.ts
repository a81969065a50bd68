import { TOKEN_DAYS } from '@/lib/api/token-schemas';
import type { TokenStatus } from '@/lib/api/tokens';
import type { Times } from '@/lib/kernel/format-time';

// How the API tokens pages name a token (its dates: lib/kernel/format-time.ts, in the admin's zone).

/** The secret's first characters, as lists show them: "sb_pat_ab12…". */
export const hintText = (hint: string) => `${hint}…`;

export const STATUS_TAG: Record<TokenStatus, string> = {
  Active: 'tag on',
  Expired: 'tag',
  Revoked: 'tag refused',
  Stopped: 'tag refused',
};

/** The day each expiry the form offers would end, counted from now, in the admin's zone: "7" → "8 Dec 2026". */
export function expiryDays(times: Times, now = new Date()): Record<string, string> {
  return Object.fromEntries(TOKEN_DAYS.map((n) => [String(n), times.day(new Date(now.getTime() + n * 86_400_000))]));
}
