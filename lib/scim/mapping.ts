import { scimPatch, type ScimPatchOperation, type ScimResource } from 'scim-patch';
import { z } from 'zod';
import { cleanEmail, cleanName } from '@/lib/directory/names';
import { PATCH_OP, USER_SCHEMA } from './discovery';
import { ScimRefusal, type ScimType } from './errors';

// How a Switchboard user is a SCIM User (RFC 7643 §4.1) and back. Pure functions: the data
// functions (lib/directory/user-changes.ts) do the checking and the writing; this decides which
// of them a request asks for. See docs/decisions/018-scim.md.
//
// Switchboard keeps one email address and one full name, so:
//   userName = emails[primary].value = the email;  name.formatted = displayName = the full name;
//   active = not suspended;  externalId = User.externalId.
// Where two attributes feed one field:
//   email:     userName, then emails[primary] (or the only address);
//   full name: name.formatted, then name.givenName + name.familyName, then displayName.
// A PUT body is the whole user, so each field comes from the first of its attributes that has a
// value. A PATCH says what it wants by what its operations change (scim-patch applies them to
// the user as read), so the first attribute they changed decides. An attribute removed or
// emptied changes nothing (a user always has both), and attributes Switchboard does not keep
// (title, phoneNumbers, the enterprise extension…) are accepted and
// ignored, as identity providers send them whether the app uses them or not.

/** The user as lib/scim/users.ts reads them. */
export type DirectoryUser = {
  id: string;
  fullName: string;
  email: string;
  externalId: string | null;
  registrationStatus: string;
  version: number;
  createdAt: Date;
  lastModified: Date;
};

export type ScimEmail = { value: string; type: 'work'; primary: true };

export type ScimUser = {
  schemas: string[];
  id: string;
  externalId?: string;
  userName: string;
  name: { formatted: string };
  displayName: string;
  active: boolean;
  emails: ScimEmail[];
  meta: { resourceType: 'User'; created: string; lastModified: string; location: string; version: string };
};

/** The ETag and meta.version of a user (strong, as the REST API's: If-Match takes it back). */
export const userVersionTag = (version: number) => `"v${version}"`;

export function toScimUser(u: DirectoryUser, base: string): ScimUser {
  return {
    schemas: [USER_SCHEMA],
    id: u.id,
    ...(u.externalId !== null ? { externalId: u.externalId } : {}),
    userName: u.email,
    name: { formatted: u.fullName },
    displayName: u.fullName,
    active: u.registrationStatus !== 'Suspended',
    emails: [{ value: u.email, type: 'work', primary: true }],
    meta: {
      resourceType: 'User',
      created: u.createdAt.toISOString(),
      lastModified: u.lastModified.toISOString(),
      location: `${base}/Users/${u.id}`,
      version: userVersionTag(u.version),
    },
  };
}

// ---- Reading what a client sent ------------------------------------------------------------

const invalidValue = (detail: string) => new ScimRefusal(400, 'invalidValue', detail);

/** Entra ID (without its aadOptscim062020 flag) sends booleans as "True" / "False". */
export function scimBoolean(value: unknown, attribute: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw invalidValue(`${attribute} must be true or false.`);
}

const optionalText = z.string().nullish();
const emailSchema = z.looseObject({ value: optionalText, type: optionalText, primary: z.unknown().optional() });

/** A User as a client sends it (POST, PUT, or the result of a PATCH): only the types are checked here. */
export const userResourceSchema = z.looseObject({
  schemas: z.array(z.string()).optional(),
  id: z.unknown().optional(),
  externalId: optionalText,
  userName: optionalText,
  name: z.looseObject({ formatted: optionalText, givenName: optionalText, familyName: optionalText }).nullish(),
  displayName: optionalText,
  active: z.unknown().optional(),
  emails: z.array(emailSchema).nullish(),
});
export type UserResource = z.output<typeof userResourceSchema>;

/** The body as a User resource, or 400 invalidValue naming the first attribute of the wrong type. */
export function readUserResource(body: unknown): UserResource {
  const parsed = userResourceSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? issue.path.map(String).join('.') : 'The body';
  throw invalidValue(`${where}: ${issue.path.length ? issue.message : 'send a SCIM User object.'}`);
}

const nonEmpty = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim().length > 0;

function primaryEmail(r: UserResource): string | undefined {
  const emails = r.emails ?? [];
  const primary = emails.find((e) => scimBoolean(e.primary, 'emails.primary') === true) ?? (emails.length === 1 ? emails[0] : undefined);
  return nonEmpty(primary?.value) ? primary.value : undefined;
}

const joinedName = (r: UserResource) => [r.name?.givenName, r.name?.familyName].filter(nonEmpty).join(' ');

/** What a request asks of the directory: only the fields it changes. */
export type UserChanges = { fullName?: string; email?: string; externalId?: string | null; active?: boolean };

/**
 * A whole resource's fields, each from the first attribute that has it. Absent externalId and
 * active are undefined: RFC 7644 §3.5.1 lets a PUT that leaves them out keep them, which is
 * what Switchboard does; null or "" clears externalId.
 */
