'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The account's navigation pane (the spec: "In the navigation pane, choose Users"). */
export function AccountNav({ accountId }: { accountId: string }) {
  const pathname = usePathname();
  const items = [
    { href: `/accounts/${accountId}`, label: 'Account summary', exact: true },
    { href: `/accounts/${accountId}/users`, label: 'Users', exact: false },
    { href: `/accounts/${accountId}/permission-presets`, label: 'Permission presets', exact: false },
  ];
  return (
    <nav className="pane" aria-label="Account">
      <ul>
        {items.map((item) => {
          const current = item.exact ? pathname === item.href : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
