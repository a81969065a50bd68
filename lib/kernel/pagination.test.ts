import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCursor, decodeSeqCursor, encodeCursor, keysetPage, newestFirstPage, parseListParams } from './pagination';

test('a cursor survives the round trip through a URL', () => {
  const cursor = { key: 'Zoë O’Brien, “Sales”', id: 'abc123' };
  const encoded = encodeCursor(cursor);
  assert.match(encoded, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeCursor(encoded), cursor);
});

test('a tampered or malformed cursor is ignored, not an error', () => {
  assert.equal(decodeCursor('not-base64-json'), undefined);
  assert.equal(decodeCursor(Buffer.from('{"a":1}').toString('base64url')), undefined);
  assert.equal(decodeCursor(Buffer.from('[1,2]').toString('base64url')), undefined);
  assert.equal(decodeCursor(undefined), undefined);
});

test('list parameters: trimmed search, first value of repeated keys, empty search dropped', () => {
  assert.deepEqual(parseListParams({ q: ['  Ana  ', 'x'], after: 'c1' }), { q: 'Ana', after: 'c1', before: undefined });
  assert.equal(parseListParams({ q: '   ' }).q, undefined);
  assert.equal(parseListParams({ q: 'x'.repeat(101) }).q, undefined);
});

const rows = (names: string[]) => names.map((name, i) => ({ id: `id${i}`, name }));

test('first page: rows in order, a next cursor only when there is more, no previous', () => {
  const page = keysetPage('name', {}, 2);
  assert.deepEqual(page.where, {});
  assert.equal(page.take, 3);
  const result = page.toPage(rows(['a', 'b', 'c']));
  assert.deepEqual(
    result.rows.map((r) => r.name),
    ['a', 'b'],
  );
  assert.deepEqual(decodeCursor(result.nextCursor), { key: 'b', id: 'id1' });
  assert.equal(result.prevCursor, undefined);
  assert.equal(page.toPage(rows(['a', 'b'])).nextCursor, undefined);
});

test('after a cursor: seeks past it by (key, id) and offers a way back', () => {
  const page = keysetPage('name', { after: encodeCursor({ key: 'b', id: 'id1' }) }, 2);
  assert.deepEqual(page.where, { name: { gte: 'b' }, OR: [{ name: { gt: 'b' } }, { name: 'b', id: { gt: 'id1' } }] });
  assert.deepEqual(page.orderBy, [{ name: 'asc' }, { id: 'asc' }]);
  const result = page.toPage(rows(['c']));
  assert.equal(result.nextCursor, undefined);
  assert.deepEqual(decodeCursor(result.prevCursor), { key: 'c', id: 'id0' });
});

test('before a cursor: reads backwards and returns the rows in order', () => {
  const page = keysetPage('name', { before: encodeCursor({ key: 'c', id: 'id9' }) }, 2);
  assert.deepEqual(page.where, { name: { lte: 'c' }, OR: [{ name: { lt: 'c' } }, { name: 'c', id: { lt: 'id9' } }] });
  assert.deepEqual(page.orderBy, [{ name: 'desc' }, { id: 'desc' }]);
  // Fetched newest-first: b, a, and one more (so there is an earlier page).
  const result = page.toPage([
    { id: 'x2', name: 'b' },
    { id: 'x1', name: 'a' },
    { id: 'x0', name: '0' },
  ]);
  assert.deepEqual(
    result.rows.map((r) => r.name),
    ['a', 'b'],
  );
  assert.ok(result.prevCursor);
  assert.deepEqual(decodeCursor(result.nextCursor), { key: 'b', id: 'x2' });
});

const seqRows = (...seqs: number[]) => seqs.map((s) => ({ seq: BigInt(s) }));

