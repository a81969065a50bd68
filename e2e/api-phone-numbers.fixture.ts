import { uniqueLocalE164 } from '../lib/test/factories';
import { defineFixture, HTTP_PROJECT } from './fixture';

// /api/v1/phone-numbers: an admin of one account with a token and a read-only token; four numbers
// sharing a run of digits no other number has (one free, one held in the admin's account, one
// held in another account, one in the deletion queue); numbers not yet in the inventory to add.
export default defineFixture(
  'api-phone-numbers',
  async (f) => {
    const mine = await f.account('API Numbers Mine');
    const other = await f.account('API Numbers Other');
    const admin = await f.admin({ accountIds: [mine.id] });
    // Ten digits after +1: the first eight are the stem, shared by the four numbers below.
    let stem: string;
    do stem = uniqueLocalE164().slice(0, 10);
    while ((await f.prisma.phoneNumber.count({ where: { e164: { startsWith: stem } } })) > 0);
    const holderMine = await f.user(mine.id, 'API Numbers Holder');
    const holderOther = await f.user(other.id, 'API Numbers Hidden');
    const free = await f.freeNumber({ e164: `${stem}01` });
    const heldMine = await f.freeNumber({ e164: `${stem}02`, user: holderMine });
    const heldOther = await f.freeNumber({ e164: `${stem}03`, user: holderOther });
    const queued = await f.freeNumber({ e164: `${stem}04`, status: 'DeleteInProgress' });
    return {
      mine,
      admin: { ...admin, token: await f.token(admin.id), readOnly: await f.token(admin.id, { readOnly: true }) },
      digits: stem.slice(2),
      free,
      heldMine: { ...heldMine, holder: holderMine },
      heldOther,
      queued,
      toAdd: [uniqueLocalE164(), uniqueLocalE164()],
      refusedAdd: uniqueLocalE164(),
      toReplay: uniqueLocalE164(),
      existing: await f.freeNumber({ e164: uniqueLocalE164() }),
    };
  },
  { projects: [HTTP_PROJECT] },
);
