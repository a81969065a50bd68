import type { AdminRole } from '@/lib/kernel/session-admin';

export const ROLE_LABELS: Record<AdminRole, { label: string; hint: string }> = {
  Administrator: { label: 'Administrator', hint: 'may change things' },
  ReadOnly: { label: 'Read only', hint: 'may look' },
};

/** "All accounts", or the names (the first few, and how many more). */
export function accountsSummary(allAccounts: boolean, names: string[], max = 5): string {
  if (allAccounts) return 'All accounts';
  if (names.length === 0) return 'None';
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