test('newest first by seq: the first page reads down from the top, with a next cursor only when there is more', () => {
  const page = newestFirstPage({}, 2);
  assert.deepEqual(page.where, {});
  assert.deepEqual(page.orderBy, { seq: 'desc' });
  assert.equal(page.take, 3);
  const result = page.toPage(seqRows(9, 8, 7));
  assert.deepEqual(result.rows, seqRows(9, 8));
  assert.equal(result.nextCursor, '8');
  assert.equal(result.prevCursor, undefined);
  assert.equal(page.toPage(seqRows(9, 8)).nextCursor, undefined);
});

test('newest first by seq: after a cursor reads older rows; before one reads newer rows, turned right way up', () => {
  const older = newestFirstPage({ after: '8' }, 2);
  assert.deepEqual(older.where, { seq: { lt: 8n } });
  assert.deepEqual(older.orderBy, { seq: 'desc' });
  assert.deepEqual(older.toPage(seqRows(7)), { rows: seqRows(7), nextCursor: undefined, prevCursor: '7' });

  const newer = newestFirstPage({ before: '7' }, 2);
  assert.deepEqual(newer.where, { seq: { gt: 7n } });
  assert.deepEqual(newer.orderBy, { seq: 'asc' });
  assert.deepEqual(newer.toPage(seqRows(8, 9, 10)), { rows: seqRows(9, 8), nextCursor: '8', prevCursor: '9' });
  assert.deepEqual(newer.toPage(seqRows(8, 9)), { rows: seqRows(9, 8), nextCursor: '8', prevCursor: undefined });
});

test('a seq cursor is a decimal bigint; anything else is ignored', () => {
  assert.equal(decodeSeqCursor('9223372036854775807'), 9223372036854775807n);
  for (const bad of [undefined, '', 'abc', '-1', '1.5', '1e3', ' 1', '9223372036854775808', '1'.repeat(20)]) {
    assert.equal(decodeSeqCursor(bad), undefined, String(bad));
  }
  assert.deepEqual(newestFirstPage({ after: 'x', before: '5' }).where, { seq: { gt: 5n } });
});

test('a counted page says where it stands, and its cursors carry the positions on, forwards and back', () => {
  const names = Array.from({ length: 7 }, (_, i) => String.fromCharCode(97 + i));
  const all = names.map((name, i) => ({ id: `id${i}`, name }));
  const read = (params: { after?: string; before?: string }) => {
    const page = keysetPage('name', params, 3);
    const cursor = decodeCursor(params.after ?? params.before);
    const rest = params.after
      ? all.filter((r) => r.name > cursor!.key)
      : params.before
        ? all.filter((r) => r.name < cursor!.key).reverse()
        : all;
    return page.toCountedPage(rest.slice(0, page.take), all.length);
  };
  const p1 = read({});
  assert.deepEqual([p1.first, p1.total, p1.rows.map((r) => r.name)], [1, 7, ['a', 'b', 'c']]);
  const p2 = read({ after: p1.nextCursor });
  assert.deepEqual([p2.first, p2.rows.map((r) => r.name)], [4, ['d', 'e', 'f']]);
  const p3 = read({ after: p2.nextCursor });
  assert.deepEqual([p3.first, p3.rows.map((r) => r.name), p3.nextCursor], [7, ['g'], undefined]);
  const back = read({ before: p3.prevCursor });
  assert.deepEqual([back.first, back.rows.map((r) => r.name)], [4, ['d', 'e', 'f']]);
  const start = read({ before: back.prevCursor });
  assert.deepEqual([start.first, start.rows.map((r) => r.name)], [1, ['a', 'b', 'c']]);
});

test('a counted page after a cursor without a position does not guess; a forged position stays within the list', () => {
  const rows = [{ id: 'x', name: 'z' }];
  assert.equal(keysetPage('name', { after: encodeCursor({ key: 'y', id: 'y' }) }, 3).toCountedPage(rows, 10).first, undefined);
  assert.equal(keysetPage('name', { after: encodeCursor({ key: 'y', id: 'y', at: 5000 }) }, 3).toCountedPage(rows, 10).first, 10);
  assert.deepEqual(decodeCursor(encodeCursor({ key: 'k', id: 'i', at: 26 })), { key: 'k', id: 'i', at: 26 });
});
