import type { CaseAssociation, CaseItem, Framework } from '../model/framework.js';
import { addDiagnostic } from '../model/framework.js';
import { naturalCompare } from '../text/natural-compare.js';

/** Key of the synthetic branch that holds items with no reachable parent. */
export const OTHER_ITEMS_KEY = '#other-items';

/** A row of the flattened, visible tree. */
export interface TreeRow {
  /** Item key, or `OTHER_ITEMS_KEY`. */
  key: string;
  /** Key of the parent row's item; `null` for top-level rows. */
  parentKey: string | null;
  /** 1-based, as `aria-level`. */
  level: number;
  /** 1-based position among siblings, as `aria-posinset`. */
  posinset: number;
  setsize: number;
  hasChildren: boolean;
  expanded: boolean;
}

/** An association of an item seen from that item: `outgoing` when the item is the origin. */
export interface ItemRelation {
  association: CaseAssociation;
  direction: 'outgoing' | 'incoming';
}

/** The children of one parent, in provider order, with their association's sequenceNumber. */
interface Edges {
  keys: string[];
  sequence: (number | undefined)[];
}

/** How many rows `visibleRows` returns at most, so a hostile DAG cannot freeze the page. */
const ROW_LIMIT_FACTOR = 4;

/**
 * The hierarchy of a framework, built from its `isChildOf` associations (origin = child,
 * destination = parent; the CFDocument is the root) in O(items + associations · log).
 *
 * - Siblings are ordered by `sequenceNumber` (when present and not all equal), then
 *   `listEnumeration`, then `humanCodingScheme` in natural order, then statement.
 * - An item with several parents appears under each.
 * - Items no parent chain reaches (orphans, dangling parents, cycles) sit under a synthetic
 *   "Other items" branch (`OTHER_ITEMS_KEY`), so every item is reachable. Cycles never hang.
 */
export class FrameworkTree {
  readonly framework: Framework;
  /** Top-level keys in order; ends with `OTHER_ITEMS_KEY` when some items are unreachable. */
  readonly roots: readonly string[];
  private readonly children = new Map<string, string[]>();
  private readonly parents = new Map<string, string[]>();
  /** Parent on the shortest path from the root: the breadcrumb follows it. */
  private readonly primaryParent = new Map<string, string>();
  private readonly relations = new Map<string, ItemRelation[]>();
  private readonly rowLimit: number;

  constructor(framework: Framework) {
    this.framework = framework;
    const { items, itemsByKey, associations, document, diagnostics } = framework;
    this.rowLimit = Math.max(10_000, items.length * ROW_LIMIT_FACTOR);

    const edges = new Map<string, Edges>();
    for (const association of associations) {
      const from = association.origin.key;
      const to = association.destination.key;
      if (association.type !== 'isChildOf') {
        this.addRelation(from, { association, direction: 'outgoing' });
        this.addRelation(to, { association, direction: 'incoming' });
        continue;
      }
      if (!from || !itemsByKey.has(from)) continue; // child not in this package: nothing to place
      if (from === to) {
        addDiagnostic(diagnostics, 'self-loop');
        continue;
      }
      if (!to || (to !== document.key && !itemsByKey.has(to))) {
        addDiagnostic(diagnostics, 'dangling-parent');
        continue;
      }
      // Parent lists are short (one parent, usually): a scan dedupes without building keys.
      let parentList = this.parents.get(from);
      if (!parentList) this.parents.set(from, (parentList = []));
      else if (parentList.includes(to)) continue;
      parentList.push(to);
      let list = edges.get(to);
      if (!list) edges.set(to, (list = { keys: [], sequence: [] }));
      list.keys.push(from);
      list.sequence.push(association.sequenceNumber);
    }

    for (const [parent, list] of edges) {
      this.children.set(parent, this.sortEdges(list));
    }

    const roots = [...(this.children.get(document.key) ?? [])];
    // An item is reached once it has a primary parent.
    const reached = this.primaryParent;
    this.walk(roots, document.key);

    if (reached.size < items.length) {
      const unreached = items.filter(item => !reached.has(item.key));
      // Orphans first: items with no parent at all in this package, then cycle members.
      const other: CaseItem[] = [];
      for (const pass of [true, false]) {
        for (const item of unreached) {
          if (reached.has(item.key)) continue;
          if (pass && this.parents.has(item.key)) continue;
          if (!pass) addDiagnostic(diagnostics, 'cycle');
          else addDiagnostic(diagnostics, 'orphan');
          other.push(item);
          this.walk([item.key], OTHER_ITEMS_KEY);
        }
      }
      this.children.set(OTHER_ITEMS_KEY, this.sortEdges({ keys: other.map(item => item.key), sequence: [] }));
      roots.push(OTHER_ITEMS_KEY);
    }
    this.roots = roots;
  }

  /** Children of an item (or of `OTHER_ITEMS_KEY`, or of the document key), in display order. */
  childrenOf(key: string): readonly string[] {
    return this.children.get(key) ?? [];
  }

  /** Every parent of an item in this framework (the document key for top-level items). */
  parentsOf(key: string): readonly string[] {
    return this.parents.get(key) ?? [];
  }

