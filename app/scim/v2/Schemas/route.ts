import { listResponse, userSchema } from '@/lib/scim/discovery';
import { scimBase, scimJson, scimRoute } from '@/lib/scim/route';

/** GET /scim/v2/Schemas: the User schema, with the attributes Switchboard keeps. */
export const GET = scimRoute(async ({ url }) => scimJson(listResponse([userSchema(scimBase(url.origin))])));
