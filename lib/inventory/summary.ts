// Words about a batch of numbers, shared by the preview page, the banner after adding and tests.

export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The banner after "Add": how many were added, and why any were not. */
export function numbersAddedMessage({ added, skipped }: { added: number; skipped: number }): { title: string; details: string[] } {
  const details: string[] = [];
  if (added > 0) details.push(`${added === 1 ? 'It is' : 'They are'} in the inventory as Unassigned.`);
  if (skipped > 0) {
    details.push(
      `${count(skipped, 'number from your list was', 'numbers from your list were')} not added: someone else added ${skipped === 1 ? 'it' : 'them'} to the inventory first.`,
    );
  }
  return { title: added > 0 ? `${count(added, 'phone number', 'phone numbers')} added` : 'No phone numbers were added', details };
}
