import { readNumbersAddedFlash } from '@/lib/http/flash';
import { numbersAddedMessage } from '@/lib/inventory/summary';
import { FlashConsumed } from './flash-consumed';
import { FocusOnArrival } from './focus-on-arrival';

/**
 * After "Add phone numbers": how many were added, once. Renders nothing unless the admin has
 * just added numbers; the inventory's page (where adding redirects) places it above its heading.
 */
export async function NumbersAddedBanner() {
  const flash = await readNumbersAddedFlash();
  if (!flash) return null;
  const { title, details } = numbersAddedMessage(flash);
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
