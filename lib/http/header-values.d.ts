// Types for header-values.js (plain JavaScript so next.config.js can read it).
export const COMMON_HEADERS: Readonly<Record<string, string>>;
export const PAGE_HEADERS: Readonly<Record<string, string>>;
export const HSTS: string;
export const RESOURCE_CSP: string;
export const API_HEADERS: Readonly<Record<string, string>>;
export function resourceHeaders(kind: 'api' | 'static', https: boolean): Record<string, string>;
