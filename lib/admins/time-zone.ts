import 'server-only';
import { DomainError } from '@/lib/kernel/errors';
import { isTimeZone } from '@/lib/kernel/format-time';
import { mutate } from '@/lib/kernel/mutation';
import { recordAudit } from '@/lib/kernel/audit';
import type { SessionAdmin } from '@/lib/kernel/session-admin';

export type TimeZoneResult = { timeZone: string; repeated: boolean };

/**
 * Sets the zone the console shows this admin's dates and times in. Only their own: the id is the
 * session's, never the form's. The same zone again changes nothing and records nothing.
 */
export async function setOwnTimeZone(admin: SessionAdmin, input: { timeZone: string }): Promise<TimeZoneResult> {
  const attempted = { timeZone: input.timeZone.slice(0, 64) };
  return mutate(admin, { action: 'change-time-zone', permission: 'own-settings', about: { attempted } }, async ({ db, write }) => {
    if (!isTimeZone(input.timeZone)) throw new DomainError('invalid', 'Choose a time zone from the list', 'timeZone');
    const current = await db.admin.findUnique({ where: { id: admin.id }, select: { timeZone: true } });
    if (!current) throw new DomainError('not-found', 'Your admin account no longer exists.');
    if (current.timeZone === input.timeZone) return { timeZone: input.timeZone, repeated: true };
    await write(
      async (tx, lost) => {
        // From the zone just read: a save from another tab meanwhile makes this one say so.
        const { count } = await tx.admin.updateMany({
          where: { id: admin.id, timeZone: current.timeZone },
          data: { timeZone: input.timeZone },
        });
        if (count !== 1) lost();
        await recordAudit(tx, { admin, action: 'change-time-zone', outcome: 'Done', before: current, after: { timeZone: input.timeZone } });
      },
      {
        lost: () =>
          new DomainError('conflict', 'Your time zone was changed from another page a moment ago. Check it below and choose again.'),
      },
    );
    return { timeZone: input.timeZone, repeated: false };
  });
}
