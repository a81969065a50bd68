import { z } from 'zod';
import { checkbox, id, version } from '@/lib/forms/fields';

// "Many at once" on Users: the list's form (GET) names an action and the checked users; the
// confirmation page (GET, so it works without JavaScript and can be reloaded) lists them with
// the version each was shown at; its form (POST) changes each one that is still as shown.

export const BULK_ACTIONS = ['suspend', 'unsuspend', 'change-license', 'remove', 'unassign-phone-number', 'set-permissions'] as const;
/** The actions that change phone numbers or permissions: made by lib/telephony/user-bulk-telephony.ts. */
export const TELEPHONY_BULK_ACTIONS = ['unassign-phone-number', 'set-permissions'] as const satisfies readonly BulkAction[];
export const isTelephonyBulkAction = (action: BulkAction): action is (typeof TELEPHONY_BULK_ACTIONS)[number] =>
  (TELEPHONY_BULK_ACTIONS as readonly string[]).includes(action);
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** The most users one confirmation covers: more than a page of the list (25), well within a form. */
export const BULK_MAX_USERS = 100;

export const LICENSES = ['Basic', 'Plus', 'Pro', 'ProTrial'] as const;

/** The list's GET: `?action=suspend&userId=…&userId=…`. Bad values are the page's to explain. */
export const bulkSelectionSchema = z.object({
  action: z.enum(BULK_ACTIONS, { error: 'Choose what to do with the selected users' }),
  userId: z
    .union([id, z.array(id)], { error: 'Select at least one user' })
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
    .pipe(z.array(id).min(1, 'Select at least one user').max(BULK_MAX_USERS, `Select at most ${BULK_MAX_USERS} users at a time`)),
});
export type BulkSelection = z.output<typeof bulkSelectionSchema>;

/** One user as the confirmation page showed them: "<id>:<version>". */
const shownUser = z.string().regex(/^[A-Za-z0-9_-]{1,64}:\d{1,10}$/, 'That is not a valid user');

/** The users of a posted confirmation, as ids and the versions they were shown at. */
export function shownUsers(list: string[]): { userId: string; version: number }[] {
  return list.map((v) => {
    const [userId, shown] = v.split(':') as [string, string];
    return { userId, version: version.parse(shown) };
  });
}

export const bulkChangeSchema = z
  .object({
    accountId: id,
    action: z.enum(BULK_ACTIONS),
    user: z
      .union([shownUser, z.array(shownUser)], { error: 'Select at least one user' })
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.string()).min(1).max(BULK_MAX_USERS)),
    license: z.enum(LICENSES, { error: 'Choose the licence to give them' }).optional(),
    confirm: checkbox,
    // Set permissions: a cleared box posts nothing, so absent means off.
    inboundCalling: checkbox,
    outboundCalling: checkbox,
    sms: checkbox,
  })
  .superRefine((input, ctx) => {
    if (input.action === 'change-license' && !input.license) {
      ctx.addIssue({ code: 'custom', path: ['license'], message: 'Choose the licence to give them' });
    }
    if (input.action === 'remove' && !input.confirm) {
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'Select the box to confirm that you want to remove these users' });
    }
    if (input.action === 'unassign-phone-number' && !input.confirm) {
      ctx.addIssue({
        code: 'custom',
        path: ['confirm'],
        message: 'Select the box to confirm that you want to unassign these users’ phone numbers',
      });
    }
  });
export type BulkChangeInput = z.input<typeof bulkChangeSchema>;
