import Link from 'next/link';

// The same page for "does not exist" and "not yours to see", so ids reveal nothing.
export default function NotFound() {
  return (
    <>
      <title>Page not found – Switchboard</title>
      <h1>Page not found</h1>
      <p>There is no such page, or you do not have access to it.</p>
      <p>
        <Link href="/accounts">Go to Accounts</Link>
      </p>
    </>
  );
}
