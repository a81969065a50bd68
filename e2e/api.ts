import type { APIRequestContext } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

// The REST API's contract tests (e2e/api-*.http.ts) call the running production build through
// this client: every answer is checked against the OpenAPI document the server itself serves at
// /api/v1/openapi.json (generated from the zod schemas), for its path, method and status. An
// answer the document does not describe, or one that does not match its schema, fails the test.

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Document = { paths: Record<string, Record<string, Operation>> };

let loaded: Promise<{ doc: Document; ajv: Ajv2020 }> | undefined;

async function contract(request: APIRequestContext) {
  loaded ??= (async () => {
    const response = await request.get('/api/v1/openapi.json');
    if (!response.ok()) throw new Error(`GET /api/v1/openapi.json answered ${response.status()}`);
    const doc = (await response.json()) as Document;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    ajv.addSchema(doc as object, 'openapi.json');
    return { doc, ajv };
  })();
  return loaded;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The document's path template for a concrete path: /users/abc → /users/{userId}. */
function templateFor(doc: Document, path: string): string | undefined {
  const segments = path.split('/');
  return Object.keys(doc.paths).find((template) => {
    const t = template.split('/');
    return (
      t.length === segments.length && t.every((s, i) => (s.startsWith('{') && s.endsWith('}') ? segments[i] !== '' : s === segments[i]))
    );
  });
}

export type ApiAnswer<T = unknown> = { status: number; headers: Record<string, string>; body: T; text: string };

/** Checks `answer` for `method path` against the document; throws with what did not match. */
export async function validateAnswer(request: APIRequestContext, method: string, path: string, answer: ApiAnswer) {
  const { doc, ajv } = await contract(request);
  const apiPath = path.replace(/^\/api\/v1/, '').split('?')[0]!;
  const template = templateFor(doc, apiPath);
  if (!template) throw new Error(`${method} ${path}: no path in the OpenAPI document matches ${apiPath}`);
  const operation = doc.paths[template]![method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path}: the document has no ${method} on ${template}`);
  const status = String(answer.status);
  const response = operation.responses?.[status] ?? operation.responses?.default;
  if (!response)
    throw new Error(
      `${method} ${path}: answered ${status}, which the document does not list for ${template} (${Object.keys(operation.responses ?? {}).join(', ')})`,
    );
  const type = (answer.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (!response.content) {
    if (answer.text) throw new Error(`${method} ${path}: ${status} has a body, but the document says none`);
    return;
  }
  const media = response.content[type];
  if (!media)
    throw new Error(`${method} ${path}: ${status} came as "${type}", the document says ${Object.keys(response.content).join(', ')}`);
  const ref = `openapi.json#/${pointer('paths', template, method.toLowerCase(), 'responses', status, 'content', type, 'schema')}`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  if (!validate(answer.body)) {
    throw new Error(
      `${method} ${path}: the ${status} body does not match the document: ${ajv.errorsText(validate.errors)}\n${answer.text.slice(0, 1000)}`,
    );
  }
}

export type CallOptions = { token?: string | null; body?: unknown; headers?: Record<string, string>; validate?: boolean };

/** Calls the API as `token` and checks the answer against the document (unless `validate: false`). */
export async function api<T = unknown>(
  request: APIRequestContext,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const url = path.startsWith('/api/') || path.startsWith('/scim/') ? path : `/api/v1${path}`;
  const response = await request.fetch(url, {
    method,
    headers: options.body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    data: options.body === undefined ? undefined : JSON.stringify(options.body),
    failOnStatusCode: false,
    maxRedirects: 0,
  });
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const answer: ApiAnswer<T> = { status: response.status(), headers: response.headers(), body: body as T, text };
  if (options.validate !== false && url.startsWith('/api/v1/')) await validateAnswer(request, method, url, answer);
  return answer;
}
