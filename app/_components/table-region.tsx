import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways inside this region instead of the page (320 px wide, 200 % zoom).
 * It is focusable and named so that keyboard users can scroll it with the arrow keys.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
