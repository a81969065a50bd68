import { Option, type Command } from 'commander';
import { CliFailure } from '../client.ts';
import { withContext } from '../context.ts';
import { NO_NOTIFY, NO_NOTIFY_HELP, permissionsText, printChanged, userPath, type User } from './users.ts';

const onOffOption = (flag: string, what: string) => new Option(`${flag} <on|off>`, what).choices(['on', 'off']);
const asBoolean = (value: string | undefined) => (value === undefined ? undefined : value === 'on');

export function registerPermissions(program: Command) {
  const permissions = program.command('permissions').description('Telephony permissions: inbound calling, outbound calling and SMS.');
  permissions
    .command('set')
    .description('Turn a user’s inbound calling, outbound calling or SMS on or off (those not given stay as they are).')
    .argument('<userId>')
    .addOption(onOffOption('--inbound', 'inbound calling'))
    .addOption(onOffOption('--outbound', 'outbound calling'))
    .addOption(onOffOption('--sms', 'SMS'))
    .option(NO_NOTIFY, NO_NOTIFY_HELP)
    .action(
      withContext(async ({ client, json }, userId: string, o: { inbound?: string; outbound?: string; sms?: string; notify: boolean }) => {
        const body = { inboundCalling: asBoolean(o.inbound), outboundCalling: asBoolean(o.outbound), sms: asBoolean(o.sms) };
        if (Object.values(body).every((v) => v === undefined)) throw new CliFailure('Say what to set: --inbound, --outbound or --sms.', 2);
        const user = (
          await client.request<User>('PATCH', `${userPath(userId)}/telephony-permissions`, { body: { ...body, notify: o.notify } })
        ).body;
        printChanged(json, user, `${user.fullName}: ${permissionsText(user.permissions)}.`);
      }),
    );
}
