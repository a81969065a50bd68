import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { listPhoneNumbersWithCount, VIEWS } from '@/lib/inventory/phone-numbers';
import { parseInventoryParams } from '@/lib/inventory/params';
import { VIEW_NAMES } from '@/lib/inventory/views';
import { nextSort, sortParts, type InventorySort, type SortColumn } from '@/lib/inventory/sort';
import { label } from '@/lib/kernel/labels';
import { parseListParams } from '@/lib/kernel/pagination';
import { formatPhoneNumber } from '@/lib/kernel/phone';
import { ListCount, Pagination } from '@/app/_components/list-controls';
import { NumbersAddedBanner } from '@/app/_components/numbers-added-banner';
import { AssigneeCell } from './assignee';
import { TableRegion } from '@/app/_components/table-region';

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

const SORT_CAPTIONS = {
  number: 'by number',
  '-number': 'by number, highest first',
  status: 'by status',
  '-status': 'by status, last first',
  added: 'oldest first',
  '-added': 'newest first',
} as const;

/**
 * A sortable heading: a link to this list sorted by it (the other way round when it is the sort
 * already), from the first page; aria-sort says which column sorts the list, and how.
 */
function SortableHeading({
  column,
  sort,
  query,
  children,
}: {
  column: SortColumn;
  sort: InventorySort;
  query: Record<string, string | undefined>;
  children: string;
}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, sort: nextSort(sort, column) }))
    if (v && !(k === 'sort' && v === 'number')) params.set(k, v);
  const sorted = sortParts(sort);
  const active = sorted.column === column;
  const href = params.size ? `/phone-numbers?${params.toString()}` : '/phone-numbers';
  return (
    <th scope="col" aria-sort={active ? (sorted.descending ? 'descending' : 'ascending') : undefined}>
      <Link href={href}>
        {children}
        {active ? <span aria-hidden="true">{sorted.descending ? ' ▼' : ' ▲'}</span> : null}
      </Link>
    </th>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PhoneNumbersPage({ searchParams }: Props) {
  const raw = await searchParams;
  const list = parseListParams(raw);
  const filters = parseInventoryParams(raw);
  const admin = await requireAdmin('/phone-numbers');
  // Two queries side by side: the views' counts (under the search, if any), from which the list's
  // own count is summed, and the page of numbers.
  const {
    summary: { counts, countries: found },
    page,
  } = await listPhoneNumbersWithCount(admin, filters, list);
  // The country chosen stays a choice even when no number matches the search there.
  const countries = filters.country && !found.includes(filters.country) ? [...found, filters.country].sort() : found;
  const query = {
    view: filters.view === 'all' ? undefined : filters.view,
    type: filters.type,
    productType: filters.productType,
    country: filters.country,
    sort: filters.sort === 'number' ? undefined : filters.sort,
  };
  const viewHref = (view: string) => {
    const params = new URLSearchParams();
    if (view !== 'all') params.set('view', view);
    for (const [k, v] of Object.entries({
      q: list.q,
      type: filters.type,
      productType: filters.productType,
      country: filters.country,
      sort: query.sort,
    }))
      if (v) params.set(k, v);
    const s = params.toString();
    return s ? `/phone-numbers?${s}` : '/phone-numbers';
  };
  const headingQuery = { ...query, q: list.q };
  const viewLabel = VIEWS[filters.view].label;
  return (
    <>
      <title>{`Phone numbers${filters.view === 'all' ? '' : ` – ${viewLabel}`} – Switchboard`}</title>
      <NumbersAddedBanner />
      <h1>Phone numbers</h1>
      <p>
        <Link href="/phone-numbers/overview">Overview</Link>
        {admin.canChange ? (
          <>
            {' · '}
            <Link href="/phone-numbers/add">Add phone numbers</Link>
          </>
        ) : null}
      </p>
      <nav aria-label="Views" className="tabs">
        <ul>
          {VIEW_NAMES.map((view) => (
            <li key={view}>
              <Link href={viewHref(view)} aria-current={view === filters.view ? 'page' : undefined}>
                {VIEWS[view].label} <span className="count">({counts[view]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form className="search filters" action="/phone-numbers" method="get" role="search">
        {filters.view !== 'all' ? <input type="hidden" name="view" value={filters.view} /> : null}
        {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
        <div>
          <label htmlFor="q">Search by digits</label>
          <p className="hint" id="q-hint">
            Any part of the number; spaces, dashes, brackets and + are ignored
          </p>
          <input id="q" name="q" type="search" inputMode="tel" defaultValue={list.q} aria-describedby="q-hint" />
        </div>
        <div>
          <label htmlFor="type">Type</label>
          <select id="type" name="type" defaultValue={filters.type ?? ''}>
            <option value="">Any</option>
            <option value="Local">Local</option>
            <option value="TollFree">Toll-free</option>
          </select>
        </div>
        <div>
          <label htmlFor="productType">Product type</label>
          <select id="productType" name="productType" defaultValue={filters.productType ?? ''}>
            <option value="">Any</option>
            <option value="BusinessCalling">Business Calling</option>
            <option value="VoiceConnector">Voice Connector</option>
          </select>
        </div>
        <div>
          <label htmlFor="country">Country</label>
          <select id="country" name="country" defaultValue={filters.country ?? ''}>
            <option value="">Any</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          Search
        </button>
        {list.q || filters.type || filters.productType || filters.country ? (
          <Link href={filters.view === 'all' ? '/phone-numbers' : `/phone-numbers?view=${filters.view}`}>Clear</Link>
        ) : null}
      </form>
      <ListCount first={page.first} shown={page.rows.length} total={page.total} one="phone number" many="phone numbers" />
      {page.rows.length === 0 ? (
        <p>No phone numbers match.</p>
      ) : (
        <TableRegion label={`${viewLabel} phone numbers`}>
          <table>
            <caption>
              {viewLabel} phone numbers{list.q ? ` matching “${list.q}”` : ''}
              {filters.sort === 'number' ? '' : `, ${SORT_CAPTIONS[filters.sort]}`}
            </caption>
            <thead>
              <tr>
                <SortableHeading column="number" sort={filters.sort} query={headingQuery}>
                  Phone number
                </SortableHeading>
                <th scope="col">Type</th>
                <th scope="col">Product type</th>
                <SortableHeading column="status" sort={filters.sort} query={headingQuery}>
                  Status
                </SortableHeading>
                <th scope="col">Capabilities</th>
                <th scope="col">Calling name</th>
                <th scope="col">Assigned to</th>
                <SortableHeading column="added" sort={filters.sort} query={headingQuery}>
                  Added
                </SortableHeading>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((n) => (
                <tr key={n.id}>
                  <td className="nowrap">
                    <Link href={`/phone-numbers/${n.id}`}>{formatPhoneNumber(n.e164)}</Link>
                  </td>
                  <td>{label(n.type)}</td>
                  <td>{label(n.productType)}</td>
                  <td>{label(n.status)}</td>
                  <td>{n.capabilities.join(', ') || 'None'}</td>
                  <td>{n.callingName ?? <span className="muted">None</span>}</td>
                  <td>
                    <AssigneeCell assignee={n.assignee} />
                  </td>
                  <td className="nowrap">
                    <time dateTime={n.createdAt.toISOString()}>{day.format(n.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination path="/phone-numbers" q={list.q} query={query} prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
    </>
  );
}
