// `switchboard`: the command line for Switchboard's REST API (docs/cli.md). Each command is one
// or two API calls; the rules, refusals and audit trail are the server's, so the CLI only turns
// a command line into a request and the answer into a table (or, with --json, the API's JSON).
//
// Exit codes: 0 done; 1 refused, conflict or not found (the API's problem detail is printed);
// 2 usage (commander's own errors, a missing URL or token); 3 the API could not be asked or could
// not judge (unreachable, not a Switchboard, the token refused, rate limited, a server error).
import { Command, CommanderError, Option } from 'commander';
import { CliFailure } from './client.ts';
import { registerAccounts } from './commands/accounts.ts';
import { registerAudit } from './commands/audit.ts';
import { registerNumbers } from './commands/numbers.ts';
import { registerPermissions } from './commands/permissions.ts';
import { registerUsers } from './commands/users.ts';
import { printJson } from './output.ts';

export function buildProgram(): Command {
  const program = new Command('switchboard')
    .description('Manage Switchboard users, phone numbers and telephony permissions through its REST API.')
    .addOption(new Option('--url <url>', 'the Switchboard to talk to, such as https://switchboard.example.com').env('SWITCHBOARD_URL'))
    // Never a default shown in --help: the value of a token must not be printed anywhere.
    .addOption(
      new Option('--token <token>', 'a personal API token (prefer the environment variable: flags show in `ps`)').env('SWITCHBOARD_TOKEN'),
    )
    .option('--json', 'print the API’s JSON as it is, for scripts')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerAccounts(program);
  registerUsers(program);
  registerNumbers(program);
  registerPermissions(program);
  registerAudit(program);
  // Subcommands inherit exitOverride only if set before they are added; set it on each.
  const override = (command: Command) => {
    command.exitOverride().showHelpAfterError('(add --help for usage)');
    command.commands.forEach(override);
  };
  program.commands.forEach(override);
  return program;
}

/** Runs a command line (without `node` and the script); resolves to the exit code. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    // A command that printed its results but was partly refused (numbers add) says so here.
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2; // help and version are 0; usage errors 2
    if (err instanceof CliFailure) {
      if (program.opts<{ json?: boolean }>().json && err.problem) printJson(err.problem);
      process.stderr.write(`switchboard: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`switchboard: ${err instanceof Error ? err.message : String(err)}\n`);
    return 3;
  }
}

process.exitCode = await run(process.argv.slice(2));
