import { z } from 'zod';
import { DEFAULT_COUNT, listResponse, MAX_COUNT } from '@/lib/scim/discovery';
import { parseUserFilter } from '@/lib/scim/filter';
import { toScimUser } from '@/lib/scim/mapping';
import { scimBase, scimJson, scimRoute } from '@/lib/scim/route';
import { createScimUser, listScimUsers } from '@/lib/scim/users';

const listQuery = z.looseObject({ filter: z.string().optional(), startIndex: z.string().optional(), count: z.string().optional() });

/** RFC 7644 §3.4.2.4: startIndex below 1 is 1, a negative count is 0; both are optional. */
function whole(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}

/** GET /scim/v2/Users[?filter=…&startIndex=…&count=…]: the account's users, a page at a time. */
export const GET = scimRoute(async ({ admin, query, url }) => {
  const q = query(listQuery);
  const conditions = q.filter?.trim() ? parseUserFilter(q.filter) : [];
  const startIndex = Math.max(1, whole(q.startIndex, 1));
  const count = Math.min(MAX_COUNT, Math.max(0, whole(q.count, DEFAULT_COUNT)));
  const { total, users } = await listScimUsers(admin, conditions, { startIndex, count });
  const base = scimBase(url.origin);
  return scimJson(
    listResponse(
      users.map((u) => toScimUser(u, base)),
      total,
      startIndex,
    ),
  );
});

/** POST /scim/v2/Users: adds the user to the token's account (the console's Add user). */
export const POST = scimRoute(async ({ admin, body, url }) => {
  const user = toScimUser(await createScimUser(admin, body(z.unknown())), scimBase(url.origin));
  return scimJson(user, { status: 201, headers: { Location: user.meta.location, ETag: user.meta.version } });
});
