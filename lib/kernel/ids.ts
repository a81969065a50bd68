import crypto from 'node:crypto';

/**
 * An id shaped like Prisma's cuid(2) ids (a lowercase letter, then 23 base-36 characters), from
 * 128 random bits: for rows inserted in bulk with raw SQL, which Prisma's defaults do not reach.
 */
export function newId(): string {
  const bytes = crypto.randomBytes(17);
  const rest = BigInt(`0x${bytes.subarray(1).toString('hex')}`)
    .toString(36)
    .padStart(23, '0')
    .slice(-23);
  return String.fromCharCode(97 + (bytes[0]! % 26)) + rest;
}
