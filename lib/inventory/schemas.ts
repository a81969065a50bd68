import { z } from 'zod';
import { checkbox, chosenFile, id, version } from '@/lib/forms/fields';
import { COUNTRY_CODES } from './countries';
import { MAX_CSV_BYTES, MAX_LINES, MAX_TEXT_CHARS } from './limits';

// One schema per form, used by react-hook-form in the browser and safeParse on the server.

export const editCallingNameSchema = z.object({
  phoneNumberId: id,
  version,
  callingName: z
    .string()
    .max(100, 'Enter a calling name of 15 characters or fewer')
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .max(15, 'Enter a calling name of 15 characters or fewer')
        .regex(/^([A-Za-z0-9 ]{2,})?$/, 'Enter a calling name of 2 to 15 letters, digits or spaces, or leave it empty to clear it'),
    ),
});
export type EditCallingNameInput = z.input<typeof editCallingNameSchema>;

export const deletePhoneNumberSchema = z.object({
  phoneNumberId: id,
  confirm: checkbox.refine((v) => v, 'Select the box to confirm that you want to delete this phone number'),
});
export type DeletePhoneNumberInput = z.input<typeof deletePhoneNumberSchema>;

export const restorePhoneNumberSchema = z.object({ phoneNumberId: id });
export type RestorePhoneNumberInput = z.input<typeof restorePhoneNumberSchema>;

const PRODUCT_TYPES = ['BusinessCalling', 'VoiceConnector'] as const;

export const previewPhoneNumbersSchema = z
  .object({
    numbers: z
      .string()
      .max(
        MAX_TEXT_CHARS,
        `That is too much to paste at once: add at most ${MAX_LINES.toLocaleString('en-US')} phone numbers at a time, or upload a CSV file`,
      )
      .default(''),
    csv: chosenFile.refine(
      (file) => !file || file.size <= MAX_CSV_BYTES,
      `The CSV file must be smaller than ${MAX_CSV_BYTES / 1024 / 1024} MB`,
    ),
    defaultCountry: z.enum(COUNTRY_CODES, { error: 'Choose the country for numbers without a country code' }),
    productType: z.enum(PRODUCT_TYPES, { error: 'Choose the product type' }),
  })
  .superRefine((input, ctx) => {
    const typed = input.numbers.trim() !== '';
    if (!typed && !input.csv) {
      ctx.addIssue({
        code: 'custom',
        path: ['numbers'],
        message: 'Enter phone numbers, one on each line, or choose a CSV file that has them',
      });
    }
    if (typed && input.csv) {
      ctx.addIssue({ code: 'custom', path: ['csv'], message: 'Enter phone numbers or choose a CSV file, not both' });
    }
  });
export type PreviewPhoneNumbersInput = z.input<typeof previewPhoneNumbersSchema>;

export const addPhoneNumbersSchema = z.object({ importId: id });
export type AddPhoneNumbersInput = z.input<typeof addPhoneNumbersSchema>;
