import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, NOISE_ACTIONS } from './format';
import type { AuditAction } from '@/lib/kernel/audit';
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

const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A day as an admin types it into the log's filter: as the pages write days ("1 Dec 2026", also
 * "1 December 2026") or as ISO ("2026-12-01"). Plain text rather than `<input type="date">`, whose
 * display follows the browser's locale (mm/dd/yyyy in a US browser) while every page reads
 * "1 Dec 2026"; a text box reads the same everywhere, with or without JavaScript.
 */
export function parseDay(text: string): string | undefined {
  const s = text.trim().replace(/\s+/g, ' ');
  if (daySchema.safeParse(s).success) return s;
  const match = /^(\d{1,2}) ([a-z]+)\.? (\d{4})$/i.exec(s);
  if (!match) return undefined;
  const [, day = '', monthName = '', year = ''] = match;
  const word = monthName.toLowerCase();
  // "Sept" is how en-GB abbreviates September ("1 Sept 2026"), so the pages' own days parse.
  const month = MONTHS.findIndex((m, i) => word === m || word === FULL_MONTHS[i] || (i === 8 && word === 'sept'));
  if (month < 0) return undefined;
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return daySchema.safeParse(iso).success ? iso : undefined;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
/** "1 Dec 2026" for "2026-12-01", as the pages write days. */
export function formatDay(iso: string): string {
  return dayFormat.format(new Date(`${iso}T00:00:00Z`));
}

const dayText = z.string().transform((s, ctx) => parseDay(s) ?? (ctx.addIssue({ code: 'custom', message: 'not a day' }), z.NEVER));

/**
 * Actions, from `?action=a&action=b`: each one the log knows, once, in the log's order (so two
 * links to the same choice are the same URL). An unknown one is dropped, not the whole choice.
 */
const actionsSchema = z
  .array(z.string())
  .transform((values) => AUDIT_ACTIONS.filter((a) => values.includes(a)))
  .transform((actions) => (actions.length ? actions : undefined));

/** The audit log's filters, from its query string; anything unexpected is simply ignored. */
const auditFiltersSchema = z.object({
  adminId: auditFilterFields.adminId.optional().catch(undefined),
  accountId: auditFilterFields.accountId.optional().catch(undefined),
  userId: auditFilterFields.userId.optional().catch(undefined),
  phoneNumberId: auditFilterFields.phoneNumberId.optional().catch(undefined),
  action: actionsSchema.optional().catch(undefined),
  /** `?changes=only`: leave out the events that change nothing (NOISE_ACTIONS in format.ts). */
  changes: z.literal('only').optional().catch(undefined),
  outcome: auditFilterFields.outcome.optional().catch(undefined),
  from: dayText.optional().catch(undefined),
  to: dayText.optional().catch(undefined),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

const AUDIT_FILTER_NAMES = Object.keys(auditFiltersSchema.shape) as (keyof AuditFilters)[];

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const all = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

export function parseAuditFilters(searchParams: SearchParams): AuditFilters {
  const parsed = auditFiltersSchema.safeParse(
    Object.fromEntries(AUDIT_FILTER_NAMES.map((name) => [name, name === 'action' ? all(searchParams[name]) : first(searchParams[name])])),
  );
  if (!parsed.success) return {};
  // Drop what was ignored, so links built from the filters carry only what applies.
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as AuditFilters;
}

/** What the admin typed into a day box that is not a day, to say so beside it (and keep it there). */
export function auditDayErrors(searchParams: SearchParams): { from?: string; to?: string } {
  const errors: { from?: string; to?: string } = {};
  for (const name of ['from', 'to'] as const) {
    const typed = first(searchParams[name])?.trim();
    if (typed && !parseDay(typed)) errors[name] = typed;
  }
  return errors;
}

/** `/audit?…` (or another path) for these filters, for links and the export. */
export function auditHref(filters: AuditFilters, path = '/audit'): string {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_NAMES) {
    const value = filters[name];
    if (Array.isArray(value)) for (const v of value) params.append(name, v);
    else if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The actions a read asks for, or none for every action (`changes=only` leaves out the noise). */
export function actionsWanted(filters: { action?: AuditAction | readonly AuditAction[]; changes?: 'only' }): AuditAction[] | undefined {
  const chosen = filters.action === undefined ? undefined : typeof filters.action === 'string' ? [filters.action] : [...filters.action];
  if (filters.changes !== 'only') return chosen;
  return (chosen ?? AUDIT_ACTIONS).filter((a) => !NOISE_ACTIONS.has(a));
}

/** The UTC instants a day range covers: from the start of `from` to the end of `to`. */
export function dayRange(filters: Pick<AuditFilters, 'from' | 'to'>): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (filters.from) range.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) range.lt = new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 24 * 3600 * 1000);
  return range;
}
