import { listAuditEvents } from '@/lib/audit/audit-log';
import { auditListQuery, toApiAuditEvent } from '@/lib/api/paths/audit';
import { listResponse } from '@/lib/api/pagination';
import { apiRoute } from '@/lib/api/route';
import { PAGE_SIZE } from '@/lib/kernel/pagination';

// The audit log the console's page shows this admin, through the same read (listAuditEvents).
export const GET = apiRoute({}, async ({ admin, query, url }) => {
  const { after, before, limit, ...filters } = query(auditListQuery);
  return listResponse(url, await listAuditEvents(admin, filters, { after, before }, limit ?? PAGE_SIZE), toApiAuditEvent);
});
