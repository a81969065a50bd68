import { readUsersImportedFlash } from '@/lib/http/flash';
import { usersImportedMessage } from '@/lib/directory/user-import-words';
import { FlashConsumed } from './flash-consumed';
import { FocusOnArrival } from './focus-on-arrival';

/**
 * After "Import users": how many were imported, once, on that account's Users page (where the
 * import redirects). Renders nothing unless the admin has just imported users into this account.
 */
export async function UsersImportedBanner({ accountId }: { accountId: string }) {
  const flash = await readUsersImportedFlash(accountId);
  if (!flash) return null;
  const { title, details } = usersImportedMessage(flash);
  return (
    <div className="banner" id="banner" role="status" aria-labelledby="banner-title" tabIndex={-1} autoFocus>
      <FlashConsumed />
      <FocusOnArrival />
      <h2 id="banner-title">{title}</h2>
      {details.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
