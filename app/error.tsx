'use client';

// Whatever went wrong stays in the server's log: no stack trace, message or id reaches the page.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
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
