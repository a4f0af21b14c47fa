export interface WindowInput {
  count: number;
  /** A row that is always included (the active row), even when scrolled away. */
  keep: number;
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  /** Rows beyond the visible ones, on each side. */
  buffer: number;
}

/** The indexes of a virtualised list's rows to render: the visible ones, the buffer, and `keep`. */
export function renderWindow({ count, keep, scrollTop, viewportHeight, rowHeight, buffer }: WindowInput): number[] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - buffer);
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewportHeight) / rowHeight) + buffer);
  const indexes: number[] = [];
  if (keep >= 0 && keep < first) indexes.push(keep);
  for (let i = first; i <= last; i++) indexes.push(i);
  if (keep > last && keep < count) indexes.push(keep);
  return indexes;
}
