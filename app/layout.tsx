import type { ReactNode } from 'react';
import Link from 'next/link';
import { currentAdmin } from '@/lib/auth/session';
import { canManageAdmins } from '@/lib/admins/admin-management';
import { signOutAction } from '@/app/actions/sign-out';
import './globals.css';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const admin = await currentAdmin();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <header className="site-header">
          <Link href="/accounts" className="brand">
            Switchboard
          </Link>
          {admin ? (
            <>
              <nav aria-label="Main">
                <Link href="/accounts">Accounts</Link>
                <Link href="/phone-numbers">Phone numbers</Link>
                <Link href="/audit">Audit log</Link>
                <Link href="/outbox">Outbox</Link>
                <Link href="/api-reference">API reference</Link>
                {/* Only for those who may use it; the page checks again, as every page does. */}
                {canManageAdmins(admin) ? <Link href="/admins">Admins</Link> : null}
                {/* Every admin's own tokens. */}
                <Link href="/api-tokens">API tokens</Link>
              </nav>
              <div className="who">
                <span>
                  {admin.name} <span className="muted">({admin.role === 'ReadOnly' ? 'read only' : 'administrator'})</span>
                </span>
                <form action={signOutAction}>
                  <button type="submit" className="link-button">
                    Sign out
                  </button>
                </form>
              </div>
            </>
          ) : null}
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
