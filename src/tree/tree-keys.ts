import type { TreeRow } from './tree-model.js';

/** What a key press on the tree asks for (APG tree pattern). */
export type TreeAction =
  | { type: 'focus'; index: number }
  | { type: 'expand'; index: number }
  | { type: 'collapse'; index: number }
  | { type: 'expand-siblings'; index: number }
  | { type: 'select'; index: number }
  | { type: 'none' };

/** Index of a row's parent row, or -1 for top-level rows. */
export function parentIndex(rows: readonly TreeRow[], index: number): number {
  const level = rows[index]?.level ?? 1;
  for (let i = index - 1; i >= 0; i--) if (rows[i].level < level) return i;
  return -1;
}

/**
 * Maps a key to a tree action: Up/Down move, Right opens or enters, Left closes or goes to the
 * parent, Home/End jump, Enter/Space select, `*` expands the siblings. Left and Right swap in RTL.
 */
export function treeKeyAction(key: string, rows: readonly TreeRow[], active: number, rtl = false): TreeAction {
  const row = rows[active];
  if (!row) return rows.length > 0 && key !== 'Tab' ? { type: 'focus', index: 0 } : { type: 'none' };
  const open = rtl ? 'ArrowLeft' : 'ArrowRight';
  const close = rtl ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case 'ArrowDown':
      return active < rows.length - 1 ? { type: 'focus', index: active + 1 } : { type: 'none' };
    case 'ArrowUp':
      return active > 0 ? { type: 'focus', index: active - 1 } : { type: 'none' };
    case 'Home':
      return { type: 'focus', index: 0 };
    case 'End':
      return { type: 'focus', index: rows.length - 1 };
    case open:
      if (!row.hasChildren) return { type: 'none' };
      return row.expanded ? { type: 'focus', index: active + 1 } : { type: 'expand', index: active };
    case close: {
      if (row.expanded) return { type: 'collapse', index: active };
      const parent = parentIndex(rows, active);
      return parent >= 0 ? { type: 'focus', index: parent } : { type: 'none' };
    }
    case 'Enter':
    case ' ':
      return { type: 'select', index: active };
    case '*':
      return { type: 'expand-siblings', index: active };
    default:
      return { type: 'none' };
  }
}

/**
 * Type-ahead: the next row after `active` (wrapping) whose label starts with `prefix`,
 * case-insensitively; -1 when none does.
 */
export function typeAheadIndex(
  rows: readonly TreeRow[],
  active: number,
  prefix: string,
  labelsOf: (row: TreeRow) => readonly string[],
): number {
  const needle = prefix.toLowerCase();
  // A repeated single letter cycles; a longer prefix may stay on the current row.
  const start = needle.length > 1 ? active : active + 1;
  for (let n = 0; n < rows.length; n++) {
    const i = (start + n) % rows.length;
    if (labelsOf(rows[i]).some(label => label.toLowerCase().startsWith(needle))) return i;
  }
  return -1;
}
