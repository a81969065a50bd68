// The CLI's one way to the API: fetch with the bearer token, JSON in and out, and every failure
// turned into an error that says which exit code it earns (docs/cli.md). The token goes into the
// Authorization header and nowhere else: no message, no error, no debug output carries it.

/** 1: the API refused (problem details); 3: the API could not be asked or could not judge. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3,
    /** The problem+json body, for --json output. */
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

export type Problem = { type?: string; title?: string; status: number; detail?: string; errors?: { field: string; message: string }[] };
export type Answer<T> = { status: number; headers: Headers; body: T };
export type ListPage<T> = { items: T[]; next: string | null; prev: string | null };

export type ClientOptions = { url?: string; token?: string };

const TIMEOUT_MS = 30_000;

/** Statuses that say nothing about the request itself: fix the setup or try again later. */
const NOT_DECIDED = new Set([401, 408, 429]);

export class Client {
  readonly base: URL;
  readonly #token: string;

  constructor(options: ClientOptions) {
    if (!options.url) throw new CliFailure('Say which Switchboard to talk to: set SWITCHBOARD_URL or pass --url.', 2);
    if (!options.token)
      throw new CliFailure('An API token is needed: set SWITCHBOARD_TOKEN (make one on the console’s API tokens page).', 2);
    let base: URL;
    try {
      base = new URL(options.url);
    } catch {
      throw new CliFailure(`SWITCHBOARD_URL is not a URL: ${options.url}`, 2);
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:')
      throw new CliFailure('SWITCHBOARD_URL must start with https:// (or http://).', 2);
    // https://switchboard.example and https://switchboard.example/api/v1 both mean the same API.
    base.pathname = `${base.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}/api/v1/`;
    base.search = '';
    base.hash = '';
    this.base = base;
    this.#token = options.token;
  }

  /** `path` is relative to /api/v1 ("users/abc"), or an absolute path from a Link header. */
  url(path: string, query: Record<string, string | number | undefined> = {}): URL {
    const url = path.startsWith('/') ? new URL(path, this.base.origin) : new URL(path, this.base);
    for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    return url;
  }

  async request<T>(
    method: string,
    path: string,
    options: { query?: Record<string, string | number | undefined>; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> {
    const url = this.url(path, options.query);
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      Authorization: `Bearer ${this.#token}`,
      'User-Agent': 'switchboard-cli',
      ...options.headers,
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        // A redirect is not the API (a sign-in page, http → https): say so rather than follow it
        // with the token.
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new CliFailure(`Cannot reach ${this.base.origin}: ${reason(err)}`, 3);
    }
    const text = await response.text();
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    let body: unknown;
    if (type === 'application/json' || type === 'application/problem+json') {
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        throw new CliFailure(`${this.base.origin} answered ${response.status} with JSON that does not parse.`, 3);
      }
    }
    if (response.status >= 300 && response.status < 400)
      throw new CliFailure(
        `${this.base.origin} answered with a redirect to ${response.headers.get('location') ?? 'somewhere else'}: is SWITCHBOARD_URL right?`,
        3,
      );
    if (response.ok) {
      if (text && body === undefined)
        throw new CliFailure(`${url.origin}${url.pathname} did not answer JSON: is SWITCHBOARD_URL a Switchboard?`, 3);
      return { status: response.status, headers: response.headers, body: body as T };
    }
    if (type !== 'application/problem+json' || typeof body !== 'object' || body === null)
      throw new CliFailure(
        `${this.base.origin} answered ${response.status} ${response.statusText}${response.status === 404 ? ': is SWITCHBOARD_URL right?' : ''}`,
        3,
      );
    const problem = body as Problem;
    const message = problemMessage(problem);
    if (NOT_DECIDED.has(response.status) || response.status >= 500) throw new CliFailure(message, 3, problem);
    throw new CliFailure(message, 1, problem);
  }

  /** One page of a list, or with `all` every page, following the Link header's rel="next". */
  async list<T>(path: string, query: Record<string, string | number | undefined>, all: boolean): Promise<ListPage<T>> {
    const first = await this.request<ListPage<T>>('GET', path, { query });
    const items = [...first.body.items];
    let next = first.body.next;
    let link = nextLink(first.headers);
    while (all && link) {
      const page = await this.request<ListPage<T>>('GET', link);
      items.push(...page.body.items);
      next = page.body.next;
      link = nextLink(page.headers);
    }
    // Anything else the first page says (a count of every match) stays, for --json.
    return { ...first.body, items, next };
  }
}

/**
 * The problem's detail (the console's message for the same refusal). A 400 also names each field,
 * since a command line has no form to point at; a refusal's detail says it all.
 */
export function problemMessage(problem: Problem): string {
  const detail = problem.detail ?? problem.title ?? `The server answered ${problem.status}.`;
  const errors = problem.status === 400 ? (problem.errors ?? []) : [];
  if (errors.length === 1 && errors[0]!.message === detail) return `${errors[0]!.field}: ${detail}`;
  return [detail, ...errors.filter((e) => e.message !== detail).map((e) => `  ${e.field}: ${e.message}`)].join('\n');
}

/** The rel="next" target of a Link header (RFC 8288), or null. */
export function nextLink(headers: Headers): string | null {
  const link = headers.get('link');
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = part.match(/<([^>]*)>\s*;\s*rel="?next"?/);
    if (match) return match[1]!;
  }
  return null;
}

function reason(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? err.message;
  }
  return String(err);
}
