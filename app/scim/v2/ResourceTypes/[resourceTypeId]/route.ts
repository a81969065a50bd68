import { scimError } from '@/lib/scim/errors';
import { userResourceType } from '@/lib/scim/discovery';
import { scimBase, scimJson, scimRoute } from '@/lib/scim/route';

/** GET /scim/v2/ResourceTypes/User. */
export const GET = scimRoute<{ resourceTypeId: string }>(async ({ params, url }) =>
  params.resourceTypeId === 'User' ? scimJson(userResourceType(scimBase(url.origin))) : scimError(404, 'The only resource type is User.'),
);
