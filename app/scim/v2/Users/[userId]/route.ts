import { z } from 'zod';
import { toScimUser, type DirectoryUser } from '@/lib/scim/mapping';
import { scimBase, scimJson, scimRoute } from '@/lib/scim/route';
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from '@/lib/scim/users';

type Params = { userId: string };

function answer(user: DirectoryUser, url: URL): Response {
  const scim = toScimUser(user, scimBase(url.origin));
  return scimJson(scim, { headers: { ETag: scim.meta.version } });
}

/** GET /scim/v2/Users/{id}: one user of the token's account. */
export const GET = scimRoute<Params>(async ({ admin, params, url }) => answer(await getScimUser(admin, params.userId), url));

/** PUT /scim/v2/Users/{id}: the whole user (Okta updates so, `active: false` to deactivate). */
export const PUT = scimRoute<Params>(async ({ admin, params, body, ifMatch, url }) =>
  answer(await replaceScimUser(admin, params.userId, body(z.unknown()), ifMatch()), url),
);

/** PATCH /scim/v2/Users/{id}: PatchOp operations (Entra ID updates so, and deactivates with active false). */
export const PATCH = scimRoute<Params>(async ({ admin, params, body, ifMatch, url }) =>
  answer(await patchScimUser(admin, params.userId, body(z.unknown()), ifMatch()), url),
);

/** DELETE /scim/v2/Users/{id}: the console's Remove user; 204. */
export const DELETE = scimRoute<Params>(async ({ admin, params, ifMatch }) => {
  await deleteScimUser(admin, params.userId, ifMatch());
  return new Response(null, { status: 204 });
});
