// `npm run purge`: removes for good the numbers that have been in the deletion queue for 7 days.
// Every server also does this on its own, hourly; this is for operators who want it now.
import { closeDatabase } from '../lib/db/client';
import { purgeDeletedPhoneNumbers } from '../lib/inventory/phone-numbers';

purgeDeletedPhoneNumbers()
  .then(async ({ purged }) => {
    console.log(purged.length ? `Removed ${purged.length} numbers: ${purged.join(', ')}` : 'Nothing is due to be removed.');
    await closeDatabase();
  })
  .catch(async (err: Error) => {
    console.error(err.message);
    await closeDatabase().catch(() => {});
    process.exit(1);
  });
