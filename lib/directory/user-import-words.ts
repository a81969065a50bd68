// Words about an import of users, shared by the preview page, the banner after importing and tests.

export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The banner after "Import": how many were imported, and why any were not. */
export function usersImportedMessage({ added, skipped }: { added: number; skipped: number }): { title: string; details: string[] } {
  const details: string[] = [];
  if (added > 0) details.push(`${added === 1 ? 'An invitation email to them is' : 'An invitation email to each is'} queued.`);
  if (skipped > 0) {
    details.push(
      `${count(skipped, 'user from your list was', 'users from your list were')} not imported: someone else added them to the account first.`,
    );
  }
  return { title: added > 0 ? `Imported ${count(added, 'user', 'users')}` : 'No users were imported', details };
}
