import type { ZodOpenApiPathsObject } from 'zod-openapi';

// Filled in by the REST API's workflows endpoints.
export const workflowsPaths: ZodOpenApiPathsObject = {};
