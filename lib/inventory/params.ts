import { z } from 'zod';
import { VIEW_NAMES } from './views';
import { INVENTORY_SORTS } from './sort';

/** The inventory list's query string, parsed; anything unexpected is simply ignored. */
const schema = z.object({
  view: z.enum(VIEW_NAMES).catch('all'),
  type: z.enum(['Local', 'TollFree']).optional().catch(undefined),
  productType: z.enum(['BusinessCalling', 'VoiceConnector']).optional().catch(undefined),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  sort: z.enum(INVENTORY_SORTS).catch('number'),
});

export type InventoryParams = z.infer<typeof schema>;

export function parseInventoryParams(searchParams: Record<string, string | string[] | undefined>): InventoryParams {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return schema.parse({
    view: first(searchParams.view) ?? 'all',
    type: first(searchParams.type),
    productType: first(searchParams.productType),
    country: first(searchParams.country),
    sort: first(searchParams.sort) ?? 'number',
  });
}
