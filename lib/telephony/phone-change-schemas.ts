import { z } from 'zod';
import { chosenFile, id } from '@/lib/forms/fields';
import { MAX_CHANGE_CSV_BYTES } from './limits';

// The two forms of "Change phone numbers from a file", used by react-hook-form in the browser and
// safeParse on the server: the upload (which makes the dry run), then Apply.

export const uploadChangeFileSchema = z.object({
  accountId: id,
  csv: chosenFile
    .refine((file) => Boolean(file), 'Choose a CSV file of changes')
    .refine(
      (file) => !file || file.size <= MAX_CHANGE_CSV_BYTES,
      `The CSV file must be smaller than ${MAX_CHANGE_CSV_BYTES / 1024 / 1024} MB`,
    ),
});
export type UploadChangeFileInput = z.input<typeof uploadChangeFileSchema>;

export const applyChangeFileSchema = z.object({ accountId: id, fileId: id });
export type ApplyChangeFileInput = z.input<typeof applyChangeFileSchema>;
