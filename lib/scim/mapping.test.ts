import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ScimRefusal } from './errors';
import {
  applyPatch,
  patchChanges,
  readUserResource,
  replaceChanges,
  scimBoolean,
  toScimUser,
  userToCreate,
  type DirectoryUser,
  type ScimUser,
} from './mapping';

// The mapping between a Switchboard user and a SCIM User, with the requests Microsoft Entra ID
// and Okta send (their documented examples, learn.microsoft.com "Known issues … SCIM 2.0 protocol
// compliance" and developer.okta.com "Okta and SCIM Version 2.0"), without a database.

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

const ada: DirectoryUser = {
  id: 'u1',
  fullName: 'Ada Lovelace',
  email: 'ada@example.com',
  externalId: null,
  registrationStatus: 'Registered',
  version: 3,
  createdAt: new Date('2026-01-02T03:04:05Z'),
  lastModified: new Date('2026-02-03T04:05:06Z'),
};
const read = (u: Partial<DirectoryUser> = {}): ScimUser => toScimUser({ ...ada, ...u }, 'https://sb.example/scim/v2');
const patch = (before: ScimUser, ...Operations: unknown[]) => patchChanges(before, applyPatch(before, { schemas: [PATCH_OP], Operations }));

function refusedWith(scimType: string, status: number, run: () => unknown) {
  assert.throws(run, (err: unknown) => {
    assert.ok(err instanceof ScimRefusal, `a ScimRefusal, not ${String(err)}`);
    assert.equal(err.scimType, scimType);
    assert.equal(err.status, status);
    return true;
  });
}

describe('a user as SCIM shows them', () => {
  test('one email is userName and the work address; one name is name.formatted and displayName; meta has the ETag', () => {
    assert.deepEqual(read(), {
      schemas: [USER],
      id: 'u1',
      userName: 'ada@example.com',
      name: { formatted: 'Ada Lovelace' },
      displayName: 'Ada Lovelace',
      active: true,
      emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
      meta: {
        resourceType: 'User',
        created: '2026-01-02T03:04:05.000Z',
        lastModified: '2026-02-03T04:05:06.000Z',
        location: 'https://sb.example/scim/v2/Users/u1',
        version: '"v3"',
      },
    });
  });

  test('a suspended user is inactive; externalId appears once set', () => {
    const u = read({ registrationStatus: 'Suspended', externalId: 'entra-42' });
    assert.equal(u.active, false);
    assert.equal(u.externalId, 'entra-42');
    assert.equal(read({ registrationStatus: 'Unregistered' }).active, true);
  });
});

describe('booleans', () => {
  test('true and false, and the strings Entra ID sends in any case and spacing', () => {
    assert.equal(scimBoolean(true, 'active'), true);
    assert.equal(scimBoolean('False', 'active'), false);
    assert.equal(scimBoolean(' TRUE ', 'active'), true);
    assert.equal(scimBoolean(undefined, 'active'), undefined);
    refusedWith('invalidValue', 400, () => scimBoolean('no', 'active'));
    refusedWith('invalidValue', 400, () => scimBoolean(0, 'active'));
  });
});

