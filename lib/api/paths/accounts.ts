import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { ACCOUNT_TYPES, createAccountSchema, LICENSES } from '@/lib/directory/account-schemas';
import type { AccountRow, AccountSummary } from '@/lib/directory/accounts';
import { idempotencyKeyHeader, idParam, locationHeader, ok, problems } from '../openapi-common';
import { cursorQuery, pageOf } from '../pagination';

// /api/v1/accounts: the schemas the route handlers (app/api/v1/accounts/) parse with and answer
// in, and the paths of the OpenAPI document built from them.

const STATUSES = ['Active', 'Suspended'] as const;

export const accountListItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(ACCOUNT_TYPES),
    status: z.enum(STATUSES),
    userCount: z.number().int().meta({ description: 'Users in the account (removed users not counted).' }),
  })
  .meta({ id: 'AccountListItem' });

export const accountSchema = accountListItemSchema
  .extend({
    defaultLicense: z.enum(LICENSES),
    phoneNumberCount: z.number().int(),
  })
  .meta({ id: 'Account' });

export const accountListQuery = z.object({
  q: z.string().trim().max(100).optional().meta({ description: 'Part of the name.' }),
  ...cursorQuery,
});

export const createAccountBody = createAccountSchema.meta({ id: 'CreateAccount' });

export const toAccountListItem = (a: AccountRow): z.output<typeof accountListItemSchema> => ({
  id: a.id,
  name: a.name,
  type: a.type as (typeof ACCOUNT_TYPES)[number],
  status: a.status as (typeof STATUSES)[number],
  userCount: a.userCount,
});

export const toAccount = (a: AccountSummary): z.output<typeof accountSchema> => ({
  ...toAccountListItem(a),
  defaultLicense: a.defaultLicense as (typeof LICENSES)[number],
  phoneNumberCount: a.phoneNumberCount,
});

const accountIdParam = idParam('accountId', 'The account’s id.');

export const accountPaths: ZodOpenApiPathsObject = {
  '/accounts': {
    get: {
      operationId: 'listAccounts',
      summary: 'List the accounts this token can reach',
      tags: ['Accounts'],
      requestParams: { query: accountListQuery },
      responses: { '200': ok('One page of accounts, by name.', pageOf(accountListItemSchema, 'AccountPage')), ...problems('400') },
    },
    post: {
      operationId: 'createAccount',
      summary: 'Create an account (Administrators of all accounts)',
      tags: ['Accounts'],
      requestParams: { header: idempotencyKeyHeader },
      requestBody: { required: true, content: { 'application/json': { schema: createAccountBody } } },
      responses: {
        '201': ok('Created.', accountSchema, locationHeader),
        ...problems('400', '403', '409', '413', '415', '422'),
      },
    },
  },
  '/accounts/{accountId}': {
    get: {
      operationId: 'getAccount',
      summary: 'One account',
      tags: ['Accounts'],
      requestParams: { path: accountIdParam },
      responses: { '200': ok('The account.', accountSchema), ...problems('404') },
    },
  },
};
