import type { ReactNode } from 'react';
import { AccountNav } from './account-nav';

// Only frames the account's pages with the navigation pane. Each page checks the session and
// the admin's right to the account itself, and answers "not found" or "sign in" on its own.
export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <div className="with-pane">
      <AccountNav accountId={accountId} />
      <div>{children}</div>
    </div>
  );
}