describe('POST: a new user', () => {
  test('Entra ID’s create: userName the email, name.formatted the full name, externalId kept', () => {
    const body = {
      schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: 'Grace.Hopper@Example.com',
      active: true,
      emails: [{ primary: true, type: 'work', value: 'grace.hopper@example.com' }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Grace Hopper', familyName: 'Hopper', givenName: 'Grace' },
      roles: [],
    };
    assert.deepEqual(userToCreate(readUserResource(body)), {
      fullName: 'Grace Hopper',
      email: 'Grace.Hopper@Example.com',
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      active: true,
    });
  });

  test('Okta’s create: givenName and familyName make the full name; active false arrives suspended', () => {
    const body = {
      schemas: [USER],
      userName: 'alan@example.com',
      name: { givenName: 'Alan', familyName: 'Turing' },
      emails: [{ primary: true, value: 'alan@example.com', type: 'work' }],
      displayName: 'A. Turing',
      locale: 'en-US',
      groups: [],
      password: 'never-kept',
      active: false,
    };
    assert.deepEqual(userToCreate(readUserResource(body)), {
      fullName: 'Alan Turing',
      email: 'alan@example.com',
      externalId: null,
      active: false,
    });
  });

  test('without userName the primary address is the email; without any name addUser is left to refuse it', () => {
    assert.deepEqual(
      userToCreate(readUserResource({ emails: [{ value: 'x@example.com', primary: 'True' }, { value: 'y@example.com' }] })),
      {
        fullName: '',
        email: 'x@example.com',
        externalId: null,
        active: true,
      },
    );
    assert.equal(userToCreate(readUserResource({ userName: 'z@example.com', displayName: 'Zed' })).fullName, 'Zed');
  });

  test('an attribute of the wrong type is 400 invalidValue naming it', () => {
    refusedWith('invalidValue', 400, () => readUserResource({ userName: 42 }));
    refusedWith('invalidValue', 400, () => readUserResource({ emails: 'a@b.c' }));
    refusedWith('invalidValue', 400, () => readUserResource('not an object'));
    refusedWith('invalidValue', 400, () => userToCreate(readUserResource({ userName: 'a@b.c', active: 'maybe' })));
  });
});

describe('PATCH: what Entra ID sends', () => {
  test('without its compliance flag: capitalised ops, one path each, the work address by filter, employeeNumber ignored', () => {
    const changes = patch(
      read(),
      { op: 'Replace', path: 'displayName', value: 'Pvlo' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.example' },
      { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
      { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
      { op: 'Replace', path: 'externalId', value: 'Eqpj' },
      { op: 'Replace', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber', value: 'Eqpj' },
    );
    // givenName + familyName come before displayName.
    assert.deepEqual(changes, { email: 'TestBcwqnm@test.example', fullName: 'Gtfd Pkqf', externalId: 'Eqpj' });
  });

  test('with it: a path-less replace whose value names attributes by path', () => {
    const changes = patch(
      read(),
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'mhvaes@test.example' },
      {
        op: 'replace',
        value: {
          displayName: 'Bjfe',
          'name.givenName': 'Kkom',
          'name.familyName': 'Unua',
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber': 'Aklq',
        },
      },
    );
    assert.deepEqual(changes, { email: 'mhvaes@test.example', fullName: 'Kkom Unua' });
  });

  test('disabling with "False", enabling with "True" (strings) or booleans', () => {
    assert.deepEqual(patch(read(), { op: 'Replace', path: 'active', value: 'False' }), { active: false });
    assert.deepEqual(patch(read(), { op: 'replace', path: 'active', value: false }), { active: false });
    assert.deepEqual(patch(read({ registrationStatus: 'Suspended' }), { op: 'Replace', path: 'active', value: 'True' }), { active: true });
    // Already so: nothing to do.
    assert.deepEqual(patch(read(), { op: 'Replace', path: 'active', value: 'True' }), {});
  });

  test('displayName alone is the full name; userName alone is the email; Add works as replace on a single value', () => {
    assert.deepEqual(patch(read(), { op: 'Replace', path: 'displayName', value: 'Augusta Ada King' }), { fullName: 'Augusta Ada King' });
    assert.deepEqual(patch(read(), { op: 'Replace', path: 'userName', value: 'ada.king@example.com' }), { email: 'ada.king@example.com' });
    assert.deepEqual(patch(read(), { op: 'Add', path: 'externalId', value: 'e-1' }), { externalId: 'e-1' });
    // userName wins over a different work address in the same request.
    assert.deepEqual(
      patch(
        read(),
        { op: 'replace', path: 'userName', value: 'one@example.com' },
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'two@example.com' },
      ),
      { email: 'one@example.com' },
    );
  });

  test('a change only of case or spacing, a removed name, or an attribute not kept changes nothing', () => {
    assert.deepEqual(patch(read(), { op: 'replace', path: 'userName', value: 'ADA@Example.com' }), {});
    assert.deepEqual(patch(read(), { op: 'replace', path: 'displayName', value: '  Ada   Lovelace ' }), {});
    assert.deepEqual(patch(read(), { op: 'remove', path: 'displayName' }), {});
    assert.deepEqual(patch(read(), { op: 'add', path: 'title', value: 'Countess' }), {});
    assert.deepEqual(patch(read(), { op: 'replace', path: 'emails[type eq "home"].value', value: 'home@example.com' }), {});
  });

  test('removing externalId clears it', () => {
    assert.deepEqual(patch(read({ externalId: 'e-1' }), { op: 'Remove', path: 'externalId' }), { externalId: null });
  });
});

describe('PATCH: what Okta sends', () => {
  test('a path-less replace with active false, or several attributes', () => {
    assert.deepEqual(patch(read(), { op: 'replace', value: { active: false } }), { active: false });
    assert.deepEqual(patch(read(), { op: 'replace', value: { name: { givenName: 'Ada', familyName: 'King' }, active: true } }), {
      fullName: 'Ada King',
    });
  });
});

describe('PATCH refused, before anything is changed', () => {
  test('not a PatchOp, an unknown op, a remove without a path, an add without a value', () => {
    refusedWith('invalidSyntax', 400, () => applyPatch(read(), { Operations: [{ op: 'replace', path: 'active', value: false }] }));
    refusedWith('invalidSyntax', 400, () => applyPatch(read(), { schemas: [PATCH_OP], Operations: [] }));
    refusedWith('invalidSyntax', 400, () => applyPatch(read(), { schemas: [PATCH_OP], Operations: [{ op: 'move', path: 'a' }] }));
    refusedWith('noTarget', 400, () => applyPatch(read(), { schemas: [PATCH_OP], Operations: [{ op: 'Remove' }] }));
    refusedWith('invalidSyntax', 400, () => applyPatch(read(), { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'displayName' }] }));
  });

  test('a path scim-patch cannot read, a value of the wrong type, or a new id', () => {
    refusedWith('invalidSyntax', 400, () =>
      applyPatch(read(), { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'emails[type eq]', value: 'x' }] }),
    );
    refusedWith('invalidValue', 400, () =>
      applyPatch(read(), { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'userName', value: 42 }] }),
    );
    refusedWith('invalidValue', 400, () => patch(read(), { op: 'replace', path: 'active', value: 'sometimes' }));
    refusedWith('mutability', 400, () => patch(read(), { op: 'replace', path: 'id', value: 'u2' }));
  });

  test('the user as read is not touched by a patch', () => {
    const before = read();
    const copy = structuredClone(before);
    applyPatch(before, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Someone Else' }] });
    assert.deepEqual(before, copy);
  });
});

