import { parse, type Filter } from 'scim2-parse-filter';
import { ScimRefusal } from './errors';
import { USER_SCHEMA } from './discovery';

// GET /Users?filter=…, parsed with scim2-parse-filter (RFC 7644 §3.4.2.2) and narrowed to what
// identity providers send to find a user before creating them: `userName eq "…"` (Entra ID and
// Okta), `externalId eq "…"` and `emails[type eq "work"].value eq "…"` (Entra ID), `id eq "…"`,
// `active eq true|false`, joined with `and`. Anything else is 400 invalidFilter rather than a
// filter half-applied, which would answer "no such user" and make the provider create a second.

/** One condition every user listed must meet. `never`: no user can (an email type other than work). */
export type UserCondition =
  { attribute: 'userName' | 'externalId' | 'id'; value: string } | { attribute: 'active'; value: boolean } | { attribute: 'never' };

const unsupported = (what: string) =>
  new ScimRefusal(
    400,
    'invalidFilter',
    `${what} Filters may compare userName, externalId, id, emails.value (eq, a string) or active (eq, true or false), joined with "and".`,
  );

/** SCIM attribute names are case-insensitive and may carry the core schema's URN. */
function attributeName(path: string): string {
  const lower = path.toLowerCase();
  const urn = `${USER_SCHEMA.toLowerCase()}:`;
  return lower.startsWith(urn) ? lower.slice(urn.length) : lower;
}

function stringValue(f: Filter & { compValue: unknown }, name: string): string {
  if (typeof f.compValue !== 'string') throw unsupported(`${name} must be compared with a quoted string.`);
  return f.compValue;
}

function conditionsOf(f: Filter, inEmails = false): UserCondition[] {
  switch (f.op) {
    case 'and':
      return f.filters.flatMap((g) => conditionsOf(g, inEmails));
    case 'eq': {
      const name = attributeName(f.attrPath);
      if (inEmails) {
        if (name === 'value') return [{ attribute: 'userName', value: stringValue(f, 'emails.value') }];
        // Every user's one address is their work address.
        if (name === 'type') return stringValue(f, 'emails.type').toLowerCase() === 'work' ? [] : [{ attribute: 'never' }];
        throw unsupported(`emails.${f.attrPath} cannot be filtered on.`);
      }
      if (name === 'username' || name === 'emails.value' || name === 'emails')
        return [{ attribute: 'userName', value: stringValue(f, f.attrPath) }];
      if (name === 'externalid') return [{ attribute: 'externalId', value: stringValue(f, 'externalId') }];
      if (name === 'id') return [{ attribute: 'id', value: stringValue(f, 'id') }];
      if (name === 'active') {
        if (typeof f.compValue !== 'boolean') throw unsupported('active must be compared with true or false.');
        return [{ attribute: 'active', value: f.compValue }];
      }
      throw unsupported(`${f.attrPath} cannot be filtered on.`);
    }
    case '[]':
      if (inEmails || attributeName(f.attrPath) !== 'emails') throw unsupported(`${f.attrPath}[…] cannot be filtered on.`);
      return conditionsOf(f.valFilter, true);
    default:
      throw unsupported(`The operator "${f.op}" is not supported.`);
  }
}

/** The filter's conditions (all must hold), or a ScimRefusal 400 invalidFilter. */
export function parseUserFilter(filter: string): UserCondition[] {
  if (filter.length > 1000) throw unsupported('The filter is too long.');
  let ast: Filter;
  try {
    ast = parse(filter);
  } catch (err) {
    throw new ScimRefusal(400, 'invalidFilter', `The filter could not be read: ${(err as Error).message}.`);
  }
  return conditionsOf(ast);
}
