import type { Command } from 'commander';
import { Client } from './client.ts';

export type Context = { client: Client; json: boolean; all: boolean };

/** The client and output mode for the command being run, from the program's options and the environment. */
export function contextOf(command: Command): Context {
  const options = command.optsWithGlobals<{ url?: string; token?: string; json?: boolean; all?: boolean }>();
  return { client: new Client({ url: options.url, token: options.token }), json: Boolean(options.json), all: Boolean(options.all) };
}

/** `action` for a command whose last argument is the Command itself (commander's convention). */
export function withContext<A extends unknown[]>(handler: (ctx: Context, ...args: A) => Promise<void>) {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    await handler(contextOf(command), ...(args.slice(0, -1) as A));
  };
}

export const ALL_HELP = 'follow the Link header to list every page';
