import 'server-only';
import { requireAdmin } from '@/lib/auth/session';
import { isId } from '@/lib/kernel/labels';
import { pageNotFound } from '@/lib/http/not-found';
import { getAdminDetails, type AdminDetails } from './admin-management';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { DomainError } from '@/lib/kernel/errors';

/**
 * A read for one of the Admins pages. The data layer refuses (and audits) anyone but a full-scope
 * Administrator; to them the pages answer "Page not found", as for a page that does not exist.
 */
export async function adminsPageRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'denied') pageNotFound();
    throw err;
  }
}

/** What every page about one admin starts with: the signed-in admin and the admin shown. */
export async function loadAdminPage(
  params: Promise<{ adminId: string }>,
  suffix = '',
): Promise<{ admin: SessionAdmin; subject: AdminDetails; path: string }> {
  const { adminId } = await params;
  const path = `/admins/${adminId}`;
  const admin = await requireAdmin(path + suffix);
  if (!isId(adminId)) pageNotFound();
  const subject = await adminsPageRead(() => getAdminDetails(admin, adminId));
  if (!subject) pageNotFound();
  return { admin, subject, path };
}
