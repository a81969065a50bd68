/**
 * A refusal the admin should read: shown on the same form as `formError`. Anything else thrown
 * from the data layer is a bug and reaches the error page.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: 'denied' | 'not-found' | 'conflict' | 'invalid',
    message: string,
    /** The form field the message belongs to, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown; originalCode?: unknown } } | null;
  return e?.code === 'P2002' || e?.cause?.originalCode === '23505' || e?.cause?.code === '23505';
}
