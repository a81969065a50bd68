import { Breadcrumbs } from './list-controls';

export function UserBreadcrumbs({
  account,
  user,
  page,
}: {
  account: { id: string; name: string };
  user: { id: string; fullName: string };
  page?: string;
}) {
  const userPath = `/accounts/${account.id}/users/${user.id}`;
  return (
    <Breadcrumbs
      items={[
        { href: '/accounts', label: 'Accounts' },
        { href: `/accounts/${account.id}`, label: account.name },
        { href: `/accounts/${account.id}/users`, label: 'Users' },
        page ? { href: userPath, label: user.fullName } : { label: user.fullName },
        ...(page ? [{ label: page }] : []),
      ]}
    />
  );
}
