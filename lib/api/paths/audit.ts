import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import type { AuditRow, AuditSubject } from '@/lib/audit/audit-log';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@/lib/audit/format';
import { auditFilterFields } from '@/lib/audit/params';
import { ok, problems } from '../openapi-common';
import { cursorQuery, pageOf } from '../pagination';

// /api/v1/audit-events: the audit log as the console's Audit log page shows it (the same data
// function, the same filters and the same scope), and its path in the OpenAPI document.

/** What an event is about, named as the console names it for this admin. */
const subjectSchema = z
  .object({
    id: z.string(),
    label: z.string().meta({
      description: 'Its name, or why it has none here ("A user who does not exist or is not in your accounts", "… (removed)").',
    }),
  })
  .meta({ id: 'AuditSubject' });

const changeSchema = z
  .object({ field: z.string(), before: z.string().optional(), after: z.string().optional() })
  .meta({ id: 'AuditChange', description: 'One field of the change, as the console shows it: "Inbound calling: Off → On".' });

const recorded = z.unknown().meta({ description: 'As recorded (JSON); null when nothing was.' });

export const auditEventSchema = z
  .object({
    id: z.string(),
    seq: z.string().meta({ description: 'The event’s place in commit order (a big integer, as text).' }),
    at: z.string().meta({ description: 'When, as an ISO 8601 instant (UTC).' }),
    admin: z
      .object({ id: z.string(), name: z.string(), email: z.string() })
      .nullable()
      .meta({ description: 'The admin who acted; null for the system, or a sign-in attempt with an email no admin has.' }),
    signInEmail: z.string().nullable().meta({ description: 'The email typed in a sign-in attempt that names no admin; else null.' }),
    token: z
      .object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(['Personal', 'Provisioning']).nullable().meta({ description: 'Null when the token no longer exists.' }),
      })
      .nullable()
      .meta({ description: 'The API or provisioning token the admin acted through, named as it was then; null: the console.' }),
    action: z.string().meta({ description: `One of ${AUDIT_ACTIONS.join(', ')} (an event recorded by another version keeps its name).` }),
    actionLabel: z.string().meta({ description: 'The action as the console reads it: "Assigned phone number".' }),
    outcome: z.enum(AUDIT_OUTCOMES),
    account: subjectSchema.nullable(),
    user: subjectSchema.nullable(),
    phoneNumber: subjectSchema.nullable(),
    changes: z.array(changeSchema),
    requested: z.boolean().meta({ description: 'The changes are what a refused request asked for, not what happened.' }),
    before: recorded,
    after: recorded,
    detail: z.string().nullable().meta({ description: 'Why it was refused, or a note on what happened.' }),
  })
  .meta({ id: 'AuditEvent' });
export type ApiAuditEvent = z.output<typeof auditEventSchema>;

// The page's own filters (lib/audit/params.ts), strictly: a value the page would ignore is a 400 here.
export const auditListQuery = z.object({
  accountId: auditFilterFields.accountId.optional().meta({ description: 'Events about this account.' }),
  userId: auditFilterFields.userId.optional().meta({ description: 'Events about this user.' }),
  phoneNumberId: auditFilterFields.phoneNumberId.optional().meta({ description: 'Events about this phone number.' }),
  adminId: auditFilterFields.adminId.optional().meta({ description: 'Events by this admin.' }),
  action: auditFilterFields.action.optional(),
  outcome: auditFilterFields.outcome.optional(),
  from: auditFilterFields.from.optional().meta({ description: 'From the start of this UTC day (YYYY-MM-DD).' }),
  to: auditFilterFields.to.optional().meta({ description: 'To the end of this UTC day (YYYY-MM-DD).' }),
  limit: z.coerce.number().int().min(1).max(100).optional().meta({ description: 'Events a page (default 25).' }),
  ...cursorQuery,
});

const subject = (s: AuditSubject | null) => (s ? { id: s.id, label: s.label } : null);

export const toApiAuditEvent = (row: AuditRow): ApiAuditEvent => ({
  id: row.id,
  seq: row.seq,
  at: row.at.toISOString(),
  admin: row.who.kind === 'admin' ? { id: row.who.adminId, name: row.who.name, email: row.who.email } : null,
  signInEmail: row.who.kind === 'attempt' ? row.who.email : null,
  token: row.token,
  action: row.action,
  actionLabel: row.actionLabel,
  outcome: row.outcome,
  account: subject(row.account),
  user: subject(row.user),
  phoneNumber: subject(row.phoneNumber),
  changes: row.changes,
  requested: row.requested,
  before: row.before ?? null,
  after: row.after ?? null,
  detail: row.detail,
});

export const auditPaths: ZodOpenApiPathsObject = {
  '/audit-events': {
    get: {
      operationId: 'listAuditEvents',
      summary: 'The audit log, newest first',
      description:
        'The events this token’s admin may see on the console’s Audit log page: about their accounts, and their own sign-ins and changes ' +
        '(every event for an admin of all accounts). A filter naming an account they do not administer finds nothing.',
      tags: ['Audit'],
      requestParams: { query: auditListQuery },
      responses: { '200': ok('One page of events, newest first.', pageOf(auditEventSchema, 'AuditEventPage')), ...problems('400') },
    },
  },
};
