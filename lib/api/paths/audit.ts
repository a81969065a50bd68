import type { ZodOpenApiPathsObject } from 'zod-openapi';

// Filled in by GET /api/v1/audit-events (the CLI's `audit list`).
export const auditPaths: ZodOpenApiPathsObject = {};