describe('PUT: the whole user', () => {
  test('Okta’s update with the full resource; active false deactivates, then true again', () => {
    const body = (active: boolean) => ({
      schemas: [USER],
      id: 'u1',
      userName: 'ada@example.com',
      name: { givenName: 'Ada', familyName: 'King' },
      emails: [{ primary: true, value: 'ada@example.com', type: 'work' }],
      active,
      groups: [],
      meta: { resourceType: 'User' },
    });
    assert.deepEqual(replaceChanges(read(), readUserResource(body(false))), { fullName: 'Ada King', active: false });
    assert.deepEqual(replaceChanges(read({ fullName: 'Ada King', registrationStatus: 'Suspended' }), readUserResource(body(true))), {
      active: true,
    });
  });

  test('each field from the first attribute that has it, so the same body always means the same user', () => {
    const body = readUserResource({
      userName: 'login@example.com',
      emails: [{ value: 'mail@example.com', primary: true }],
      name: { formatted: 'Ada Lovelace', givenName: 'Augusta', familyName: 'King' },
      displayName: 'AAK',
    });
    const once = replaceChanges(read(), body);
    assert.deepEqual(once, { email: 'login@example.com' });
    assert.deepEqual(replaceChanges(read({ email: 'login@example.com' }), body), {});
  });

  test('absent externalId and active are kept; null clears externalId; a different id is refused', () => {
    assert.deepEqual(
      replaceChanges(read({ externalId: 'e-1', registrationStatus: 'Suspended' }), readUserResource({ userName: 'ada@example.com' })),
      {},
    );
    assert.deepEqual(replaceChanges(read({ externalId: 'e-1' }), readUserResource({ userName: 'ada@example.com', externalId: null })), {
      externalId: null,
    });
    refusedWith('mutability', 400, () => replaceChanges(read(), readUserResource({ id: 'u2', userName: 'ada@example.com' })));
  });
});
