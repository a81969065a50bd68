import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScimRefusal } from './errors';
import { parseUserFilter } from './filter';

// GET /Users?filter=…: what identity providers send to find a user, and a 400 invalidFilter for
// anything else (never a filter half-applied).

test('userName eq, as Entra ID and Okta send it; attribute names in any case, or with the core URN', () => {
  assert.deepEqual(parseUserFilter('userName eq "ada@example.com"'), [{ attribute: 'userName', value: 'ada@example.com' }]);
  assert.deepEqual(parseUserFilter('USERNAME eq "a@b.c"'), [{ attribute: 'userName', value: 'a@b.c' }]);
  assert.deepEqual(parseUserFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b.c"'), [
    { attribute: 'userName', value: 'a@b.c' },
  ]);
  assert.deepEqual(parseUserFilter('userName eq "quote\\"d@b.c"'), [{ attribute: 'userName', value: 'quote"d@b.c' }]);
});

test('externalId, id, the work address and active; joined with and', () => {
  assert.deepEqual(parseUserFilter('externalId eq "0a21f0f2"'), [{ attribute: 'externalId', value: '0a21f0f2' }]);
  assert.deepEqual(parseUserFilter('id eq "u1" and active eq false'), [
    { attribute: 'id', value: 'u1' },
    { attribute: 'active', value: false },
  ]);
  assert.deepEqual(parseUserFilter('emails[type eq "work"].value eq "a@b.c"'), [{ attribute: 'userName', value: 'a@b.c' }]);
  assert.deepEqual(parseUserFilter('emails[type eq "work" and value eq "a@b.c"]'), [{ attribute: 'userName', value: 'a@b.c' }]);
  assert.deepEqual(parseUserFilter('emails.value eq "a@b.c"'), [{ attribute: 'userName', value: 'a@b.c' }]);
  assert.deepEqual(parseUserFilter('emails[type eq "home"]'), [{ attribute: 'never' }]);
});

test('anything else is 400 invalidFilter', () => {
  for (const filter of [
    'userName co "ada"',
    'userName sw "a"',
    'userName pr',
    'userName eq "a" or userName eq "b"',
    'not (userName eq "a")',
    'title eq "Countess"',
    'userName eq 42',
    'active eq "true"',
    'userName eq unquoted',
    'userName eq',
    'emails[value co "a"]',
    'name[givenName eq "a"]',
    '((',
    `userName eq "${'a'.repeat(1000)}"`,
  ]) {
    assert.throws(
      () => parseUserFilter(filter),
      (err: unknown) => err instanceof ScimRefusal && err.status === 400 && err.scimType === 'invalidFilter',
      filter,
    );
  }
});
