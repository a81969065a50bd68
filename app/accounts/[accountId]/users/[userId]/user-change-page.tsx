import Link from 'next/link';
import type { ReactNode } from 'react';
import type { UserDetails } from '@/lib/directory/users';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { UserBreadcrumbs } from '@/app/_components/user-breadcrumbs';
import { timesIn } from '@/lib/kernel/format-time';
import { RemovedUserNotice } from './removed-user-notice';

/**
 * The frame of Edit user, Suspend user, Unsuspend user and Remove user: breadcrumbs and heading,
 * then what a read-only admin reads, or that the user was removed, or the page's form; and a way
 * back. `ready`: the form can do something (otherwise the link says "Back", not "Cancel").
 */
export function UserChangePage({
  admin,
  account,
  user,
  path,
  page,
  readOnly,
  ready = true,
  children,
}: {
  admin: SessionAdmin;
  account: { id: string; name: string };
  user: UserDetails;
  path: string;
  /** The page's name, e.g. "Suspend user": heading, breadcrumb and title. */
  page: string;
  /** What a read-only admin is told instead of the form. */
  readOnly: string;
  ready?: boolean;
  children: ReactNode;
}) {
  const title = userChangeTitle(page, user);
  return (
    <>
      <UserBreadcrumbs account={account} user={user} page={page} />
      <h1>{page}</h1>
      {!admin.canChange ? (
        <>
          <title>{title}</title>
          <p>{readOnly}</p>
        </>
      ) : user.removedAt ? (
        <RemovedUserNotice title={title} user={user} times={timesIn(admin.timeZone)} />
      ) : (
        children
      )}
      <p>
        <Link href={path}>{admin.canChange && !user.removedAt && ready ? 'Cancel' : `Back to ${user.fullName}`}</Link>
      </p>
    </>
  );
}

/** "Suspend user – <name> – Switchboard": the form puts "Error: " before it after a refusal. */
export const userChangeTitle = (page: string, user: { fullName: string }) => `${page} – ${user.fullName} – Switchboard`;
