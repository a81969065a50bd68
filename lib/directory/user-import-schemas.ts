import { z } from 'zod';
import { chosenFile, id } from '@/lib/forms/fields';
import { MAX_USER_CSV_BYTES, MAX_USER_LINES, MAX_USER_TEXT_CHARS } from './limits';

// The two forms of "Import users", used by react-hook-form in the browser and safeParse on the server.

export const previewUsersSchema = z
  .object({
    accountId: id,
    users: z
      .string()
      .max(
        MAX_USER_TEXT_CHARS,
        `That is too much to paste at once: import at most ${MAX_USER_LINES.toLocaleString('en-US')} users at a time, or upload a CSV file`,
      )
      .default(''),
    csv: chosenFile.refine(
      (file) => !file || file.size <= MAX_USER_CSV_BYTES,
      `The CSV file must be smaller than ${MAX_USER_CSV_BYTES / 1024 / 1024} MB`,
    ),
  })
  .superRefine((input, ctx) => {
    const typed = input.users.trim() !== '';
    if (!typed && !input.csv) {
      ctx.addIssue({ code: 'custom', path: ['users'], message: 'Enter users, one on each line, or choose a CSV file that has them' });
    }
    if (typed && input.csv) {
      ctx.addIssue({ code: 'custom', path: ['csv'], message: 'Enter users or choose a CSV file, not both' });
    }
  });
export type PreviewUsersInput = z.input<typeof previewUsersSchema>;

export const importUsersSchema = z.object({ accountId: id, importId: id });
export type ImportUsersInput = z.input<typeof importUsersSchema>;
