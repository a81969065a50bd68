import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import type { PhoneNumberProductType, PhoneNumberStatus, PhoneNumberType } from '@/lib/generated/prisma/client';
import { DEFAULT_COUNTRY } from '@/lib/inventory/countries';
import { MAX_CSV_BYTES, MAX_LINES, MAX_TEXT_CHARS } from '@/lib/inventory/limits';
import type { LineResult } from '@/lib/inventory/phone-number-imports';
import type { Assignee, InventoryFilters, InventoryRow, PhoneNumberDetails } from '@/lib/inventory/phone-numbers';
import { previewPhoneNumbersSchema } from '@/lib/inventory/schemas';
import type { View } from '@/lib/inventory/views';
import { idempotencyKeyHeader, idParam, ok, problems } from '../openapi-common';
import { cursorQuery, pageOf } from '../pagination';

// /api/v1/phone-numbers: the inventory as the console's Phone numbers page shows it (the same
// filters, the same rule that a holder is named only to admins of their account), one number
// with its history, and adding numbers in bulk with each line's outcome. The schemas the route
// handlers (app/api/v1/phone-numbers/) parse with and answer in, and the paths built from them.

const STATUSES = ['Unassigned', 'Assigned', 'DeleteInProgress'] as const satisfies readonly PhoneNumberStatus[];
const TYPES = ['Local', 'TollFree'] as const satisfies readonly PhoneNumberType[];
const PRODUCT_TYPES = ['BusinessCalling', 'VoiceConnector'] as const satisfies readonly PhoneNumberProductType[];
const CAPABILITIES = ['Inbound call', 'Outbound call', 'SMS', 'MMS'] as const;

/** The inventory page's view (tab) for each status: `?status=` here is `?view=` there. */
const VIEW_OF_STATUS = { Unassigned: 'unassigned', Assigned: 'assigned', DeleteInProgress: 'deletion-queue' } as const satisfies Record<
  (typeof STATUSES)[number],
  View
>;

export const phoneNumberListQuery = z.object({
  status: z.enum(STATUSES).optional().meta({ description: 'Only numbers in this status (DeleteInProgress: the deletion queue).' }),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Any digits of the number, such as an area code; spaces, dashes, brackets and + are ignored.' }),
  type: z.enum(TYPES).optional(),
  productType: z.enum(PRODUCT_TYPES).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Enter a country as its two-letter code, such as US')
    .optional()
    .meta({ description: 'ISO 3166-1 alpha-2, such as US.' }),
  ...cursorQuery,
});
export type PhoneNumberListQuery = z.output<typeof phoneNumberListQuery>;

/** The query as the inventory page's filters (lib/inventory/params.ts). */
export function inventoryFilters(query: PhoneNumberListQuery): InventoryFilters {
  return {
    view: query.status ? VIEW_OF_STATUS[query.status] : 'all',
    type: query.type,
    productType: query.productType,
    country: query.country,
  };
}

const assigneeSchema = z
  .union([
    z.object({
      visible: z.literal(true),
      accountId: z.string(),
      accountName: z.string(),
      userId: z.string(),
      fullName: z.string(),
    }),
    z.object({ visible: z.literal(false) }),
  ])
  .meta({
    id: 'Assignee',
    description: 'Who holds (or held) the number: named only when they are in an account this token can reach, as on the console.',
  });

export const phoneNumberSchema = z
  .object({
    id: z.string(),
    e164: z.string().meta({ description: 'E.164, such as +12065550100.' }),
    country: z.string().meta({ description: 'ISO 3166-1 alpha-2.' }),
    type: z.enum(TYPES),
    productType: z.enum(PRODUCT_TYPES),
    status: z.enum(STATUSES),
    capabilities: z.array(z.enum(CAPABILITIES)),
    callingName: z.string().nullable(),
    assignee: assigneeSchema.nullable().meta({ description: 'Null while nobody holds the number.' }),
  })
  .meta({ id: 'PhoneNumber' });

const historySchema = z
  .object({
    id: z.string(),
    holder: assigneeSchema,
    assignedAt: z.string(),
    assignedBy: z.string().meta({ description: 'The admin’s name.' }),
    unassignedAt: z.string().nullable(),
    unassignedBy: z.string().nullable(),
  })
  .meta({ id: 'AssignmentHistoryEntry' });

export const phoneNumberDetailsSchema = phoneNumberSchema
  .extend({
    version: z.number().int().meta({ description: 'Bumped by every change of the number.' }),
    assignedAt: z.string().nullable(),
    deletionRequestedAt: z.string().nullable().meta({ description: 'When it entered the deletion queue; purged 7 days later.' }),
    createdAt: z.string(),
    history: z.array(historySchema).meta({ description: 'Who held the number, newest first (the last 50).' }),
  })
  .meta({ id: 'PhoneNumberDetails' });

const toAssignee = (a: Assignee): z.output<typeof assigneeSchema> =>
  a.visible
    ? { visible: true, accountId: a.accountId, accountName: a.accountName, userId: a.userId, fullName: a.fullName }
    : { visible: false };

export const toApiPhoneNumber = (n: InventoryRow): z.output<typeof phoneNumberSchema> => ({
  id: n.id,
  e164: n.e164,
  country: n.country,
  type: n.type,
  productType: n.productType,
  status: n.status,
  capabilities: n.capabilities as (typeof CAPABILITIES)[number][],
  callingName: n.callingName,
  assignee: n.assignee ? toAssignee(n.assignee) : null,
});

