import 'server-only';
import { openApiDocument } from '@/lib/api/openapi';

// The API reference as the page shows it, read from the OpenAPI document the API serves (which is
// generated from the route handlers' own zod schemas): tags, their operations, and for each its
// parameters, request body fields and responses. Plain objects, so the page only renders.

/** The little of JSON Schema (2020-12, as OpenAPI 3.1 uses it) the document's schemas are made of. */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
};

/** A type as words, with the names of the document's schemas kept apart so the page can link them. */
export type TypePart = { text: string } | { schema: string };

export type Field = {
  name: string;
  type: TypePart[];
  required: boolean;
  description: string | null;
  /** Allowed values, when the schema lists them (an enum, or a const). */
  values: string[];
  /** Limits in words: "at most 255 characters". */
  limits: string[];
};

export type Parameter = Field & { in: string };

export type Response = { status: string; description: string; body: TypePart[] | null; headers: string[] };

export type Operation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  parameters: Parameter[];
  /** The body's fields; several lists when it is one of several shapes. */
  body: { required: boolean; mediaType: string; variants: Field[][] } | null;
  responses: Response[];
};

export type Reference = {
  title: string;
  version: string;
  description: string | null;
  baseUrl: string;
  security: string | null;
  tags: { name: string; description: string | null; operations: Operation[] }[];
  /** The document's named schemas, each with its fields, for the answers that name them. */
  schemas: { name: string; description: string | null; fields: Field[]; type: TypePart[] }[];
};

type Doc = {
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, Schema>;
    securitySchemes?: Record<string, { description?: string }>;
    parameters?: Record<string, unknown>;
    responses?: Record<string, unknown>;
    requestBodies?: Record<string, unknown>;
  };
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
// zod's int() says "a safe integer" with these bounds: true, and noise to a reader.
const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

/** The schema a $ref names, or the schema itself. */
function resolve(doc: Doc, schema: Schema | undefined): Schema {
  if (!schema?.$ref) return schema ?? {};
  return doc.components?.schemas?.[refName(schema.$ref)] ?? {};
}

const refName = (ref: string) => ref.split('/').pop()!;

/** Any object the document may give by reference (a parameter, a response, a request body). */
function deref<T>(doc: Doc, value: T | { $ref: string }): T {
  const ref = (value as { $ref?: string }).$ref;
  if (!ref) return value as T;
  const [, , kind, name] = ref.split('/');
  return (doc.components as Record<string, Record<string, T>> | undefined)?.[kind!]?.[name!] ?? (value as T);
}

function join(parts: TypePart[][], word: string): TypePart[] {
  return parts.flatMap((p, i) => (i === 0 ? p : [{ text: ` ${word} ` }, ...p]));
}

export function typeOf(schema: Schema): TypePart[] {
  if (schema.$ref) return [{ schema: refName(schema.$ref) }];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return join(alternatives.map(typeOf), 'or');
  if (schema.allOf) return join(schema.allOf.map(typeOf), 'and');
  if (schema.const !== undefined) return [{ text: typeof schema.const }];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return [{ text: 'any' }];
  return join(
    types.map((t) => {
      if (t === 'array') return [{ text: 'array of ' }, ...(schema.items ? typeOf(schema.items) : [{ text: 'any' }])];
      if (t === 'string' && schema.format) return [{ text: `string (${schema.format})` }];
      return [{ text: t }];
    }),
    'or',
  );
}

