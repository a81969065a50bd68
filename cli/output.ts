// What the CLI prints: tables and "key: value" blocks for people, the API's JSON as is for
// scripts (--json). Results go to stdout; messages about the run (more pages, refusals) to stderr,
// so `switchboard users list … > users.txt` holds only the table.

export type Column<T> = { header: string; value: (row: T) => string | null | undefined; max?: number };

const cut = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Columns padded to their widest cell; the last one is not padded. */
export function table<T>(rows: T[], columns: Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => cut(oneLine(c.value(row) ?? ''), c.max)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}

/** "Key:  value" lines, keys aligned. */
export function details(pairs: [string, string | null | undefined][]): string {
  const width = Math.max(...pairs.map(([k]) => k.length)) + 1;
  return pairs.map(([k, v]) => `${`${k}:`.padEnd(width)}  ${v ?? ''}`.trimEnd()).join('\n');
}

export const onOff = (value: boolean) => (value ? 'On' : 'Off');

export function print(text: string) {
  process.stdout.write(`${text}\n`);
}

export function note(text: string) {
  process.stderr.write(`${text}\n`);
}

export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A list's table, or a line saying it is empty; a note when more pages were left unread. */
export function printList<T>(page: { items: T[]; next: string | null }, columns: Column<T>[], noun: [string, string]) {
  if (page.items.length === 0) print(`No ${noun[1]}.`);
  else print(table(page.items, columns));
  if (page.next) note(`More ${noun[1]} than shown: add --all to list every page.`);
}
