import { listResponse, userResourceType } from '@/lib/scim/discovery';
import { scimBase, scimJson, scimRoute } from '@/lib/scim/route';

/** GET /scim/v2/ResourceTypes: only User (groups are not provisioned). */
export const GET = scimRoute(async ({ url }) => scimJson(listResponse([userResourceType(scimBase(url.origin))])));
