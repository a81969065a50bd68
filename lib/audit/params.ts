import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from './format';
import { idSchema } from '@/lib/kernel/labels';

/** A calendar day, YYYY-MM-DD, that exists (no 31 February). Days are UTC, as the log shows them. */
const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const day = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s);
  });

/**
 * Each filter, strictly: the API (GET /api/v1/audit-events) refuses a value the page ignores,
 * so both read the same filters with the same rules.
 */
export const auditFilterFields = {
  adminId: idSchema,
  accountId: idSchema,
  userId: idSchema,
  phoneNumberId: idSchema,
  action: z.enum(AUDIT_ACTIONS),
  outcome: z.enum(AUDIT_OUTCOMES),
  from: daySchema,
  to: daySchema,
};

/** The audit log's filters, from its query string; anything unexpected is simply ignored. */
const auditFiltersSchema = z.object({
  adminId: auditFilterFields.adminId.optional().catch(undefined),
  accountId: auditFilterFields.accountId.optional().catch(undefined),
  userId: auditFilterFields.userId.optional().catch(undefined),
  phoneNumberId: auditFilterFields.phoneNumberId.optional().catch(undefined),
  action: auditFilterFields.action.optional().catch(undefined),
  outcome: auditFilterFields.outcome.optional().catch(undefined),
  from: auditFilterFields.from.optional().catch(undefined),
  to: auditFilterFields.to.optional().catch(undefined),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

const AUDIT_FILTER_NAMES = Object.keys(auditFiltersSchema.shape) as (keyof AuditFilters)[];

export function parseAuditFilters(searchParams: Record<string, string | string[] | undefined>): AuditFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const parsed = auditFiltersSchema.safeParse(Object.fromEntries(AUDIT_FILTER_NAMES.map((name) => [name, first(searchParams[name])])));
  if (!parsed.success) return {};
  // Drop what was ignored, so links built from the filters carry only what applies.
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as AuditFilters;
}

/** `/audit?…` (or another path) for these filters, for links and the export. */
export function auditHref(filters: AuditFilters, path = '/audit'): string {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_NAMES) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The UTC instants a day range covers: from the start of `from` to the end of `to`. */
export function dayRange(filters: Pick<AuditFilters, 'from' | 'to'>): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (filters.from) range.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) range.lt = new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 24 * 3600 * 1000);
  return range;
}
