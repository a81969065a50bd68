import Link from 'next/link';
import { readPresetFlash, type PresetFlash } from '@/lib/http/flash';
import { loadPresetsPage } from '@/lib/presets/presets-page';
import { FlashConsumed } from '@/app/_components/flash-consumed';
import { FocusOnArrival } from '@/app/_components/focus-on-arrival';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { TableRegion } from '@/app/_components/table-region';

type Props = { params: Promise<{ accountId: string }> };

const onOff = (v: boolean) => (v ? 'On' : 'Off');

/** What just happened to one of the account's presets. */
function PresetBanner({ flash }: { flash: PresetFlash }) {
  const name = flash.name ? `“${flash.name}”` : 'The preset';
  const title =
    flash.kind === 'preset-created'
      ? `Added the preset ${name}`
      : flash.kind === 'preset-edited'
        ? flash.repeated
          ? `Nothing to change in ${name}`
          : `Saved the preset ${name}`
        : flash.repeated
          ? 'The preset was already deleted'
          : `Deleted the preset ${name}`;
  return (
    <div className="banner" id="banner" role="status" aria-labelledby="banner-title" tabIndex={-1} autoFocus>
      <FlashConsumed />
      <FocusOnArrival />
      <h2 id="banner-title">{title}</h2>
      {flash.kind === 'preset-created' ? (
        <p>It is offered under Permissions after assigning when a phone number is assigned to one of this account’s users.</p>
      ) : (
        <p>Users who were given its permissions keep them as they are.</p>
      )}
    </div>
  );
}

export default async function PermissionPresetsPage({ params }: Props) {
  const { admin, account, path, presets } = await loadPresetsPage(params);
  const flash = await readPresetFlash(account.id);
  return (
    <>
      <title>{`Permission presets – ${account.name} – Switchboard`}</title>
      <Breadcrumbs
        items={[
          { href: '/accounts', label: 'Accounts' },
          { href: `/accounts/${account.id}`, label: account.name },
          { label: 'Permission presets' },
        ]}
      />
      {flash ? <PresetBanner flash={flash} /> : null}
      <h1>Permission presets</h1>
      <p>
        A preset is a named set of telephony permissions. When you assign a phone number to one of {account.name}’s users, you can choose a
        preset under Permissions after assigning instead of All off, the default. The user gets a copy: changing or deleting a preset later
        changes no one’s permissions.
      </p>
      {admin.canChange ? (
        <p>
          <Link href={`${path}/new`} className="button">
            Add permission preset
          </Link>
        </p>
      ) : (
        <p>You have read-only access, so you cannot add, edit or delete presets.</p>
      )}
      {presets.length === 0 ? (
        <p>This account has no permission presets.</p>
      ) : (
        <TableRegion label="Permission presets">
          <table>
            <caption className="visually-hidden">Permission presets of {account.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Inbound calling</th>
                <th scope="col">Outbound calling</th>
                <th scope="col">SMS</th>
                {admin.canChange ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {presets.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{onOff(p.inboundCalling)}</td>
                  <td>{onOff(p.outboundCalling)}</td>
                  <td>{onOff(p.sms)}</td>
                  {admin.canChange ? (
                    <td>
                      <Link href={`${path}/${p.id}/edit`} aria-label={`Edit ${p.name}`}>
                        Edit
                      </Link>{' '}
                      ·{' '}
                      <Link href={`${path}/${p.id}/delete`} aria-label={`Delete ${p.name}`}>
                        Delete
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
