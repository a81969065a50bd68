import { loadUserPage } from '@/lib/telephony/user-page';
import { UserChangePage, userChangeTitle } from '@/app/accounts/[accountId]/users/[userId]/user-change-page';
import { EditUserForm } from './edit-user-form';

type Props = { params: Promise<{ accountId: string; userId: string }> };

export default async function EditUserPage({ params }: Props) {
  const { admin, account, user, path } = await loadUserPage(params, '/edit', { removed: 'show' });
  const title = userChangeTitle('Edit user', user);
  return (
    <UserChangePage
      admin={admin}
      account={account}
      user={user}
      path={path}
      page="Edit user"
      readOnly="You have read-only access, so you cannot change users."
    >
      <EditUserForm
        title={title}
        accountName={account.name}
        user={{
          accountId: account.id,
          userId: user.id,
          version: user.version,
          fullName: user.fullName,
          email: user.email,
          userType: user.userType,
          license: user.license,
        }}
      />
    </UserChangePage>
  );
}
