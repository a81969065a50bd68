import Link from 'next/link';

/** A GET search form, so every search has a URL an admin can bookmark or share. */
export function SearchForm({ action, q, label, hint }: { action: string; q?: string; label: string; hint?: string }) {
  return (
    <form className="search" action={action} method="get" role="search">
      <div>
        <label htmlFor="q">{label}</label>
        {hint ? (
          <p className="hint" id="q-hint">
            {hint}
          </p>
        ) : null}
        <input id="q" name="q" type="search" defaultValue={q} aria-describedby={hint ? 'q-hint' : undefined} />
      </div>
      <button type="submit" className="secondary">
        Search
      </button>
      {q ? <Link href={action}>Clear search</Link> : null}
    </form>
  );
}

export function Pagination({
  path,
  q,
  query,
  prevCursor,
  nextCursor,
}: {
  path: string;
  q?: string;
  /** Other parameters the list was filtered by, kept on every page. */
  query?: Record<string, string | readonly string[] | undefined>;
  prevCursor?: string;
  nextCursor?: string;
}) {
  if (!prevCursor && !nextCursor) return null;
  const href = (key: 'after' | 'before', cursor: string) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (typeof v === 'string' && v) params.set(k, v);
      else if (Array.isArray(v)) for (const each of v) params.append(k, each);
    }
    if (q) params.set('q', q);
    params.set(key, cursor);
    return `${path}?${params.toString()}`;
  };
  return (
    <nav className="pagination" aria-label="Pages">
      {prevCursor ? (
        <Link href={href('before', prevCursor)} rel="prev">
          ‹ Previous page
        </Link>
      ) : null}
      {nextCursor ? (
        <Link href={href('after', nextCursor)} rel="next">
          Next page ›
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * How many rows a list has, and which of them this page shows: "26–50 of 1,204 users". A page
 * reached by an old link whose cursor carries no position says "25 of 1,204 users shown".
 */
export function ListCount({ first, shown, total, one, many }: { first?: number; shown: number; total: number; one: string; many: string }) {
  const n = (v: number) => v.toLocaleString('en-US');
  const noun = total === 1 ? one : many;
  const text =
    shown === 0
      ? `0 ${many}`
      : first === undefined
        ? `${n(shown)} of ${n(total)} ${noun} shown`
        : `${n(first)}–${n(first + shown - 1)} of ${n(total)} ${noun}`;
  return (
    <p className="list-count" id="list-count">
      {text}
    </p>
  );
}

export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {items.map((item) => (
          <li key={item.label}>{item.href ? <Link href={item.href}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

export function permissionSummary(p: { inboundCalling: boolean; outboundCalling: boolean; sms: boolean }): string {
  const on = [p.inboundCalling && 'Inbound calling', p.outboundCalling && 'Outbound calling', p.sms && 'SMS'].filter(Boolean);
  return on.length ? on.join(', ') : 'None';
}

export function OnOff({ on }: { on: boolean }) {
  return <span className={`tag${on ? ' on' : ''}`}>{on ? 'On' : 'Off'}</span>;
}
