import { scimError } from '@/lib/scim/errors';
import { USER_SCHEMA, userSchema } from '@/lib/scim/discovery';
import { scimBase, scimJson, scimRoute } from '@/lib/scim/route';

/** GET /scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User. */
export const GET = scimRoute<{ schemaId: string }>(async ({ params, url }) =>
  decodeURIComponent(params.schemaId) === USER_SCHEMA
    ? scimJson(userSchema(scimBase(url.origin)))
    : scimError(404, `The only schema is ${USER_SCHEMA}.`),
);
