import assert from 'node:assert/strict';
import { DomainError } from '@/lib/kernel/errors';

/**
 * Runs a change that must be refused: asserts it throws a DomainError of `kind` and, given a
 * `snapshot` of the tables it could touch, that they are exactly as they were. Returns the error.
 */
export async function assertRefused(
  kind: DomainError['kind'],
  run: () => Promise<unknown>,
  snapshot?: () => Promise<string>,
): Promise<DomainError> {
  const before = await snapshot?.();
  const err = await run().then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof DomainError, String(err));
  assert.equal(err.kind, kind, err.message);
  if (snapshot) assert.equal(await snapshot(), before, 'a refusal changes nothing');
  return err;
}
