import type { ZodOpenApiPathsObject } from 'zod-openapi';

// Filled in by the REST API's phone-numbers endpoints.
export const phoneNumbersPaths: ZodOpenApiPathsObject = {};