function valuesOf(schema: Schema): string[] {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.flatMap(valuesOf);
  if (schema.const !== undefined) return [String(schema.const)];
  return (schema.enum ?? []).filter((v) => v !== null).map(String);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function limitsOf(schema: Schema): string[] {
  const out: string[] = [];
  if (schema.minLength !== undefined && schema.minLength > 0) out.push(`at least ${count(schema.minLength, 'character')}`);
  if (schema.maxLength !== undefined) out.push(`at most ${count(schema.maxLength, 'character')}`);
  if (schema.minItems !== undefined && schema.minItems > 0) out.push(`at least ${count(schema.minItems, 'item')}`);
  if (schema.maxItems !== undefined) out.push(`at most ${count(schema.maxItems, 'item')}`);
  if (schema.minimum !== undefined && Math.abs(schema.minimum) < SAFE_INTEGER) out.push(`from ${schema.minimum}`);
  if (schema.maximum !== undefined && Math.abs(schema.maximum) < SAFE_INTEGER) out.push(`up to ${schema.maximum}`);
  if (schema.pattern) out.push(`matches ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  const items = schema.items && !schema.items.$ref ? limitsOf(schema.items) : [];
  return [...out, ...items.map((l) => `each ${l}`)];
}

/**
 * An object schema's fields, one row each; an inline object inside it adds its own fields as
 * `parent.child` (and `list[].child` for a list of them). A named schema is not opened: the
 * page links to it.
 */
export function fieldsOf(doc: Doc, schema: Schema, prefix = ''): Field[] {
  const object = resolve(doc, schema);
  const merged = object.allOf ? object.allOf.map((s) => resolve(doc, s)) : [object];
  const rows: Field[] = [];
  for (const part of merged) {
    for (const [name, raw] of Object.entries(part.properties ?? {})) {
      const full = `${prefix}${name}`;
      rows.push({
        name: full,
        type: typeOf(raw),
        required: (part.required ?? []).includes(name),
        description: raw.description ?? null,
        values: valuesOf(raw),
        limits: limitsOf(raw),
      });
      if (!raw.$ref && raw.properties) rows.push(...fieldsOf(doc, raw, `${full}.`));
      if (!raw.$ref && raw.items && !raw.items.$ref && raw.items.properties) rows.push(...fieldsOf(doc, raw.items, `${full}[].`));
    }
  }
  return rows;
}

type RawOperation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: ({ name: string; in: string; required?: boolean; description?: string; schema?: Schema } | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> } | { $ref: string };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Schema }>; headers?: Record<string, unknown> } | { $ref: string }
  >;
};

// Every answer carries them; the page says so once instead of on every response.
const EVERYWHERE_HEADERS = new Set(['RateLimit', 'RateLimit-Policy']);

function operationOf(doc: Doc, method: string, path: string, raw: RawOperation): Operation {
  const parameters = (raw.parameters ?? []).map((p) => {
    const param = deref(doc, p) as { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
    const schema = param.schema ?? {};
    return {
      name: param.name,
      in: param.in,
      type: typeOf(schema),
      required: param.required === true || param.in === 'path',
      description: param.description ?? schema.description ?? null,
      values: valuesOf(schema),
      limits: limitsOf(schema),
    };
  });
  const requestBody = raw.requestBody ? deref(doc, raw.requestBody) : null;
  const media = requestBody?.content ? Object.keys(requestBody.content)[0] : undefined;
  let body: Operation['body'] = null;
  if (requestBody && media) {
    const schema = resolve(doc, requestBody.content![media]!.schema);
    const shapes = schema.oneOf ?? schema.anyOf;
    body = {
      required: requestBody.required === true,
      mediaType: media,
      variants: shapes ? shapes.map((s) => fieldsOf(doc, s)) : [fieldsOf(doc, schema)],
    };
  }
  const responses = Object.entries(raw.responses ?? {}).map(([status, r]) => {
    const response = deref(doc, r);
    const mediaType = response.content ? Object.keys(response.content)[0] : undefined;
    const schema = mediaType ? response.content![mediaType]!.schema : undefined;
    return {
      status,
      description: response.description ?? '',
      body: schema ? typeOf(schema) : null,
      headers: Object.keys(response.headers ?? {}).filter((h) => !EVERYWHERE_HEADERS.has(h)),
    };
  });
  return {
    id: raw.operationId ?? `${method}-${path}`,
    method: method.toUpperCase(),
    path,
    summary: raw.summary ?? '',
    description: raw.description ?? null,
    parameters,
    body,
    responses,
  };
}

/** The reference of this server's API, from the same document /api/v1/openapi.json serves. */
export function apiReference(): Reference {
  const doc = openApiDocument() as unknown as Doc;
  const operations: (Operation & { tag: string })[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const raw = item[method] as RawOperation | undefined;
      if (raw) operations.push({ ...operationOf(doc, method, path, raw), tag: raw.tags?.[0] ?? 'Other' });
    }
  }
  const tagNames = [...(doc.tags ?? []).map((t) => t.name), ...operations.map((o) => o.tag)].filter((t, i, all) => all.indexOf(t) === i);
  const schemes = Object.values(doc.components?.securitySchemes ?? {});
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description ?? null,
    baseUrl: doc.servers?.[0]?.url ?? '/',
    security: schemes[0]?.description ?? null,
    tags: tagNames
      .map((name) => ({
        name,
        description: doc.tags?.find((t) => t.name === name)?.description ?? null,
        operations: operations.filter((o) => o.tag === name),
      }))
      // A tag whose endpoints are not built yet says nothing to a reader.
      .filter((t) => t.operations.length > 0),
    schemas: Object.entries(doc.components?.schemas ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, schema]) => ({
        name,
        description: schema.description ?? null,
        fields: fieldsOf(doc, schema),
        type: typeOf({ ...schema, $ref: undefined }),
      })),
  };
}
