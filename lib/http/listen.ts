// Where `npm start` (the demo) listens. The demo's admins and their password are published in the
// README, so by default it answers only on this machine (127.0.0.1): anyone on the network could
// otherwise sign in as them. HOST chooses another address, e.g. 0.0.0.0 to show the demo to a
// colleague on a trusted network. `npm run serve` (production) binds as its own -H says.
import net from 'node:net';

export const DEMO_HOST = '127.0.0.1';

export type Listen = { host: string; port: string };

/** The demo's address from the environment: HOST (an IP address or a name) and PORT. */
export function demoListen(env: Record<string, string | undefined> = process.env): Listen {
  const host = env.HOST?.trim() || DEMO_HOST;
  const port = env.PORT?.trim() || '3000';
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) throw new Error(`PORT must be a port number, not "${port}".`);
  if (!net.isIP(host) && !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(host))
    throw new Error(`HOST must be an address or a host name, not "${host}".`);
  return { host, port };
}

/** The arguments after `next start`. */
export function nextStartArgs({ host, port }: Listen): string[] {
  return ['-p', port, '-H', host];
}

/** The address to open in a browser: a wildcard address is reached through this machine. */
export function browserUrl({ host, port }: Listen): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : net.isIPv6(host) ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
