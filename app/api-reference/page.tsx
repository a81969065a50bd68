import { Fragment, type ReactNode } from 'react';
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { TableRegion } from '@/app/_components/table-region';
import { apiReference, type Field, type Operation, type Parameter, type TypePart } from './reference';

// The API reference: every operation of /api/v1, server-rendered from the OpenAPI document the
// API itself serves (lib/api/openapi.ts, generated from the route handlers' zod schemas), so the
// page cannot say anything the API does not do, and it reads the same with JavaScript off.
//
// For signed-in admins only, like every page of the console, although the document itself is
// public at /api/v1/openapi.json: tools (code generators, the CLI, a script checking its answers)
// fetch the JSON without a session, and it tells nothing a token does not already let its holder
// find out. The page is the console's: its readers are admins, the ones who can make a token, and
// it lives among pages that all need a session, so "every page asks who you are" stays without an
// exception to remember, and the header's navigation is the signed-in admin's.

function Type({ parts }: { parts: TypePart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        'schema' in p ? (
          <a key={i} href={`#schema-${p.schema}`}>
            {p.schema}
          </a>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}

/** The document's descriptions are CommonMark; of it they use only `code`, shown as such. */
function Text({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}</>;
}

/** A path that may break after each slash (it is one long word otherwise, at 320 px). */
function Path({ path }: { path: string }) {
  return (
    <>
      {path
        .split('/')
        .slice(1)
        .map((segment, i) => (
          <Fragment key={i}>
            <wbr />/{segment}
          </Fragment>
        ))}
    </>
  );
}

function About({ field }: { field: Field }) {
  const notes: ReactNode[] = [];
  if (field.description) notes.push(<Text text={field.description} />);
  if (field.values.length)
    notes.push(
      <>
        One of:{' '}
        {field.values.map((v, i) => (
          <Fragment key={v}>
            {i > 0 ? ', ' : null}
            <code>{v}</code>
          </Fragment>
        ))}
        .
      </>,
    );
  if (field.limits.length) notes.push(`${field.limits.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()));
  return notes.length ? (
    notes.map((n, i) => (
      <Fragment key={i}>
        {i > 0 ? ' ' : null}
        {n}
      </Fragment>
    ))
  ) : (
    <span className="muted">–</span>
  );
}

function FieldTable({ caption, label, fields, where }: { caption: string; label: string; fields: (Field | Parameter)[]; where?: boolean }) {
  return (
    <TableRegion label={label}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{where ? 'Name' : 'Field'}</th>
            {where ? <th scope="col">In</th> : null}
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={`${'in' in f ? f.in : ''}${f.name}`}>
              <td>
                <code>{f.name}</code>
              </td>
              {where && 'in' in f ? <td className="nowrap">{f.in}</td> : null}
              <td className="nowrap">
                <Type parts={f.type} />
              </td>
              <td className="nowrap">{f.required ? 'Required' : 'Optional'}</td>
              <td>
                <About field={f} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function OperationSection({ op }: { op: Operation }) {
  const name = `${op.method} ${op.path}`;
  return (
    <section aria-labelledby={`op-${op.id}`}>
      <h3 id={`op-${op.id}`}>
        <code>
          {op.method} <Path path={op.path} />
        </code>
      </h3>
      <p>
        <Text text={op.summary} />
      </p>
      {op.description ? (
        <p>
          <Text text={op.description} />
        </p>
      ) : null}
      {op.parameters.length ? <FieldTable caption="Parameters" label={`Parameters of ${name}`} fields={op.parameters} where /> : null}
      {op.body
        ? op.body.variants.map((fields, i) => (
            <FieldTable
              key={i}
              caption={`Request body (${op.body!.mediaType}, ${op.body!.required ? 'required' : 'optional'})${op.body!.variants.length > 1 ? `, form ${i + 1} of ${op.body!.variants.length}` : ''}`}
              label={`Request body of ${name}${op.body!.variants.length > 1 ? `, form ${i + 1}` : ''}`}
              fields={fields}
            />
          ))
        : null}
      <TableRegion label={`Responses of ${name}`}>
        <table>
          <caption>Responses</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Description</th>
              <th scope="col">Body</th>
            </tr>
          </thead>
          <tbody>
            {op.responses.map((r) => (
              <tr key={r.status}>
                <td className="nowrap">{r.status}</td>
                <td>
                  <Text text={r.description} />
                  {r.headers.length ? ` Headers: ${r.headers.join(', ')}.` : null}
                </td>
                <td className="nowrap">{r.body ? <Type parts={r.body} /> : <span className="muted">None</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

export default async function ApiReferencePage() {
  await requireAdmin('/api-reference');
  const ref = apiReference();
  return (
    <>
      <title>API reference – Switchboard</title>
      <h1>API reference</h1>
      {ref.description ? (
        <p>
          <Text text={ref.description} />
        </p>
      ) : null}
      <dl className="summary">
        <dt>Address</dt>
        <dd>
          <code>{ref.baseUrl}</code> on this server, for example <code>{ref.baseUrl}/accounts</code>
        </dd>
        <dt>Authentication</dt>
        <dd>
          {ref.security} Send it as <code>Authorization: Bearer &lt;token&gt;</code>; make one on the{' '}
          <Link href="/api-tokens">API tokens</Link> page. A browser session does not work here.
        </dd>
        <dt>Errors</dt>
        <dd>
          <code>application/problem+json</code>: <code>detail</code> says what went wrong, in the words the console uses, and{' '}
          <code>errors</code> names each field that was refused.
        </dd>
        <dt>Rate limits</dt>
        <dd>
          Every answer has <code>RateLimit</code> and <code>RateLimit-Policy</code> headers; a 429 also has <code>Retry-After</code>.
        </dd>
        <dt>OpenAPI document</dt>
        <dd>
          <a href={`${ref.baseUrl}/openapi.json`}>{ref.baseUrl}/openapi.json</a> (OpenAPI 3.1, version {ref.version}), for code generators
          and tools. This page is made from it.
        </dd>
      </dl>

      <nav aria-labelledby="contents">
        <h2 id="contents">Contents</h2>
        {/* Spaced as other lists of links are, so each is a target of its own (WCAG 2.5.8). */}
        <ul className="choices">
          {ref.tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#tag-${tag.name.replace(/\W+/g, '-')}`}>{tag.name}</a>
              <ul className="choices">
                {tag.operations.map((op) => (
                  <li key={op.id}>
                    <a href={`#op-${op.id}`}>
                      {op.method} <Path path={op.path} />
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#schemas">Schemas</a>
          </li>
        </ul>
      </nav>

      {ref.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name.replace(/\W+/g, '-')}`}>
          <h2 id={`tag-${tag.name.replace(/\W+/g, '-')}`}>{tag.name}</h2>
          {tag.description ? (
            <p>
              <Text text={tag.description} />
            </p>
          ) : null}
          {tag.operations.map((op) => (
            <OperationSection key={op.id} op={op} />
          ))}
        </section>
      ))}

      <section aria-labelledby="schemas">
        <h2 id="schemas">Schemas</h2>
        <p>What the operations answer with, and the bodies they take, by name.</p>
        {ref.schemas.map((s) => (
          <section key={s.name} aria-labelledby={`schema-${s.name}`}>
            <h3 id={`schema-${s.name}`}>
              <code>{s.name}</code>
            </h3>
            {s.description ? (
              <p>
                <Text text={s.description} />
              </p>
            ) : null}
            {s.fields.length ? (
              <FieldTable caption={`Fields of ${s.name}`} label={`Fields of ${s.name}`} fields={s.fields} />
            ) : (
              <p>
                <Type parts={s.type} />
              </p>
            )}
          </section>
        ))}
      </section>
    </>
  );
}
