import crypto from 'node:crypto';

// A token's secret and what is kept of it (decision 017): "sb_pat_" or "sb_scim_", then 32
// random bytes in base64url. The prefix lets secret scanners find a leaked token; only the
// SHA-256 is stored (the secret has 256 bits, so a slow hash would protect nothing more).

export const TOKEN_PREFIX = { Personal: 'sb_pat_', Provisioning: 'sb_scim_' } as const;
export type TokenKind = keyof typeof TOKEN_PREFIX;

export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newSecret(kind: TokenKind): { secret: string; hint: string; secretHash: string } {
  const secret = TOKEN_PREFIX[kind] + crypto.randomBytes(32).toString('base64url');
  return { secret, hint: secret.slice(0, TOKEN_PREFIX[kind].length + 4), secretHash: hashSecret(secret) };
}
