import type { Times } from '@/lib/kernel/format-time';

/** In place of a form on a removed user's pages: nothing about them changes any more. */
export function RemovedUserNotice({
  title,
  user,
  times,
}: {
  title: string;
  user: { fullName: string; removedAt: Date | null };
  times: Times;
}) {
  return (
    <>
      <title>{title}</title>
      <p>
        {user.fullName} was removed on {user.removedAt ? times.day(user.removedAt) : 'an earlier date'}, so they cannot be changed.
      </p>
    </>
  );
}
