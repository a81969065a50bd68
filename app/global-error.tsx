'use client';

import { isOutageError, OUTAGE_MESSAGE, OUTAGE_TITLE } from '@/lib/http/outage-words';

// The last resort when even the layout fails: plain, and without any detail of the failure,
// except that the database could not be reached when that is the cause (see app/error.tsx).
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const outage = isOutageError(error);
  return (
    <html lang="en">
      <body>
        <title>{outage ? `Error: ${OUTAGE_TITLE} – Switchboard` : 'Something went wrong – Switchboard'}</title>
        <h1>{outage ? OUTAGE_TITLE : 'Sorry, something went wrong'}</h1>
        {outage && <p>{OUTAGE_MESSAGE}</p>}
        <p>
          {/* A full page load on purpose: after a failure the client router's state cannot be trusted. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/accounts">Go to Accounts</a>
        </p>
      </body>
    </html>
  );
}
