'use client';

// The last resort when even the layout fails: plain, and without any detail of the failure.
export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <title>Something went wrong – Switchboard</title>
        <h1>Sorry, something went wrong</h1>
        <p>
          {/* A full page load on purpose: after a failure the client router's state cannot be trusted. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/accounts">Go to Accounts</a>
        </p>
      </body>
    </html>
  );
}
