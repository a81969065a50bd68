import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formValues, valueList } from './action-state';

test('a key sent once is a string; sent again, a list in the order sent', () => {
  const data = new FormData();
  data.append('email', 'a@b.example');
  data.append('accountIds', 'one');
  data.append('accountIds', 'two');
  data.append('accountIds', 'three');
  data.append('$ACTION_ID_abc', '');
  assert.deepEqual(formValues(data), { email: 'a@b.example', accountIds: ['one', 'two', 'three'] });
});

test('valueList reads a group of checkboxes whether none, one or several were ticked', () => {
  assert.deepEqual(valueList(undefined, 'accountIds'), []);
  assert.deepEqual(valueList({ accountIds: 'one' }, 'accountIds'), ['one']);
  assert.deepEqual(valueList({ accountIds: ['one', 'two'] }, 'accountIds'), ['one', 'two']);
});