export const toApiPhoneNumberDetails = (n: PhoneNumberDetails): z.output<typeof phoneNumberDetailsSchema> => ({
  ...toApiPhoneNumber(n),
  version: n.version,
  assignedAt: n.assignedAt?.toISOString() ?? null,
  deletionRequestedAt: n.deletionRequestedAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
  history: n.history.map((h) => ({
    id: h.id,
    holder: toAssignee(h.holder),
    assignedAt: h.assignedAt.toISOString(),
    assignedBy: h.assignedBy,
    unassignedAt: h.unassignedAt?.toISOString() ?? null,
    unassignedBy: h.unassignedBy,
  })),
});

// ---- Adding numbers --------------------------------------------------------------------------

/** The largest body POST /phone-numbers takes: as large as the console's largest CSV file. */
export const ADD_MAX_BODY_BYTES = MAX_CSV_BYTES;
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
const count = (n: number) => n.toLocaleString('en-US');

export const addPhoneNumbersBody = z
  .object({
    numbers: z
      .array(z.string().refine((s) => !LINE_BREAK.test(s), 'Put one phone number in each item, without line breaks'))
      .min(1, 'Enter at least one phone number')
      // The console's limits (lib/inventory/limits.ts), in its words.
      .max(MAX_LINES, {
        error: (issue) =>
          `That is ${count((issue.input as unknown[]).length)} lines: add at most ${count(MAX_LINES)} phone numbers at a time`,
      })
      .refine(
        (items) => items.reduce((sum, s) => sum + s.length + 1, 0) <= MAX_TEXT_CHARS,
        `That is too much at once: add at most ${count(MAX_LINES)} phone numbers at a time`,
      )
      .meta({
        description:
          `The numbers, one an item, as an admin would type them: E.164 (+12065550100), or national for \`defaultCountry\`. ` +
          `At most ${count(MAX_LINES)}. Blank items are skipped, as blank lines are on the console.`,
      }),
    productType: previewPhoneNumbersSchema.shape.productType
      .default('BusinessCalling')
      .meta({ description: 'What the numbers are added as. Toll-free numbers are always VoiceConnector.' }),
    defaultCountry: previewPhoneNumbersSchema.shape.defaultCountry
      .default(DEFAULT_COUNTRY)
      .meta({ description: 'The country of numbers written without a country code.' }),
  })
  .meta({ id: 'AddPhoneNumbers' });

const lineResultSchema = z
  .object({
    line: z.number().int().meta({ description: 'The item’s position in `numbers`, counting from 1.' }),
    input: z.string().meta({ description: 'The item as given (without invisible characters, shortened if very long).' }),
    outcome: z.enum(['added', 'refused']),
    e164: z.string().optional().meta({ description: 'The number the item was read as, when it was read as one.' }),
    id: z.string().optional().meta({ description: 'The new number’s id, when added.' }),
    error: z.string().optional().meta({ description: 'Why it was not added, in the console’s words.' }),
  })
  .meta({ id: 'AddPhoneNumbersLine' });

export const addPhoneNumbersResultSchema = z
  .object({
    added: z.number().int(),
    refused: z.number().int(),
    results: z.array(lineResultSchema).meta({ description: 'Every non-blank item, in order.' }),
  })
  .meta({ id: 'AddPhoneNumbersResult' });

export const toAddPhoneNumbersResult = (r: { added: number; results: LineResult[] }): z.output<typeof addPhoneNumbersResultSchema> => ({
  added: r.added,
  refused: r.results.length - r.added,
  results: r.results,
});

const phoneNumberIdParam = idParam('phoneNumberId', 'The phone number’s id.');

export const phoneNumbersPaths: ZodOpenApiPathsObject = {
  '/phone-numbers': {
    get: {
      operationId: 'listPhoneNumbers',
      summary: 'List the phone number inventory',
      description:
        'Every number in the organisation, in E.164 order, filtered as on the console’s Phone numbers page. ' +
        'Who holds a number is named only when they are in an account this token can reach.',
      tags: ['Phone numbers'],
      requestParams: { query: phoneNumberListQuery },
      responses: { '200': ok('One page of numbers, in E.164 order.', pageOf(phoneNumberSchema, 'PhoneNumberPage')), ...problems('400') },
    },
    post: {
      operationId: 'addPhoneNumbers',
      summary: 'Add phone numbers to the inventory, as Unassigned',
      description:
        'The console’s “Add phone numbers” in one call: every item is checked as the preview checks a line, the accepted ones are ' +
        'added, and the answer says what became of each. A number already in the inventory (or added by someone else meanwhile), ' +
        `a duplicate or one that is not valid is refused with the console’s reason. The body may be at most ${MAX_CSV_BYTES / 1024 / 1024} MiB.`,
      tags: ['Phone numbers'],
      requestParams: { header: idempotencyKeyHeader },
      requestBody: { required: true, content: { 'application/json': { schema: addPhoneNumbersBody } } },
      responses: {
        '201': ok('At least one number was added; `results` has every line’s outcome.', addPhoneNumbersResultSchema),
        '200': ok('No number was added (every line was refused); `results` says why.', addPhoneNumbersResultSchema),
        ...problems('400', '403', '409', '413', '415', '422'),
      },
    },
  },
  '/phone-numbers/{phoneNumberId}': {
    get: {
      operationId: 'getPhoneNumber',
      summary: 'One phone number, with who held it',
      tags: ['Phone numbers'],
      requestParams: { path: phoneNumberIdParam },
      responses: { '200': ok('The number.', phoneNumberDetailsSchema), ...problems('404') },
    },
  },
};
