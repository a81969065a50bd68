import { z } from 'zod';

// The Users list's filters as GET parameters (`?number=with&status=Registered&license=Pro`), parsed
// here for the page, its export and its links; anything unexpected is simply ignored.

export const REGISTRATION_STATUSES = ['Unregistered', 'Registered', 'Suspended'] as const;
export const USER_LICENSES = ['Basic', 'Plus', 'Pro', 'ProTrial'] as const;

const schema = z.object({
  number: z.enum(['with', 'without']).optional().catch(undefined),
  status: z.enum(REGISTRATION_STATUSES).optional().catch(undefined),
  license: z.enum(USER_LICENSES).optional().catch(undefined),
});

export type UserFilters = z.infer<typeof schema>;

export function parseUserFilters(searchParams: Record<string, string | string[] | undefined>): UserFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return schema.parse({ number: first(searchParams.number), status: first(searchParams.status), license: first(searchParams.license) });
}

/** The filters and the search as query parameters, for links that keep them (pages, the export). */
export function userListQuery(filters: UserFilters, q?: string): Record<string, string | undefined> {
  return { q, number: filters.number, status: filters.status, license: filters.license };
}

export function hasUserFilters(filters: UserFilters): boolean {
  return Boolean(filters.number || filters.status || filters.license);
}
