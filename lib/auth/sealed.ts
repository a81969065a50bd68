import crypto from 'node:crypto';
import { authSecret } from './secret';

// Short secrets that must pass through the browser once (a one-time password on its way to the
// page that shows it) travel sealed: AES-256-GCM under a key derived from AUTH_SECRET, bound to
// whom they are for. The browser holds only ciphertext, anyone else's session cannot open it, and
// an edited value does not open at all.

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function key(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, '', 'switchboard sealed flash v1', 32));
}

/** `plain` encrypted for `boundTo` (e.g. the id of the admin who may read it). */
export function seal(plain: string, boundTo: string, secret: string = authSecret()): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv(ALGORITHM, key(secret), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed text, or null when it was sealed for someone else, with another secret, or altered. */
export function unseal(sealed: string, boundTo: string, secret: string = authSecret()): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return null;
    const decipher = crypto.createDecipheriv(ALGORITHM, key(secret), raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
