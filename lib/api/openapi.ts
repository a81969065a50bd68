import { createDocument } from 'zod-openapi';
import { accountPaths } from './paths/accounts';
import { auditPaths } from './paths/audit';
import { phoneNumbersPaths } from './paths/phone-numbers';
import { usersPaths } from './paths/users';
import { workflowsPaths } from './paths/workflows';

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the route handlers parse
// requests with and build answers from (decision 017): never written by hand, so it cannot drift.
// Served at /api/v1/openapi.json, linted by `npm test` (Redocly), rendered at /api-reference.

export const API_BASE = '/api/v1';

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Switchboard API',
      version: '1.0.0',
      description:
        'Accounts, users and phone numbers, and the three workflows: assign a phone number, unassign it, and edit telephony permissions. ' +
        'Every call acts as the admin who made the token, with their role and accounts, through the same checks, conditional writes and audit trail as the console.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: API_BASE, description: 'This server' }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'Accounts', description: 'The accounts a token can reach.' },
      { name: 'Users', description: 'Users in those accounts.' },
      { name: 'Phone numbers', description: 'The phone number inventory.' },
      { name: 'Workflows', description: 'Assign, unassign, and telephony permissions.' },
      { name: 'Audit', description: 'The audit log of the accounts a token can reach.' },
    ],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token (`sb_pat_…`) from the console’s API tokens page.',
        },
      },
    },
    paths: { ...accountPaths, ...usersPaths, ...phoneNumbersPaths, ...workflowsPaths, ...auditPaths },
  });
  return cached;
}
