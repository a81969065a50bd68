// Talking to `next start` instances as a browser without JavaScript would, for the scripts that
// prove things over HTTP (scripts/race.ts, scripts/authz-matrix.ts): read a page's text and
// forms, keep cookies, sign in through next-auth's credentials endpoints, post a form as
// multipart with an Origin header; and run the servers themselves on a scratch PostgreSQL
// database (local servers only).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { assertLocalDatabase } from '../lib/test/local';

export const root = path.resolve(import.meta.dirname, '..');
export const NEXT_BIN = path.join(root, 'node_modules/next/dist/bin/next');
export const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

// ---------------------------------------------------------------------------------------------
// HTML without a browser

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const withoutScripts = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<!--[\s\S]*?-->/g, '');

/** The page's visible text, in one line: no scripts (the RSC payload repeats every string), no tags. */
export function textOf(html: string): string {
  return decodeEntities(withoutScripts(html).replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const m of tag.matchAll(re)) out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

export type ParsedForm = {
  /** What the form would post as rendered: hidden fields, texts, checked boxes and radios, in order. */
  fields: [string, string][];
  /** Every radio choice offered, by name. */
  radios: Record<string, string[]>;
  /** Every checkbox, by name. */
  checkboxes: string[];
};

/** The form whose submit button reads `button`, or null when the page has none. */
export function findForm(html: string, button: string): ParsedForm | null {
  for (const m of withoutScripts(html).matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gi)) {
    const body = m[1]!;
    const buttons = [...body.matchAll(/<button\b[^>]*>([\s\S]*?)<\/button>/gi)].map((b) => textOf(b[1]!));
    if (!buttons.includes(button)) continue;
    const form: ParsedForm = { fields: [], radios: {}, checkboxes: [] };
    for (const input of body.matchAll(/<input\b([^>]*)>/gi)) {
      const a = attributes(input[1]!.replace(/\/$/, ''));
      if (!a.name) continue;
      const type = (a.type ?? 'text').toLowerCase();
      const checked = 'checked' in a;
      if (type === 'radio') {
        (form.radios[a.name] ??= []).push(a.value ?? 'on');
        if (checked) form.fields.push([a.name, a.value ?? 'on']);
      } else if (type === 'checkbox') {
        form.checkboxes.push(a.name);
        if (checked) form.fields.push([a.name, a.value ?? 'on']);
      } else if (!['submit', 'button', 'image', 'reset', 'file'].includes(type)) {
        form.fields.push([a.name, a.value ?? '']);
      }
    }
    return form;
  }
  return null;
}

/** The messages of the error summary ("There is a problem"), or null when there is none. */
export function problemsOf(html: string): string[] | null {
  const clean = withoutScripts(html);
  const at = clean.indexOf('There is a problem');
  if (at < 0) return null;
  const end = clean.indexOf('</ul>', at);
  const list = clean.slice(at, end < 0 ? undefined : end);
  const items = [...list.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/gi)].map((li) => textOf(li[1]!));
  return items.length ? items : [textOf(list)];
}

export function setField(fields: [string, string][], name: string, value: string | null): [string, string][] {
  const out = fields.filter(([n]) => n !== name);
  if (value !== null) out.push([name, value]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// HTTP without a browser

/** One admin's cookies. Both instances are one site (as behind a load balancer), so one jar. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  /** Puts a cookie in the jar as if the server had set it (a forged or minted one, say). */
  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired =
        value === '' ||
        attrs.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a)) ||
        attrs.some((a) => {
          const m = a.match(/^\s*expires\s*=\s*(.+)$/i);
          return m ? Date.parse(m[1]!) <= Date.now() : false;
        });
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export type Instance<N extends string = string> = {
  name: N;
  port: number;
  origin: string;
  child: ChildProcess | null;
  logFile: string;
  killedAt: number | null;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export type Answer = { status: number; location: string | null; html: string };

// Set by the script that runs (setRequestTimeout); one run at a time per process.
let requestTimeoutMs = 15_000;

export function setRequestTimeout(ms: number): void {
  requestTimeoutMs = ms;
}

export async function request(instance: Instance, pathname: string, jar: CookieJar | null, init: RequestInit = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  const cookie = jar?.header();
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(instance.origin + pathname, {
    ...init,
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  jar?.take(response);
  const html = await response.text();
  const location = response.headers.get('location');
  return { status: response.status, location: location ? new URL(location, instance.origin).pathname : null, html };
}

/** Signs in with next-auth's credentials endpoints, as a form post from a page without JavaScript. */
export async function signIn(instance: Instance, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await request(instance, '/api/auth/csrf', jar);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf on ${instance.name} answered ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.html) as { csrfToken?: string };
  if (!csrfToken) throw new Error(`GET /api/auth/csrf on ${instance.name} gave no csrfToken`);
  const answer = await request(instance, '/api/auth/callback/credentials', jar, {
    method: 'POST',
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: '/accounts' }),
    headers: { Origin: instance.origin }, // as a browser sends it; the server refuses cross-site posts
  });
  if (!jar.has('authjs.session-token') || ![302, 303].includes(answer.status) || answer.location?.startsWith('/login')) {
    throw new Error(`Signing in as ${email} on ${instance.name} failed: ${answer.status} → ${answer.location ?? '(no redirect)'}`);
  }
  return jar;
}

