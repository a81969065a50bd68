// The `switchboard` CLI against the production build: each command run as a child process, as a
// script would run it (`node cli/switchboard.mjs …`, SWITCHBOARD_URL and SWITCHBOARD_TOKEN in its
// environment), checked for its output, its exit code, and its effect read back through the API.
// Each run costs a second or so of startup, so each test groups what one journey needs.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base } from '@playwright/test';
import { api } from './api';
import fixture from './cli.fixture';
import { formatted } from './fixture';

const test = base.extend<{ data: ReturnType<typeof fixture.data> }>({
  data: async ({}, use, testInfo) => use(fixture.data(testInfo.project.name)),
});

type Run = { code: number; stdout: string; stderr: string };
type User = {
  id: string;
  fullName: string;
  accountId: string;
  suspended: boolean;
  removedAt: string | null;
  phoneNumber: { id: string; e164: string } | null;
  permissions: { inboundCalling: boolean; outboundCalling: boolean; sms: boolean };
};

/** Runs the CLI; the token it was given must appear in nothing it prints. */
async function cli(baseURL: string | undefined, token: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { SWITCHBOARD_URL: _url, SWITCHBOARD_TOKEN: _token, ...inherited } = process.env;
  const run = await new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      ['cli/switchboard.mjs', ...args],
      { env: { ...inherited, SWITCHBOARD_URL: baseURL!, SWITCHBOARD_TOKEN: token, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
  expect(run.stdout + run.stderr, 'the token is never printed').not.toContain(token);
  return run;
}

const lineWith = (text: string, ...parts: string[]) => text.split('\n').find((line) => parts.every((p) => line.includes(p)));

test('accounts as a table; a usage error exits 2, a refused token or an unreachable server 3', async ({ baseURL, data }) => {
  const token = data.token.secret;
  const forged = `sb_pat_${'x'.repeat(43)}`;
  const [accounts, usage, refused, unreachable] = await Promise.all([
    cli(baseURL, token, ['accounts', 'list', '--search', data.account.name]),
    cli(baseURL, token, ['users', 'list', '--search', 'x']),
    cli(baseURL, forged, ['accounts', 'list']),
    cli('http://127.0.0.1:1', token, ['accounts', 'list']),
  ]);
  expect(accounts.code).toBe(0);
  expect(accounts.stdout.split('\n')[0]).toMatch(/^ID +Name +Type +Status +Users$/);
  expect(lineWith(accounts.stdout, data.account.id, data.account.name, 'Active')).toBeDefined();
  expect(accounts.stdout.trim().split('\n')).toHaveLength(2);

  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain("required option '--account <accountId>' not specified");
  expect(usage.stdout).toBe('');

  expect(refused.code).toBe(3);
  expect(refused.stderr).toBe('switchboard: That API token is not valid.\n');
  expect(refused.stdout, 'no token of ours in what it printed either').not.toContain(forged);

  expect(unreachable.code).toBe(3);
  expect(unreachable.stderr).toContain('Cannot reach http://127.0.0.1:1');
});

test('a user’s day: add, list, assign, permissions, show, a refused assign, unassign, suspend, remove, and the audit log', async ({
  baseURL,
  request,
  data,
}) => {
  const token = data.token.secret;
  const run = (...args: string[]) => cli(baseURL, token, args);
  const read = async (userId: string) => (await api<User>(request, 'GET', `/users/${userId}`, { token })).body;
  const name = data.newUser.fullName;

  const added = await run('users', 'add', '--account', data.account.id, '--name', name, '--email', data.newUser.email, '--json');
  expect(added.code).toBe(0);
  const user = JSON.parse(added.stdout) as User;
  expect(user).toMatchObject({ fullName: name, accountId: data.account.id, phoneNumber: null });

  const listed = await run('users', 'list', '--account', data.account.id, '--search', name);
  expect(listed.code).toBe(0);
  expect(listed.stdout.split('\n')[0]).toMatch(/^ID +Name +Email +Licence +Registration +Phone number +In\/Out\/SMS$/);
  expect(lineWith(listed.stdout, user.id, name, data.newUser.email, 'None', 'Off/Off/Off')).toBeDefined();

  const assigned = await run('numbers', 'assign', user.id, data.free.e164);
  expect(assigned).toMatchObject({ code: 0, stderr: '' });
  expect(assigned.stdout).toBe(`Assigned ${data.free.e164} to ${name}: inbound calling Off, outbound calling Off, SMS Off.\n`);

  const set = await run('permissions', 'set', user.id, '--inbound', 'on', '--outbound', 'on');
  expect(set.code).toBe(0);
  expect(set.stdout).toBe(`${name}: inbound calling On, outbound calling On, SMS Off.\n`);

  const shown = await run('users', 'show', user.id);
  expect(shown.code).toBe(0);
  expect(shown.stdout).toMatch(new RegExp(`^Phone number: +\\${data.free.e164} \\(${data.free.id}\\)$`, 'm'));
  expect(shown.stdout).toMatch(/^Inbound calling: +On$/m);
  expect(shown.stdout).toMatch(/^Outbound calling: +On$/m);
  expect(shown.stdout).toMatch(/^SMS: +Off$/m);

  // A number someone holds: refused with the console's words, and nothing changed.
  const taken = await run('numbers', 'assign', data.waiting.id, data.holder.e164, '--json');
  expect(taken.code).toBe(1);
  const message = `${formatted(data.holder.e164)} was assigned to someone else. Choose another number.`;
  expect(taken.stderr).toBe(`switchboard: ${message}\n`);
  expect(JSON.parse(taken.stdout)).toMatchObject({ status: 409, detail: message });
  expect((await read(data.waiting.id)).phoneNumber).toBeNull();
  expect((await read(data.holder.id)).phoneNumber?.e164).toBe(data.holder.e164);

  const unassigned = await run('numbers', 'unassign', user.id);
  expect(unassigned.code).toBe(0);
  expect(unassigned.stdout).toBe(`Unassigned ${data.free.e164} from ${name}.\n`);
  expect(await read(user.id)).toMatchObject({
    phoneNumber: null,
    permissions: { inboundCalling: false, outboundCalling: false, sms: false },
  });

  const suspended = await run('users', 'suspend', user.id);
  expect(suspended).toMatchObject({ code: 0, stdout: `Suspended ${name}.\n` });
  expect((await read(user.id)).suspended).toBe(true);

  const removed = await run('users', 'remove', user.id);
  expect(removed).toMatchObject({ code: 0, stdout: `Removed ${name}.\n` });
  expect((await read(user.id)).removedAt).not.toBeNull();

  // Every change is in the audit log, through this token.
  const [log, logJson] = await Promise.all([
    run('audit', 'list', '--user', user.id),
    run('audit', 'list', '--user', user.id, '--limit', '2', '--json'),
  ]);
  expect(log.code).toBe(0);
  for (const action of [
    'Added user',
    'Assigned phone number',
    'Edited telephony permissions',
    'Unassigned phone number',
    'Suspended user',
    'Removed user',
  ])
    expect(lineWith(log.stdout, action, 'Done', data.token.name, name), action).toBeDefined();
  expect(logJson.code).toBe(0);
  const page = JSON.parse(logJson.stdout) as { items: { action: string; token: { name: string } }[]; next: string | null };
  expect(page.items.map((e) => [e.action, e.token.name])).toEqual([
    ['remove-user', data.token.name],
    ['suspend-user', data.token.name],
  ]);
  expect(page.next).not.toBeNull();
});

test('numbers: added from a file line by line, a refused line exits 1, and found by their digits', async ({ baseURL, data }, testInfo) => {
  const token = data.token.secret;
  const file = path.join(os.tmpdir(), `switchboard-cli-${data.run}-${testInfo.workerIndex}.txt`);
  await fs.writeFile(file, `${data.toAdd[0]}\n\nnot a number\n${data.toAdd[1]}\n`);
  const added = await cli(baseURL, token, ['numbers', 'add', '--file', file]);
  await fs.rm(file);
  expect(added.code).toBe(1);
  expect(lineWith(added.stdout, '1 ', data.toAdd[0]!, 'Added')).toBeDefined();
  expect(lineWith(added.stdout, '3 ', 'not a number', 'Refused')).toBeDefined();
  expect(lineWith(added.stdout, '4 ', data.toAdd[1]!, 'Added')).toBeDefined();
  expect(added.stderr).toBe('Added 2 phone numbers; 1 refused.\n');

  const found = await cli(baseURL, token, ['numbers', 'list', '--search', data.toAdd[0]!.slice(2), '--json']);
  expect(found.code).toBe(0);
  const page = JSON.parse(found.stdout) as { items: { e164: string; status: string }[] };
  expect(page.items.map((n) => [n.e164, n.status])).toEqual([[data.toAdd[0], 'Unassigned']]);
});

test('--all follows the Link header to every page; without it, one page and a note', async ({ baseURL, data }) => {
  const token = data.token.secret;
  const [all, first] = await Promise.all([
    cli(baseURL, token, ['users', 'list', '--account', data.crowded.id, '--all', '--json']),
    cli(baseURL, token, ['users', 'list', '--account', data.crowded.id]),
  ]);
  expect(all.code).toBe(0);
  const page = JSON.parse(all.stdout) as { items: { id: string }[]; next: string | null };
  expect(page.items.map((u) => u.id).sort()).toEqual([...data.crowded.userIds].sort());
  expect(page.next).toBeNull();
  expect(first.code).toBe(0);
  expect(first.stdout.trim().split('\n')).toHaveLength(1 + 25);
  expect(first.stderr).toBe('More users than shown: add --all to list every page.\n');
});
