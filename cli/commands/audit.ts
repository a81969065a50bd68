import { InvalidArgumentError, type Command } from 'commander';
import { nextLink, type ListPage } from '../client.ts';
import { ALL_HELP, withContext } from '../context.ts';
import { printJson, printList } from '../output.ts';

type Subject = { id: string; label: string } | null;
type AuditEvent = {
  id: string;
  at: string;
  admin: { id: string; name: string; email: string } | null;
  signInEmail: string | null;
  token: { id: string; name: string } | null;
  action: string;
  actionLabel: string;
  outcome: string;
  account: Subject;
  user: Subject;
  phoneNumber: Subject;
  changes: { field: string; before?: string; after?: string }[];
  requested: boolean;
  detail: string | null;
};

/** The API's largest page of events. */
const MAX_PAGE = 100;

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('Give a whole number of 1 or more.');
  return n;
}

const change = (c: AuditEvent['changes'][number]) =>
  c.before !== undefined && c.after !== undefined ? `${c.field}: ${c.before} → ${c.after}` : `${c.field}: ${c.before ?? c.after}`;

type Options = {
  account?: string;
  user?: string;
  number?: string;
  admin?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
  limit?: number;
};

export function registerAudit(program: Command) {
  const audit = program.command('audit').description('The audit log: every change and every refusal, newest first.');
  audit
    .command('list')
    .description('List audit events, newest first (one page of 25 unless --limit or --all).')
    .option('--account <accountId>', 'events about this account')
    .option('--user <userId>', 'events about this user')
    .option('--number <phoneNumberId>', 'events about this phone number')
    .option('--admin <adminId>', 'events by this admin')
    .option('--action <action>', 'one action, such as assign-phone-number')
    .option('--outcome <outcome>', 'Done, Denied, Conflict or Invalid')
    .option('--from <YYYY-MM-DD>', 'from the start of this UTC day')
    .option('--to <YYYY-MM-DD>', 'to the end of this UTC day')
    .option('--limit <n>', 'at most this many events (pages are read until there are)', positiveInteger)
    .option('--all', ALL_HELP)
    .action(
      withContext(async ({ client, json, all }, options: Options) => {
        const filters = {
          accountId: options.account,
          userId: options.user,
          phoneNumberId: options.number,
          adminId: options.admin,
          action: options.action,
          outcome: options.outcome,
          from: options.from,
          to: options.to,
        };
        // Each page asks for what is still wanted, so the last page ends exactly at --limit and its
        // `next` cursor is still right.
        let wanted = options.limit ?? (all ? Infinity : undefined);
        const size = () => (wanted === undefined ? undefined : Math.min(wanted, MAX_PAGE));
        const first = await client.request<ListPage<AuditEvent>>('GET', 'audit-events', { query: { ...filters, limit: size() } });
        const items = [...first.body.items];
        let next = first.body.next;
        let link = nextLink(first.headers);
        if (wanted !== undefined) wanted -= first.body.items.length;
        while (wanted !== undefined && wanted > 0 && link) {
          const url = client.url(link);
          url.searchParams.set('limit', String(size()));
          const page = await client.request<ListPage<AuditEvent>>('GET', `${url.pathname}${url.search}`);
          items.push(...page.body.items);
          wanted -= page.body.items.length;
          next = page.body.next;
          link = nextLink(page.headers);
        }
        const list = { items, next, prev: first.body.prev };
        if (json) return printJson(list);
        printList(
          list,
          [
            { header: 'Time (UTC)', value: (e) => e.at.replace('T', ' ').replace(/\.\d+Z$/, '') },
            { header: 'Admin', value: (e) => e.admin?.name ?? e.signInEmail ?? 'System', max: 30 },
            { header: 'Token', value: (e) => e.token?.name ?? '', max: 30 },
            { header: 'Action', value: (e) => e.actionLabel },
            { header: 'Outcome', value: (e) => e.outcome },
            { header: 'Account', value: (e) => e.account?.label, max: 30 },
            { header: 'User', value: (e) => e.user?.label, max: 30 },
            { header: 'Phone number', value: (e) => e.phoneNumber?.label, max: 30 },
            {
              header: 'Changes',
              value: (e) =>
                [e.requested ? 'Asked for: ' : '', e.changes.map(change).join('; '), e.detail ? ` ${e.detail}` : ''].join('').trim(),
              max: 120,
            },
          ],
          ['event', 'events'],
        );
      }),
    );
}
