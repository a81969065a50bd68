import { serviceProviderConfig } from '@/lib/scim/discovery';
import { scimBase, scimJson, scimRoute } from '@/lib/scim/route';

/** GET /scim/v2/ServiceProviderConfig (RFC 7644 §4): what this SCIM service supports. */
export const GET = scimRoute(async ({ url }) => scimJson(serviceProviderConfig(scimBase(url.origin))));