export type Outcome = { kind: 'success' } | { kind: 'refused'; messages: string[] } | { kind: 'unexpected'; detail: string };

/** Posts a form's fields as multipart/form-data, as a browser without JavaScript does. */
export async function postForm(
  instance: Instance,
  pathname: string,
  jar: CookieJar,
  fields: [string, string][],
  successPath: string,
): Promise<Outcome> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  const answer = await request(instance, pathname, jar, { method: 'POST', body, headers: { Origin: instance.origin } });
  if ([302, 303, 307].includes(answer.status) && answer.location === successPath) return { kind: 'success' };
  if (answer.status === 200) {
    const messages = problemsOf(answer.html);
    if (messages) return { kind: 'refused', messages };
  }
  const text = textOf(answer.html).slice(0, 160);
  return { kind: 'unexpected', detail: `${answer.status}${answer.location ? ` → ${answer.location}` : ''}${text ? `: ${text}` : ''}` };
}

export const transportMessage = (err: unknown) => {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.cause?.message ?? e.message);
};

// ---------------------------------------------------------------------------------------------
// Database and servers

/** The suite's one guard (lib/test/local.ts): a PostgreSQL server on this machine, or an error. */
export const assertLocal = assertLocalDatabase;

export function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export function tail(file: string, lines = 25): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function startInstance<N extends string>(name: N, port: number, env: Record<string, string>, logDir: string): Instance<N> {
  const logFile = path.join(logDir, `instance-${name}.log`);
  const fd = fs.openSync(logFile, 'a');
  // Its own process group, so that killing it (SIGKILL included) takes anything it started with it.
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  fs.closeSync(fd);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { name, port, origin: `http://127.0.0.1:${port}`, child, logFile, killedAt: null, exited };
}

export function signalInstance(instance: Instance, signal: NodeJS.Signals): void {
  const pid = instance.child?.pid;
  if (!pid || instance.child?.exitCode !== null || instance.child.signalCode !== null) return;
  try {
    process.kill(-pid, signal); // the group we started
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export async function stopInstance(instance: Instance): Promise<void> {
  if (!instance.child || instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  signalInstance(instance, 'SIGTERM');
  const stopped = await Promise.race([instance.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
  if (!stopped) {
    signalInstance(instance, 'SIGKILL');
    await instance.exited;
  }
}

export async function waitUntilReady(instance: Instance, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void instance.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Instance ${instance.name} exited before answering. Its log:\n${tail(instance.logFile)}`);
    try {
      const answer = await fetch(`${instance.origin}/login`, { signal: AbortSignal.timeout(5000) });
      await answer.arrayBuffer();
      if (answer.status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Instance ${instance.name} did not answer GET /login within ${timeoutMs / 1000} s. Its log:\n${tail(instance.logFile)}`);
}

export function buildAge(): { exists: boolean; stale: boolean } {
  const built = fs.statSync(path.join(root, '.next', 'BUILD_ID'), { throwIfNoEntry: false });
  if (!built) return { exists: false, stale: true };
  let newest = 0;
  const visit = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      if (['node_modules', 'generated', '.next'].includes(path.basename(p))) return;
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of ['app', 'lib', 'instrumentation.ts', 'proxy.ts', 'next.config.js', 'prisma/schema.prisma']) visit(path.join(root, p));
  return { exists: true, stale: built.mtimeMs < newest };
}
