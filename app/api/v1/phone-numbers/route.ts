import { addPhoneNumberList } from '@/lib/inventory/phone-number-imports';
import { listPhoneNumbers } from '@/lib/inventory/phone-numbers';
import {
  ADD_MAX_BODY_BYTES,
  addPhoneNumbersBody,
  inventoryFilters,
  phoneNumberListQuery,
  toAddPhoneNumbersResult,
  toApiPhoneNumber,
} from '@/lib/api/paths/phone-numbers';
import { listResponse } from '@/lib/api/pagination';
import { apiRoute, json } from '@/lib/api/route';

export const GET = apiRoute({}, async ({ admin, query, url }) => {
  const params = query(phoneNumberListQuery);
  const page = await listPhoneNumbers(admin, inventoryFilters(params), {
    q: params.q || undefined,
    after: params.after,
    before: params.before,
  });
  return listResponse(url, page, toApiPhoneNumber);
});

// The console's preview and add, in one call: each item is one line of the list an admin pastes.
export const POST = apiRoute({ idempotent: true, maxBodyBytes: ADD_MAX_BODY_BYTES }, async ({ admin, body }) => {
  const input = body(addPhoneNumbersBody);
  const result = await addPhoneNumberList(admin, {
    text: input.numbers.join('\n'),
    defaultCountry: input.defaultCountry,
    productType: input.productType,
  });
  return json(toAddPhoneNumbersResult(result), { status: result.added > 0 ? 201 : 200 });
});
