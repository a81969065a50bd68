import Link from 'next/link';
import type { Assignee } from '@/lib/inventory/phone-numbers';

/** Who holds a number, as links, or only that someone does when it is another account's. */
export function AssigneeCell({ assignee }: { assignee: Assignee | null }) {
  if (!assignee) return <span className="muted">None</span>;
  if (!assignee.visible) return <span className="muted">A user in an account you do not administer</span>;
  return (
    <>
      <Link href={`/accounts/${assignee.accountId}/users/${assignee.userId}`}>{assignee.fullName}</Link>
      <br />
      <Link href={`/accounts/${assignee.accountId}`} className="muted">
        {assignee.accountName}
      </Link>
    </>
  );
}
