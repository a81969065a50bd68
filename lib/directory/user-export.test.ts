import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { useTestDatabase } from '@/lib/test/database';
import { sessionFor } from '@/lib/test/session';
import { makeAccount, makeAdmin, makePhoneNumber, makeUser } from '@/lib/test/factories';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { exportUsers, findExportableAccount, userCsvFilename, userCsvHeader, userCsvLines } from './user-export';
import type { UserFilters } from './user-params';

const database = useTestDatabase();
let prisma: PrismaClient;
before(async () => {
  prisma = (await database).prisma;
});

async function csvOf(admin: Parameters<typeof exportUsers>[0], accountId: string, filters: UserFilters, q?: string) {
  let text = userCsvHeader();
  let batches = 0;
  for await (const rows of exportUsers(admin, accountId, filters, q, 2)) {
    batches++;
    text += userCsvLines(rows);
  }
  return { records: parse(text, { bom: true }) as string[][], batches };
}

describe('export users', () => {
  test('every present user in name order, batch by batch, with the columns the page has and more', async () => {
    const account = await makeAccount(prisma);
    const admin = await sessionFor((await makeAdmin(prisma, { accountIds: [account.id] })).id);
    const ana = await makeUser(prisma, account.id, { fullName: 'Ana Able', inboundCalling: true, sms: true });
    const n = await makePhoneNumber(prisma, { user: ana });
    await makeUser(prisma, account.id, { fullName: 'Bo Baker' });
    const cy = await makeUser(prisma, account.id, { fullName: '=HYPERLINK("x") Cy' });
    await prisma.user.update({
      where: { id: cy.id },
      data: { license: 'Basic', userType: 'SharedDevice', registrationStatus: 'Registered' },
    });
    const gone = await makeUser(prisma, account.id, { fullName: 'Al Gone' });
    await prisma.user.update({ where: { id: gone.id }, data: { removedAt: new Date(), activeEmail: null } });

    const { records, batches } = await csvOf(admin, account.id, {});
    assert.equal(batches, 2);
    assert.deepEqual(records[0], [
      'Full name',
      'Email',
      'User type',
      'Licence',
      'Registration status',
      'Invitation status',
      'Phone number',
      'Inbound calling',
      'Outbound calling',
      'SMS',
    ]);
    assert.deepEqual(records.slice(1), [
      [`'=HYPERLINK("x") Cy`, cy.email, 'Shared device', 'Basic', 'Registered', 'Pending', '', 'Off', 'Off', 'Off'],
      ['Ana Able', ana.email, 'Private user', 'Pro', 'Unregistered', 'Pending', n.e164, 'On', 'Off', 'On'], // E.164, exactly: a program reads the number
      [
        'Bo Baker',
        (await prisma.user.findFirstOrThrow({ where: { fullName: 'Bo Baker', accountId: account.id } })).email,
        'Private user',
        'Pro',
        'Unregistered',
        'Pending',
        '',
        'Off',
        'Off',
        'Off',
      ],
    ]);
  });

  test('the filters and the search apply; another account is not exportable and yields nothing', async () => {
    const account = await makeAccount(prisma);
    const admin = await sessionFor((await makeAdmin(prisma, { accountIds: [account.id] })).id);
    const held = await makeUser(prisma, account.id, { fullName: 'Has Number' });
    await makePhoneNumber(prisma, { user: held });
    await makeUser(prisma, account.id, { fullName: 'No Number' });
    const names = async (filters: UserFilters, q?: string) =>
      (await csvOf(admin, account.id, filters, q)).records.slice(1).map((r) => r[0]);
    assert.deepEqual(await names({ number: 'with' }), ['Has Number']);
    assert.deepEqual(await names({ number: 'without' }), ['No Number']);
    assert.deepEqual(await names({}, 'no num'), ['No Number']);
    assert.deepEqual(await names({ license: 'Plus' }), []);

    const outsider = await sessionFor((await makeAdmin(prisma, { accountIds: [(await makeAccount(prisma)).id] })).id);
    assert.equal(await findExportableAccount(outsider, account.id), null);
    assert.deepEqual((await csvOf(outsider, account.id, {})).records.length, 1, 'only the header');
  });

  test('the file is named after the account and the day', () => {
    assert.equal(
      userCsvFilename('Acme Sales / EMEA', new Date('2026-12-01T10:00:00Z')),
      'switchboard-users-acme-sales-emea-2026-12-01.csv',
    );
    assert.equal(userCsvFilename('日本', new Date('2026-12-01T10:00:00Z')), 'switchboard-users-account-2026-12-01.csv');
  });
});
