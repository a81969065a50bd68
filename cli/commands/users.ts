import { Option, type Command } from 'commander';
import type { Client } from '../client.ts';
import { ALL_HELP, withContext } from '../context.ts';
import { details, onOff, print, printJson, printList } from '../output.ts';

/** The user as the API answers (lib/api/paths/users.ts, userSchema). */
export type User = {
  id: string;
  accountId: string;
  fullName: string;
  email: string;
  userType: string;
  license: string;
  registrationStatus: string;
  invitationStatus: string;
  suspended: boolean;
  removedAt: string | null;
  phoneNumber: { id: string; e164: string } | null;
  permissions: { inboundCalling: boolean; outboundCalling: boolean; sms: boolean };
  version: number;
};

/** A row of GET /users. */
type UserListItem = Pick<User, 'id' | 'fullName' | 'email' | 'license' | 'registrationStatus' | 'permissions'> & { e164: string | null };

/** The workflows email the user about the change unless told not to, as the console's forms do. */
export const NO_NOTIFY = '--no-notify';
export const NO_NOTIFY_HELP = 'do not email the user about the change (the console’s box is ticked by default, and so is this)';

export const userPath = (userId: string) => `users/${encodeURIComponent(userId)}`;

export const permissionsText = (p: User['permissions']) =>
  `inbound calling ${onOff(p.inboundCalling)}, outbound calling ${onOff(p.outboundCalling)}, SMS ${onOff(p.sms)}`;

export function printUser(user: User) {
  print(
    details([
      ['ID', user.id],
      ['Name', user.fullName],
      ['Email', user.email],
      ['Account', user.accountId],
      ['User type', user.userType],
      ['Licence', user.license],
      ['Registration', user.registrationStatus],
      ['Invitation', user.invitationStatus],
      ['Phone number', user.phoneNumber ? `${user.phoneNumber.e164} (${user.phoneNumber.id})` : 'None'],
      ['Inbound calling', onOff(user.permissions.inboundCalling)],
      ['Outbound calling', onOff(user.permissions.outboundCalling)],
      ['SMS', onOff(user.permissions.sms)],
      ['Removed', user.removedAt ?? 'No'],
      ['Version', String(user.version)],
    ]),
  );
}

/** A change to one user: the API's user as JSON, or a sentence and the user. */
export function printChanged(json: boolean, user: User, sentence: string) {
  if (json) return printJson(user);
  print(sentence);
}

async function changeUser(client: Client, userId: string, verb: 'suspend' | 'unsuspend') {
  return (await client.request<User>('POST', `${userPath(userId)}/${verb}`)).body;
}

export function registerUsers(program: Command) {
  const users = program.command('users').description('Users in the accounts this token can reach.');

  users
    .command('list')
    .description('List the users of an account, by name (removed users are not listed).')
    .requiredOption('--account <accountId>', 'the account')
    .option('--search <text>', 'part of the name or email, or 3 or more digits of the number')
    .addOption(new Option('--number <with|without>', 'only users with a phone number, or only those without').choices(['with', 'without']))
    .option('--status <status>', 'Unregistered, Registered or Suspended')
    .option('--license <licence>', 'Basic, Plus, Pro or ProTrial')
    .option('--all', ALL_HELP)
    .action(
      withContext(
        async ({ client, json, all }, o: { account: string; search?: string; number?: string; status?: string; license?: string }) => {
          const page = await client.list<UserListItem>(
            'users',
            { accountId: o.account, q: o.search, number: o.number, status: o.status, license: o.license },
            all,
          );
          if (json) return printJson(page);
          printList(
            page,
            [
              { header: 'ID', value: (u) => u.id },
              { header: 'Name', value: (u) => u.fullName, max: 40 },
              { header: 'Email', value: (u) => u.email, max: 50 },
              { header: 'Licence', value: (u) => u.license },
              { header: 'Registration', value: (u) => u.registrationStatus },
              { header: 'Phone number', value: (u) => u.e164 ?? 'None' },
              {
                header: 'In/Out/SMS',
                value: (u) => [u.permissions.inboundCalling, u.permissions.outboundCalling, u.permissions.sms].map(onOff).join('/'),
              },
            ],
            ['user', 'users'],
          );
        },
      ),
    );

  users
    .command('show')
    .description('One user, with their phone number and telephony permissions.')
    .argument('<userId>')
    .action(
      withContext(async ({ client, json }, userId: string) => {
        const user = (await client.request<User>('GET', userPath(userId))).body;
        if (json) return printJson(user);
        printUser(user);
      }),
    );

  users
    .command('add')
    .description('Add a user to an account (as the console’s Add user form does).')
    .requiredOption('--account <accountId>', 'the account')
    .requiredOption('--name <full name>', 'their full name')
    .requiredOption('--email <email>', 'their email address')
    .option('--license <licence>', 'Basic, Plus, Pro or ProTrial (default: the account’s)')
    .option('--type <userType>', 'PrivateUser (default) or SharedDevice')
    .action(
      withContext(async ({ client, json }, o: { account: string; name: string; email: string; license?: string; type?: string }) => {
        const answer = await client.request<User>('POST', 'users', {
          body: { accountId: o.account, fullName: o.name, email: o.email, license: o.license, userType: o.type },
        });
        printChanged(json, answer.body, `Added ${answer.body.fullName} (${answer.body.id}), licence ${answer.body.license}.`);
      }),
    );

  users
    .command('suspend')
    .description('Suspend a user: they can no longer sign in; their calling and SMS go off.')
    .argument('<userId>')
    .action(
      withContext(async ({ client, json }, userId: string) => {
        const user = await changeUser(client, userId, 'suspend');
        printChanged(json, user, `Suspended ${user.fullName}.`);
      }),
    );

  users
    .command('unsuspend')
    .description('Unsuspend a user.')
    .argument('<userId>')
    .action(
      withContext(async ({ client, json }, userId: string) => {
        const user = await changeUser(client, userId, 'unsuspend');
        printChanged(json, user, `Unsuspended ${user.fullName}.`);
      }),
    );

  users
    .command('remove')
    .description('Remove a user from their account; their phone number goes back to the inventory.')
    .argument('<userId>')
    .action(
      withContext(async ({ client, json }, userId: string) => {
        const user = (await client.request<User>('DELETE', userPath(userId))).body;
        printChanged(json, user, `Removed ${user.fullName}.`);
      }),
    );
}
