/**
 * Text for a Prisma `contains` / `startsWith` filter, matched literally. Prisma passes the text
 * into LIKE as it is, so a search for "%" or "_" would match everything: escape them (and the
 * escape character itself, PostgreSQL's default backslash).
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
