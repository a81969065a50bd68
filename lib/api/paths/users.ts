import type { ZodOpenApiPathsObject } from 'zod-openapi';

// Filled in by the REST API's users endpoints.
export const usersPaths: ZodOpenApiPathsObject = {};
