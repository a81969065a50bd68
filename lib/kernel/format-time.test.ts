import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timesIn, timeZoneSchema, TIME_ZONES } from './format-time';

const moment = new Date('2027-03-01T23:30:15Z');

test('UTC by default, and the same moment in another zone, with the zone named', () => {
  assert.deepEqual(
    [timesIn('UTC').at(moment), timesIn('UTC').atSeconds(moment), timesIn('UTC').day(moment)],
    ['1 Mar 2027, 23:30 UTC', '1 Mar 2027, 23:30:15', '1 Mar 2027'],
  );
  const tokyo = timesIn('Asia/Tokyo');
  assert.deepEqual(
    [tokyo.at(moment), tokyo.atSeconds(moment), tokyo.day(moment)],
    ['2 Mar 2027, 08:30 Asia/Tokyo', '2 Mar 2027, 08:30:15', '2 Mar 2027'],
  );
  // Summer time is the zone's: New York is UTC−5 in winter and UTC−4 in summer.
  const ny = timesIn('America/New_York');
  assert.equal(ny.at(moment), '1 Mar 2027, 18:30 America/New_York');
  assert.equal(ny.at(new Date('2027-07-01T12:00:00Z')), '1 Jul 2027, 08:00 America/New_York');
});

test('only a zone from the list is accepted; a stored zone no longer known reads as UTC', () => {
  assert.equal(TIME_ZONES[0], 'UTC');
  for (const zone of ['UTC', 'Europe/Paris', 'Pacific/Auckland']) assert.equal(timeZoneSchema.safeParse(zone).success, true, zone);
  for (const zone of ['', 'Mars/Olympus_Mons', 'europe/paris', 'GMT+1', 'Europe/Paris ', 42, null]) {
    const parsed = timeZoneSchema.safeParse(zone);
    assert.equal(parsed.success, false, String(zone));
    assert.equal(parsed.error?.issues[0]?.message, 'Choose a time zone from the list');
  }
  assert.equal(timesIn('Mars/Olympus_Mons').at(moment), '1 Mar 2027, 23:30 UTC');
});
