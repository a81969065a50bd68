import fs from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { CliFailure } from '../client.ts';
import { ALL_HELP, withContext } from '../context.ts';
import { note, print, printJson, printList, table } from '../output.ts';
import { NO_NOTIFY, NO_NOTIFY_HELP, permissionsText, printChanged, userPath, type User } from './users.ts';

/** A row of GET /phone-numbers (lib/api/paths/phone-numbers.ts). */
type PhoneNumber = {
  id: string;
  e164: string;
  type: string;
  productType: string;
  status: string;
  assignee: { visible: true; accountName: string; fullName: string; userId: string } | { visible: false } | null;
};
type AddResult = {
  added: number;
  results: { line: number; input: string; outcome: 'added' | 'refused'; e164?: string; id?: string; error?: string }[];
};

const holder = (n: PhoneNumber) =>
  !n.assignee ? '' : n.assignee.visible ? `${n.assignee.fullName} (${n.assignee.accountName})` : 'A user in another account';

async function readLines(file: string): Promise<string[]> {
  try {
    const text = file === '-' ? await new Response(process.stdin as unknown as ReadableStream).text() : await fs.readFile(file, 'utf8');
    // Every line, blank ones too, so the API's line numbers are the file's (it skips blanks).
    return text.replace(/\r?\n$/, '').split(/\r?\n/);
  } catch (err) {
    throw new CliFailure(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 2);
  }
}

export function registerNumbers(program: Command) {
  const numbers = program.command('numbers').description('The phone number inventory, and assigning numbers to users.');

  numbers
    .command('list')
    .description('List phone numbers.')
    .option('--status <status>', 'Unassigned, Assigned or DeleteInProgress')
    .option('--search <digits>', 'any digits of the number, such as an area code')
    .option('--all', ALL_HELP)
    .action(
      withContext(async ({ client, json, all }, o: { status?: string; search?: string }) => {
        const page = await client.list<PhoneNumber>('phone-numbers', { status: o.status, q: o.search }, all);
        if (json) return printJson(page);
        printList(
          page,
          [
            { header: 'ID', value: (n) => n.id },
            { header: 'Number', value: (n) => n.e164 },
            { header: 'Status', value: (n) => n.status },
            { header: 'Type', value: (n) => n.type },
            { header: 'Product', value: (n) => n.productType },
            { header: 'Assigned to', value: holder, max: 60 },
          ],
          ['phone number', 'phone numbers'],
        );
      }),
    );

  numbers
    .command('add')
    .description('Add phone numbers to the inventory: each is added or refused on its own. Exits 1 if any was refused.')
    .argument('[numbers...]', 'numbers in E.164, such as +12065550100')
    .option('--file <path>', 'read the numbers from a file, one a line (- for standard input)')
    .addOption(
      new Option('--product-type <type>', 'what they are added as (default BusinessCalling)').choices([
        'BusinessCalling',
        'VoiceConnector',
      ]),
    )
    .action(
      withContext(async ({ client, json }, given: string[], o: { file?: string; productType?: string }) => {
        if (given.length > 0 && o.file) throw new CliFailure('Give the numbers as arguments or with --file, not both.', 2);
        if (given.length === 0 && !o.file) throw new CliFailure('Give the numbers to add, or --file with one a line.', 2);
        const lines = o.file ? await readLines(o.file) : given;
        const answer = await client.request<AddResult>('POST', 'phone-numbers', { body: { numbers: lines, productType: o.productType } });
        const refused = answer.body.results.filter((r) => r.outcome === 'refused');
        if (json) printJson(answer.body);
        else {
          if (answer.body.results.length)
            print(
              table(answer.body.results, [
                { header: o.file ? 'Line' : 'Item', value: (r) => String(r.line) },
                { header: 'Number', value: (r) => r.e164 ?? r.input, max: 40 },
                { header: 'Outcome', value: (r) => (r.outcome === 'added' ? 'Added' : 'Refused') },
                { header: 'ID / why not', value: (r) => r.id ?? r.error, max: 120 },
              ]),
            );
          note(
            `Added ${answer.body.added} phone number${answer.body.added === 1 ? '' : 's'}${refused.length ? `; ${refused.length} refused` : ''}.`,
          );
        }
        if (refused.length) process.exitCode = 1;
      }),
    );

  numbers
    .command('assign')
    .description('Assign an Unassigned number to a user who has none (their calling and SMS start off).')
    .argument('<userId>')
    .argument('<number>', 'the number in E.164 (+12065550100), or its id')
    .option(NO_NOTIFY, NO_NOTIFY_HELP)
    .action(
      withContext(async ({ client, json }, userId: string, number: string, o: { notify: boolean }) => {
        const which = number.startsWith('+') ? { e164: number } : { phoneNumberId: number };
        const answer = await client.request<User>('POST', `${userPath(userId)}/phone-number`, { body: { ...which, notify: o.notify } });
        const user = answer.body;
        const e164 = user.phoneNumber?.e164 ?? number;
        // 200: they had this number already (a repeat), so nothing changed and nobody was emailed.
        printChanged(
          json,
          user,
          answer.status === 200
            ? `${user.fullName} already has ${e164}: nothing changed.`
            : `Assigned ${e164} to ${user.fullName}: ${permissionsText(user.permissions)}.`,
        );
      }),
    );

  numbers
    .command('unassign')
    .description('Take a user’s number back into the inventory (their calling and SMS go off).')
    .argument('<userId>')
    .option(NO_NOTIFY, NO_NOTIFY_HELP)
    .action(
      withContext(async ({ client, json }, userId: string, o: { notify: boolean }) => {
        // Read first, and unassign only if nobody changed the user since (If-Match): the number
        // this says it took back is the one it took back.
        const read = await client.request<User>('GET', userPath(userId));
        const had = read.body.phoneNumber;
        const user = (
          await client.request<User>('DELETE', `${userPath(userId)}/phone-number`, {
            headers: { 'If-Match': read.headers.get('etag') ?? `"v${read.body.version}"` },
            query: { notify: String(o.notify) },
          })
        ).body;
        printChanged(json, user, `Unassigned ${had?.e164 ?? 'the phone number'} from ${user.fullName}.`);
      }),
    );
}
