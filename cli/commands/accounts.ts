import type { Command } from 'commander';
import { ALL_HELP, withContext } from '../context.ts';
import { printJson, printList } from '../output.ts';

type Account = { id: string; name: string; type: string; status: string; userCount: number };

export function registerAccounts(program: Command) {
  const accounts = program.command('accounts').description('The accounts this token can reach.');
  accounts
    .command('list')
    .description('List accounts, by name.')
    .option('--search <text>', 'part of the name')
    .option('--all', ALL_HELP)
    .action(
      withContext(async ({ client, json, all }, options: { search?: string }) => {
        const page = await client.list<Account>('accounts', { q: options.search }, all);
        if (json) return printJson(page);
        printList(
          page,
          [
            { header: 'ID', value: (a) => a.id },
            { header: 'Name', value: (a) => a.name },
            { header: 'Type', value: (a) => a.type },
            { header: 'Status', value: (a) => a.status },
            { header: 'Users', value: (a) => String(a.userCount) },
          ],
          ['account', 'accounts'],
        );
      }),
    );
}
