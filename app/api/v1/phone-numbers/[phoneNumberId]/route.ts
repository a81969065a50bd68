import { id } from '@/lib/forms/fields';
import { getPhoneNumber } from '@/lib/inventory/phone-numbers';
import { toApiPhoneNumberDetails } from '@/lib/api/paths/phone-numbers';
import { apiRoute, json } from '@/lib/api/route';

export const GET = apiRoute<{ phoneNumberId: string }>({}, async ({ admin, params, error }) => {
  const number = id.safeParse(params.phoneNumberId).success ? await getPhoneNumber(admin, params.phoneNumberId) : null;
  if (!number) return error('not-found', 'That phone number does not exist.');
  return json(toApiPhoneNumberDetails(number));
});
