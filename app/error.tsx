'use client';

import { isOutageError, OUTAGE_MESSAGE, OUTAGE_TITLE } from '@/lib/http/outage-words';

// Whatever went wrong stays in the server's log: no stack trace, message or id reaches the page.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // The database went away meanwhile: say so (lib/http/outage-words.ts).
  if (isOutageError(error)) {
    return (
      <>
        <title>{`Error: ${OUTAGE_TITLE} – Switchboard`}</title>
        <h1>{OUTAGE_TITLE}</h1>
        <p>{OUTAGE_MESSAGE}</p>
        <p>
          The database went away while this page was being made. A change you had just sent may or may not have been made: check the page
          before sending it again.
        </p>
        <p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/accounts">Go to Accounts</a>
        </p>
      </>
    );
  }
  return (
    <>
      <title>Something went wrong – Switchboard</title>
      <h1>Sorry, something went wrong</h1>
      <p>Nothing you did caused this. Your last change may or may not have been made: check the page before trying again.</p>
      <p>
        {/* A full page load on purpose: after a failure the client router's state cannot be trusted. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/accounts">Go to Accounts</a>
      </p>
      <button type="button" className="secondary" onClick={() => reset()}>
        Try again
      </button>
    </>
  );
}
