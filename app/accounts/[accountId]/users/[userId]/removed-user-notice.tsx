const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** In place of a form on a removed user's pages: nothing about them changes any more. */
export function RemovedUserNotice({ title, user }: { title: string; user: { fullName: string; removedAt: Date | null } }) {
  return (
    <>
      <title>{title}</title>
      <p>
        {user.fullName} was removed on {user.removedAt ? day.format(user.removedAt) : 'an earlier date'}, so they cannot be changed.
      </p>
    </>
  );
}