  /** Ancestors of an item, top first, along its primary parent (the breadcrumb). */
  pathTo(key: string): string[] {
    const path: string[] = [];
    const seen = new Set<string>([key]);
    let current = this.primaryParent.get(key);
    while (current && current !== this.framework.document.key && !seen.has(current)) {
      path.push(current);
      seen.add(current);
      current = this.primaryParent.get(current);
    }
    return path.reverse();
  }

  /**
   * The descendants of an item that have no children ("the standards a teacher aligns to"), in
   * display order, each once (an item with several parents, or a cycle, never repeats).
   */
  leavesUnder(key: string): string[] {
    const leaves: string[] = [];
    const seen = new Set<string>([key]);
    const walk = (parent: string) => {
      for (const child of this.childrenOf(parent)) {
        if (seen.has(child)) continue;
        seen.add(child);
        if (this.childrenOf(child).length === 0) leaves.push(child);
        else walk(child);
      }
    };
    walk(key);
    return leaves;
  }

  /** Associations other than `isChildOf` that involve the item, in both directions. */
  relationsOf(key: string): readonly ItemRelation[] {
    return this.relations.get(key) ?? [];
  }

  /**
   * The rows that are visible when the keys in `expanded` are open; with `only`, just those
   * keys (selected items and their ancestors: "show selected only").
   */
  visibleRows(expanded: ReadonlySet<string>, only?: ReadonlySet<string>): TreeRow[] {
    const rows: TreeRow[] = [];
    const onPath = new Set<string>();
    const visit = (keys: readonly string[], parentKey: string | null, level: number) => {
      const siblings = keys.filter(k => !onPath.has(k) && (!only || only.has(k)));
      for (let i = 0; i < siblings.length && rows.length < this.rowLimit; i++) {
        const key = siblings[i];
        const hasChildren = this.childrenOf(key).length > 0;
        const open = hasChildren && expanded.has(key);
        rows.push({
          key,
          parentKey,
          level,
          posinset: i + 1,
          setsize: siblings.length,
          hasChildren,
          expanded: open,
        });
        if (open) {
          onPath.add(key);
          visit(this.childrenOf(key), key, level + 1);
          onPath.delete(key);
        }
      }
    };
    visit(this.roots, null, 1);
    return rows;
  }

  /** Every key with children (for "expand all"). */
  branchKeys(): string[] {
    return [...this.children.keys()].filter(k => k !== this.framework.document.key);
  }

  /** The keys, with every ancestor on their paths (what "show selected only" keeps). */
  withAncestors(keys: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const key of keys) {
      if (!this.framework.itemsByKey.has(key)) continue;
      out.add(key);
      for (const ancestor of this.revealPath(key)) out.add(ancestor);
    }
    return out;
  }

  /** Keys that must be open for `key` to be visible along its breadcrumb. */
  revealPath(key: string): string[] {
    const path = this.pathTo(key);
    if (!this.primaryParent.has(key)) return path;
    const top = path[0] ?? key;
    return this.primaryParent.get(top) === OTHER_ITEMS_KEY ? [OTHER_ITEMS_KEY, ...path] : path;
  }

  /** Breadth-first from `start`, giving every item it reaches first its primary parent. */
  private walk(start: string[], parent: string) {
    const primary = this.primaryParent;
    const queue: string[] = [];
    for (const key of start) {
      if (primary.has(key)) continue;
      primary.set(key, parent);
      queue.push(key);
    }
    for (let i = 0; i < queue.length; i++) {
      const key = queue[i];
      for (const child of this.childrenOf(key)) {
        if (primary.has(child)) continue;
        primary.set(child, key);
        queue.push(child);
      }
    }
  }

  private sortEdges({ keys, sequence }: Edges): string[] {
    const { itemsByKey } = this.framework;
    const first = sequence[0];
    const useSequence = sequence.some(n => n !== undefined) && sequence.some(n => n !== first);
    const compare = (a: number, b: number): number => {
      if (useSequence) {
        const sa = sequence[a] ?? Number.POSITIVE_INFINITY;
        const sb = sequence[b] ?? Number.POSITIVE_INFINITY;
        if (sa !== sb) return sa < sb ? -1 : 1;
      }
      return compareItems(itemsByKey.get(keys[a]), itemsByKey.get(keys[b]));
    };
    // Providers usually send siblings in order already: check before sorting.
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) sorted = compare(i - 1, i) <= 0;
    if (sorted) return keys;
    // Array.prototype.sort is stable: equal siblings keep the provider's order.
    return keys
      .map((_, i) => i)
      .sort(compare)
      .map(i => keys[i]);
  }

  private addRelation(key: string | undefined, relation: ItemRelation) {
    if (!key) return;
    let list = this.relations.get(key);
    if (!list) this.relations.set(key, (list = []));
    list.push(relation);
  }
}

function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return naturalCompare(a, b);
}

/** Sibling order without sequence numbers: listEnumeration, code, statement. */
function compareItems(a: CaseItem | undefined, b: CaseItem | undefined): number {
  return (
    compareText(a?.listEnumeration, b?.listEnumeration) ||
    compareText(a?.humanCodingScheme, b?.humanCodingScheme) ||
    compareText(a?.fullStatement, b?.fullStatement)
  );
}
