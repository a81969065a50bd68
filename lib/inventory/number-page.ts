import 'server-only';
import { requireAdmin } from '@/lib/auth/session';
import { isId } from '@/lib/kernel/labels';
import { pageNotFound } from '@/lib/http/not-found';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { getPhoneNumber, type PhoneNumberDetails } from './phone-numbers';

/** What every page about one number starts with: the signed-in admin and the number. */
export async function loadNumberPage(
  params: Promise<{ phoneNumberId: string }>,
  suffix = '',
): Promise<{ admin: SessionAdmin; number: PhoneNumberDetails; path: string }> {
  const { phoneNumberId } = await params;
  const path = `/phone-numbers/${phoneNumberId}`;
  const admin = await requireAdmin(path + suffix);
  if (!isId(phoneNumberId)) pageNotFound();
  const number = await getPhoneNumber(admin, phoneNumberId);
  if (!number) pageNotFound();
  return { admin, number, path };
}
