import { defineFixture } from './fixture';

// The inventory's numbers: one held until three days ago (the reuse warning), one to rename, one
// to delete and restore, one assigned (cannot be deleted) and a toll-free one.
export default defineFixture('inventory', async (f) => {
  const account = await f.account('Inventory');
  const admin = await f.admin({ accountIds: [account.id] });
  const pastHolder = await f.user(account.id, 'Inv PastHolder');
  // A long address with no hyphen to break at: it must wrap inside its choice on "Choose the user".
  const receiver = await f.user(account.id, 'Inv Receiver', {
    email: `alexandrakonstantinopoulou${Math.random().toString().slice(2, 10)}@northwindtradersinternational.example`,
  });
  const reused = await f.freeNumber();
  await f.prisma.assignmentHistory.create({
    data: {
      phoneNumberId: reused.id,
      userId: pastHolder.id,
      accountId: account.id,
      assignedAt: new Date(Date.now() - 40 * 86_400_000),
      unassignedAt: new Date(Date.now() - 3 * 86_400_000),
      assignedById: admin.id,
      unassignedById: admin.id,
    },
  });
  const holder = await f.user(account.id, 'Inv Holder');
  return {
    admin,
    accountName: account.name,
    /** Unassigned; held by pastHolder until 3 days ago; to be given to receiver. */
    reused: { ...reused, pastHolder: pastHolder.fullName, receiver: receiver.fullName },
    callingName: await f.freeNumber(),
    toDelete: await f.freeNumber(),
    assigned: { ...(await f.freeNumber({ user: holder })), holder: holder.fullName },
    tollFree: await f.freeNumber({
      e164: `+1888${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      type: 'TollFree',
      productType: 'VoiceConnector',
    }),
  };
});