function fieldsOf(r: UserResource) {
  return {
    email: [r.userName, primaryEmail(r)].find(nonEmpty),
    fullName: [r.name?.formatted, joinedName(r), r.displayName].find(nonEmpty),
    externalId: r.externalId === undefined ? undefined : nonEmpty(r.externalId) ? r.externalId : null,
    active: scimBoolean(r.active, 'active'),
  };
}

/** What a POST asks for: every field (an empty one is left for addUser to refuse in the console's words). */
export function userToCreate(r: UserResource): { fullName: string; email: string; externalId: string | null; active: boolean } {
  const f = fieldsOf(r);
  return { fullName: f.fullName ?? '', email: f.email ?? '', externalId: f.externalId ?? null, active: f.active ?? true };
}

/** Only what differs from the user as read; an unchanged request calls no data function. */
function changed(before: ScimUser, wanted: ReturnType<typeof fieldsOf>): UserChanges {
  const changes: UserChanges = {};
  if (wanted.email !== undefined && cleanEmail(wanted.email) !== before.userName) changes.email = wanted.email;
  if (wanted.fullName !== undefined && cleanName(wanted.fullName) !== before.name.formatted) changes.fullName = wanted.fullName;
  if (wanted.externalId !== undefined && wanted.externalId !== (before.externalId ?? null)) changes.externalId = wanted.externalId;
  if (wanted.active !== undefined && wanted.active !== before.active) changes.active = wanted.active;
  return changes;
}

const refuseNewId = (before: ScimUser, after: UserResource) => {
  if (after.id !== undefined && after.id !== before.id) throw new ScimRefusal(400, 'mutability', 'id cannot be changed.');
};

/**
 * A PUT: the body is the whole user, each field from the first attribute that has it, so the
 * same body always means the same user (a client that sends userName and a different work
 * address, or name.formatted and different givenName/familyName, does not flip between them).
 */
export function replaceChanges(before: ScimUser, body: UserResource): UserChanges {
  refuseNewId(before, body);
  return changed(before, fieldsOf(body));
}

/**
 * A PATCH: `after` is the operations' result, so an attribute the operations did not touch is
 * as read, and the first attribute that they changed decides the field. A work address changed
 * on its own (Entra ID's `emails[type eq "work"].value`) changes the email, and so the userName;
 * `name.givenName` and `name.familyName` are never read back, so sending either asks for the
 * full name "givenName familyName".
 */
export function patchChanges(before: ScimUser, after: UserResource): UserChanges {
  refuseNewId(before, after);
  const touched = <T>(now: T, was: unknown) => (now !== was ? now : undefined);
  const givenOrFamily = after.name?.givenName != null || after.name?.familyName != null;
  return changed(before, {
    email: [touched(after.userName, before.userName), touched(primaryEmail(after), before.emails[0]!.value)].find(nonEmpty),
    fullName: [
      touched(after.name?.formatted, before.name.formatted),
      givenOrFamily ? joinedName(after) : undefined,
      touched(after.displayName, before.displayName),
    ].find(nonEmpty),
    externalId: after.externalId === (before.externalId ?? undefined) ? undefined : nonEmpty(after.externalId) ? after.externalId : null,
    active: scimBoolean(after.active, 'active'),
  });
}

// ---- PATCH ---------------------------------------------------------------------------------

const patchSchema = z.looseObject({
  schemas: z.array(z.string()),
  Operations: z.array(z.looseObject({ op: z.string(), path: z.string().optional(), value: z.unknown().optional() })).min(1),
});

/**
 * A PatchOp body (RFC 7644 §3.5.2) applied to the user as read, with scim-patch; the result is a
 * User resource for userChanges. Operation names are matched case-insensitively (Entra ID sends
 * "Replace" and "Add"). A body or operation scim-patch refuses is 400 with its scimType.
 */
export function applyPatch(before: ScimUser, body: unknown): UserResource {
  const parsed = patchSchema.safeParse(body);
  if (!parsed.success || !parsed.data.schemas.includes(PATCH_OP))
    throw new ScimRefusal(
      400,
      'invalidSyntax',
      `Send a PatchOp: {"schemas": ["${PATCH_OP}"], "Operations": [{"op", "path", "value"}, …]}.`,
    );
  const operations = parsed.data.Operations.map((o) => ({ ...o, op: o.op.toLowerCase() })) as ScimPatchOperation[];
  for (const o of operations) {
    if (!['add', 'replace', 'remove'].includes(o.op))
      throw new ScimRefusal(400, 'invalidSyntax', `"${o.op}" is not a PATCH operation: use add, replace or remove.`);
    if (o.op === 'remove' && !o.path) throw new ScimRefusal(400, 'noTarget', 'A remove operation needs a path.');
    if (o.op !== 'remove' && !('value' in o)) throw new ScimRefusal(400, 'invalidSyntax', `An ${o.op} operation needs a value.`);
  }
  let result: unknown;
  try {
    result = scimPatch(structuredClone(before) as unknown as ScimResource, operations, { mutateDocument: true, treatMissingAsAdd: true });
  } catch (err) {
    const scimType = (err as { scimCode?: string }).scimCode as ScimType | undefined;
    const message = err instanceof Error && err.message ? err.message : 'The operations could not be applied.';
    throw new ScimRefusal(400, scimType ?? 'invalidSyntax', message);
  }
  return readUserResource(result);
}
