import type { BulkAction } from '@/lib/directory/user-bulk-schemas';

/** How each bulk action reads: the page's heading, its button, and what a done row says. */
export const BULK_LABELS: Record<BulkAction, { title: string; button: string; done: string; repeated: string }> = {
  suspend: { title: 'Suspend users', button: 'Suspend', done: 'Suspended', repeated: 'Already suspended' },
  unsuspend: { title: 'Unsuspend users', button: 'Unsuspend', done: 'Unsuspended', repeated: 'Was not suspended' },
  'change-license': { title: 'Change licence', button: 'Change licence', done: 'Licence changed', repeated: 'Already had that licence' },
  remove: { title: 'Remove users', button: 'Remove', done: 'Removed', repeated: 'Already removed' },
  'unassign-phone-number': { title: 'Unassign phone number', button: 'Unassign', done: 'Unassigned', repeated: 'Had no phone number' },
  'set-permissions': { title: 'Set permissions', button: 'Save for', done: 'Permissions set', repeated: 'Already had those permissions' },
};

export const usersCount = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'user' : 'users'}`;
