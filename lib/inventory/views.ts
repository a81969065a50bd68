// The inventory's views, shared by the query-string parser and the data layer.
export const VIEW_NAMES = ['all', 'unassigned', 'assigned', 'deletion-queue'] as const;
export type View = (typeof VIEW_NAMES)[number];
