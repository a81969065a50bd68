import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { inventoryOverview } from '@/lib/inventory/phone-numbers';
import { label } from '@/lib/kernel/labels';
import { Breadcrumbs } from '@/app/_components/list-controls';
import { TableRegion } from '@/app/_components/table-region';

const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 110;
const CHART_WIDTH = 640;

/** Unassigned numbers by area code, as an inline SVG bar chart: no JavaScript, and a table beside it. */
function AreaChart({ areas }: { areas: { area: string; count: number }[] }) {
  const max = Math.max(1, ...areas.map((a) => a.count));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 60;
  const height = areas.length * (BAR_HEIGHT + GAP) + GAP;
  const lowest = [...areas].sort((a, b) => a.count - b.count)[0];
  return (
    <svg
      role="img"
      aria-labelledby="area-chart-title area-chart-desc"
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: CHART_WIDTH }}
      className="chart"
    >
      <title id="area-chart-title">Unassigned Business Calling numbers by area code</title>
      <desc id="area-chart-desc">
        {areas.map((a) => `${a.area}: ${a.count}`).join('; ')}
        {lowest ? `. Fewest left: ${lowest.area} with ${lowest.count}.` : ''}
      </desc>
      {areas.map((a, i) => {
        const y = GAP + i * (BAR_HEIGHT + GAP);
        const width = Math.max(2, (a.count / max) * barSpace);
        return (
          <g key={a.area}>
            <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT * 0.72} textAnchor="end" fontSize="14" fill="#0b0c0c">
              {a.area}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} fill={a.count <= max * 0.2 ? '#d4351c' : '#1d70b8'} />
            <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT * 0.72} fontSize="14" fill="#0b0c0c">
              {a.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export default async function OverviewPage() {
  const admin = await requireAdmin('/phone-numbers/overview');
  const overview = await inventoryOverview(admin);
  const total = overview.byStatus.reduce((s, g) => s + g.count, 0);
  return (
    <>
      <title>Overview – Phone numbers – Switchboard</title>
      <Breadcrumbs items={[{ href: '/phone-numbers', label: 'Phone numbers' }, { label: 'Overview' }]} />
      <h1>Phone numbers overview</h1>
      <h2>By status</h2>
      <dl className="summary">
        <dt>All</dt>
        <dd>{total}</dd>
        {overview.byStatus.map((g) => (
          <div key={g.status} style={{ display: 'contents' }}>
            <dt>{label(g.status)}</dt>
            <dd>{g.count}</dd>
          </div>
        ))}
      </dl>
      <h2>Unassigned Business Calling numbers by area code</h2>
      {overview.unassignedByArea.length === 0 ? (
        <p>There are no unassigned Business Calling numbers.</p>
      ) : (
        <>
          <p className="hint">Areas with few numbers left are shown in red.</p>
          <AreaChart areas={overview.unassignedByArea} />
          <TableRegion label="Unassigned Business Calling numbers by area code">
            <table>
              <caption>Unassigned Business Calling numbers by area code</caption>
              <thead>
                <tr>
                  <th scope="col">Area code</th>
                  <th scope="col">Unassigned</th>
                </tr>
              </thead>
              <tbody>
                {overview.unassignedByArea.map((a) => (
                  <tr key={a.area}>
                    <td>{a.area}</td>
                    <td>{a.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
      <p>
        <Link href="/phone-numbers?view=unassigned">See the unassigned numbers</Link>
      </p>
    </>
  );
}
