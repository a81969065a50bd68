// What /scim/v2 says about itself (RFC 7643 §5–7, RFC 7644 §4): ServiceProviderConfig, the one
// resource type (User), and its schema, listing only the attributes Switchboard keeps. Pure data,
// so a client that discovers attributes (Entra's schema discovery, Okta's import) sees exactly
// what the mapping in lib/scim/mapping.ts reads and writes.

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const SERVICE_PROVIDER_CONFIG_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export const SCIM_MEDIA_TYPE = 'application/scim+json';
/** The most users one page of GET /Users returns (a larger `count` is cut to this). */
export const MAX_COUNT = 200;
/** The page size when the client asks for none. */
export const DEFAULT_COUNT = 100;

const DOCS = 'https://switchboard.invalid/docs/scim';

export function serviceProviderConfig(base: string) {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    documentationUri: DOCS,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_COUNT },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Provisioning token',
        description: "An account's provisioning token (sb_scim_…), made on the account's Provisioning page, sent as Authorization: Bearer.",
        documentationUri: DOCS,
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}

export function userResourceType(base: string) {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'A user of the account the provisioning token belongs to.',
    schema: USER_SCHEMA,
    schemaExtensions: [],
    meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
  };
}

type Attribute = {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'dateTime' | 'reference';
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  subAttributes?: Attribute[];
  canonicalValues?: string[];
};

const text = (name: string, description: string, more: Partial<Attribute> = {}): Attribute => ({
  name,
  type: 'string',
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...more,
});

export function userSchema(base: string) {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: USER_SCHEMA,
    name: 'User',
    description:
      'A Switchboard user. One email address is both userName and the work email; one full name is name.formatted and displayName.',
    attributes: [
      text('userName', "The user's email address, unique among the account's users (case-insensitive).", {
        required: true,
        uniqueness: 'server',
      }),
      {
        ...text('name', "The user's full name.", { type: 'complex' }),
        subAttributes: [
          text('formatted', 'The full name as stored.'),
          text('givenName', 'Written as part of the full name (givenName familyName); not read back on its own.'),
          text('familyName', 'Written as part of the full name (givenName familyName); not read back on its own.'),
        ],
      },
      text('displayName', 'The full name, as name.formatted.'),
      {
        ...text('active', 'false: the user is suspended (calling and SMS off); true: unsuspended.'),
        type: 'boolean',
      },
      {
        ...text('emails', 'One work address, the same as userName.', { type: 'complex', multiValued: true }),
        subAttributes: [
          text('value', 'The email address.'),
          text('type', 'Always "work".', { canonicalValues: ['work'] }),
          { ...text('primary', 'Always true.'), type: 'boolean' },
        ],
      },
    ] satisfies Attribute[],
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${USER_SCHEMA}` },
  };
}

export function listResponse<T>(resources: T[], totalResults = resources.length, startIndex = 1) {
  return { schemas: [LIST_RESPONSE], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}
