import 'server-only';
import { refresh } from 'next/cache';
import type { z } from 'zod';
import { currentAdmin } from '@/lib/auth/session';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { recordAudit } from '@/lib/kernel/audit';
import { DomainError } from '@/lib/kernel/errors';
import { getPrisma } from '@/lib/db/client';
import { pageNotFound } from '@/lib/http/not-found';
import { isId } from '@/lib/kernel/labels';
import { limits, take } from '@/lib/api/rate-limit';
import { fieldErrorsOf, formFiles, formValues, type ActionState } from './action-state';

/**
 * The one way a form's server action runs: session → parse (safeParse, never parse; text fields
 * and chosen files) → handler,
 * which calls the data layer (it checks the admin's right to the exact objects) and redirects
 * on success. A refusal comes back to the same form with what the admin chose, and the page is
 * rendered again from the database, so it shows things as they are now.
 *
 * `deniedAsNotFound`: for forms whose pages answer "Page not found" to an admin who may not see
 * them (the Admins pages), a refusal for lack of permission answers the same, as a 303 to a GET.
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  handler: (admin: SessionAdmin, input: z.output<S>) => Promise<ActionState | void>,
  options: { deniedAsNotFound?: boolean } = {},
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    const admin = await currentAdmin();
    if (!admin) {
      // No session, an expired one, or a disabled admin's: refused, and recorded like every
      // refusal, but the ids the post claims are not trusted: anyone can post any id, so they are
      // only named in the detail, never set as the row's account, user or number (which would put
      // the row in that account's or user's history). And at most so many a minute in all, so
      // anonymous posts cannot flood the audit log (lib/api/rate-limit.ts: the same shared window
      // the machine interfaces use for callers without a token).
      if (take('forms:signed-out', limits().anonymous).allowed) {
        const claimed = ['accountId', 'userId', 'phoneNumberId', 'adminId']
          .filter((key) => typeof values[key] === 'string' && isId(values[key]))
          .map((key) => `${key} ${values[key] as string}`);
        await recordAudit(await getPrisma(), {
          action: 'signed-out-attempt',
          outcome: 'Denied',
          detail:
            'A form was posted without a valid session (signed out, expired, or a disabled admin)' +
            (claimed.length ? `; it named ${claimed.join(', ')} (not checked).` : '.'),
        });
      }
      return { formError: 'You are signed out. Sign in again, then make the change again.', values };
    }
    const parsed = schema.safeParse({ ...values, ...formFiles(formData) });
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
    try {
      return (await handler(admin, parsed.data)) ?? {};
    } catch (err) {
      if (!(err instanceof DomainError)) throw err; // includes the redirect after success
      if (err.kind === 'denied' && options.deniedAsNotFound) pageNotFound();
      refresh();
      return err.field ? { fieldErrors: { [err.field]: [err.message] }, values } : { formError: err.message, values };
    }
  };
}
