import { z } from 'zod';
import type { Page } from '@/lib/kernel/pagination';

// Cursor pagination for lists: `?after=<cursor>` or `?before=<cursor>`, the same keyset cursors
// the console's lists use (no OFFSET, so a deep page costs what the first does). The body carries
// `next` / `prev` cursors, and the Link header (RFC 8288) the full URLs with rel="next" / "prev".

export const cursorQuery = {
  after: z.string().max(1000).optional().meta({ description: 'The `next` cursor of the previous page.' }),
  before: z.string().max(1000).optional().meta({ description: 'The `prev` cursor of the following page.' }),
};

/**
 * The envelope of every list: `items` of one page, and the cursors either side (null at the ends);
 * `extra`: more about the whole list (a `total`, where the data layer counts it anyway).
 */
export function pageOf<S extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(item: S, id: string, extra?: E) {
  return z
    .object({
      items: z.array(item),
      next: z.string().nullable().meta({ description: 'Pass as `after` for the next page; null on the last page.' }),
      prev: z.string().nullable().meta({ description: 'Pass as `before` for the previous page; null on the first page.' }),
      ...((extra ?? {}) as E),
    })
    .meta({ id });
}

/** The list's body (with `extra`, as pageOf's) and its Link header, for a page of the data layer's rows mapped by `item`. */
export function listResponse<T, U>(url: URL, page: Page<T>, item: (row: T) => U, extra: Record<string, unknown> = {}): Response {
  const link = (rel: string, param: 'after' | 'before', cursor: string) => {
    const next = new URL(url);
    next.searchParams.delete('after');
    next.searchParams.delete('before');
    next.searchParams.set(param, cursor);
    return `<${next.pathname}${next.search}>; rel="${rel}"`;
  };
  const links = [
    page.nextCursor ? link('next', 'after', page.nextCursor) : null,
    page.prevCursor ? link('prev', 'before', page.prevCursor) : null,
  ].filter(Boolean);
  const headers = new Headers({ 'Content-Type': 'application/json' });
  if (links.length) headers.set('Link', links.join(', '));
  return new Response(
    JSON.stringify({ items: page.rows.map(item), next: page.nextCursor ?? null, prev: page.prevCursor ?? null, ...extra }),
    {
      headers,
    },
  );
}
