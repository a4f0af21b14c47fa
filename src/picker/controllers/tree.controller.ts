import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LoadedFramework } from '../../loader/framework-loader.js';
import { parentIndex, treeKeyAction, typeAheadIndex } from '../../tree/tree-keys.js';
import { OTHER_ITEMS_KEY, type TreeRow } from '../../tree/tree-model.js';
import type { VirtualListController } from './virtual-list.controller.js';

const TYPEAHEAD_MS = 700;

export interface TreeOptions {
  /** The virtualised list the rows are shown in. */
  list: VirtualListController;
  /** Shows an item in the details panel (a row got focus). */
  showDetails: (key: string) => void;
  /** Selects or deselects an item (Enter, Space, click). */
  toggle: (key: string) => void;
  /** The text type-ahead matches for the "Other items" branch. */
  otherItemsLabel: () => string;
  /** The rendered row element of a visible-row index, to move focus to. */
  rowElement: (index: number) => HTMLElement | null;
}

/**
 * The open framework's tree: which branches are expanded (remembered per framework), the
 * visible rows, the active row of the roving tabindex, keyboard navigation (APG tree pattern)
 * and type-ahead. Its type-ahead timer stops when the host leaves the page.
 */
export class TreeController implements ReactiveController {
  rows: TreeRow[] = [];
  activeRow = 0;
  private loaded?: LoadedFramework;
  private readonly expansion = new Map<string, Set<string>>();
  private only?: { keys: ReadonlySet<string>; expanded: Set<string> };
  private typeahead = '';
  private typeaheadTimer?: ReturnType<typeof setTimeout>;
  /** Increments with every focus move, so a pending `focusRow` knows it was overtaken. */
  private focusRequest = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: TreeOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.typeaheadTimer);
    this.typeahead = '';
    this.focusRequest++;
  }

  /** Shows a framework. `keepView` (a background update) keeps the expansion and the active row. */
  install(loaded: LoadedFramework, keepView: boolean): void {
    const previousKey = keepView ? this.rows[this.activeRow]?.key : undefined;
    if (this.loaded?.framework.document.key !== loaded.framework.document.key) this.only = undefined;
    this.loaded = loaded;
    this.rows = loaded.tree.visibleRows(this.expanded(), this.only?.keys);
    if (!keepView) {
      this.activeRow = 0;
      this.options.list.scrollToTop();
    } else if (previousKey) {
      this.activeRow = Math.max(
        0,
        this.rows.findIndex(r => r.key === previousKey),
      );
    }
    this.host.requestUpdate();
  }

  /** Changes with every change of the visible rows (expansion, filter, framework). */
  revision = 0;

  /** The open framework's expanded branches (not those of "show selected only"). */
  get expandedKeys(): string[] {
    const key = this.loaded?.framework.document.key ?? '';
    return [...(this.expansion.get(key) ?? [])];
  }

  /** Opens these branches of the open framework (where the user left off). */
  restoreExpansion(keys: readonly string[]): void {
    const set = this.expanded();
    for (const key of keys) if (this.loaded?.tree.childrenOf(key).length) set.add(key);
    this.refresh();
  }

  /** "Show selected only" is on. */
  get selectedOnly(): boolean {
    return !!this.only;
  }

  /**
   * "Show selected only": the tree keeps just `keys` (the selected items and their ancestors,
   * all open; collapsing there does not touch the full tree's expansion); `undefined` shows all.
   * Items deselected meanwhile stay listed until the filter is set again.
   */
  showOnly(keys: ReadonlySet<string> | undefined): void {
    this.only = keys ? { keys, expanded: new Set(keys) } : undefined;
    this.activeRow = 0;
    this.refresh();
    this.options.list.scrollToTop();
  }

  clear(): void {
    this.only = undefined;
    this.loaded = undefined;
    this.rows = [];
    this.activeRow = 0;
  }

  setExpanded(key: string, open: boolean): void {
    const set = this.expanded();
    if (open) set.add(key);
    else set.delete(key);
    this.refresh();
  }

  expandAll(): void {
    if (!this.loaded) return;
    const set = this.expanded();
    for (const key of this.loaded.tree.branchKeys()) set.add(key);
    this.refresh();
  }

  collapseAll(): void {
    this.expanded().clear();
    this.activeRow = 0;
    this.refresh();
    this.options.list.scrollIntoView(0);
  }

  /** Opens the path to an item and focuses its row. */
  reveal(key: string): void {
    if (!this.loaded) return;
    const set = this.expanded();
    for (const ancestor of this.loaded.tree.revealPath(key)) set.add(ancestor);
    this.refresh();
    const index = this.rows.findIndex(r => r.key === key);
    if (index >= 0) void this.focusRow(index);
  }

  /** Moves the roving focus to a row, rendering it first if it was scrolled away. */
  async focusRow(index: number): Promise<void> {
    const request = ++this.focusRequest;
    this.activeRow = index;
    const row = this.rows[index];
    if (row && row.key !== OTHER_ITEMS_KEY) this.options.showDetails(row.key);
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (request !== this.focusRequest) return; // a later click or key press moved focus already
    this.options.list.scrollIntoView(index);
    await this.host.updateComplete;
    if (request !== this.focusRequest) return;
    this.options.rowElement(index)?.focus({ preventScroll: true });
  }

  readonly handleRowFocus = (index: number): void => {
    if (this.activeRow !== index) {
      this.activeRow = index;
      this.host.requestUpdate();
    }
    const row = this.rows[index];
    if (row && row.key !== OTHER_ITEMS_KEY) this.options.showDetails(row.key);
  };

  readonly handleRowClick = (event: MouseEvent, index: number): void => {
    const row = this.rows[index];
    if (!row) return;
    this.focusRequest++;
    this.activeRow = index;
    (event.currentTarget as HTMLElement).focus({ preventScroll: true });
    this.activate(row);
    this.host.requestUpdate();
  };

  readonly handleToggleClick = (event: MouseEvent, index: number): void => {
    event.stopPropagation();
    const row = this.rows[index];
    this.activeRow = index;
    if (row) this.setExpanded(row.key, !row.expanded);
    void this.focusRow(index);
  };

  readonly handleKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const rows = this.rows;
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    const action = treeKeyAction(event.key, rows, this.activeRow, rtl);
    if (action.type === 'none') {
      if (event.key.length === 1 && event.key !== ' ' && event.key !== '*') {
        this.typeAhead(event.key);
        event.preventDefault();
      }
      return;
    }
    event.preventDefault();
    const row = rows[action.index];
    switch (action.type) {
      case 'focus':
        void this.focusRow(action.index);
        break;
      case 'expand':
        this.setExpanded(row.key, true);
        break;
      case 'collapse':
        this.setExpanded(row.key, false);
        break;
      case 'expand-siblings': {
        const parent = parentIndex(rows, action.index);
        const set = this.expanded();
        rows.forEach((r, i) => {
          if (r.level === row.level && r.hasChildren && parentIndex(rows, i) === parent) set.add(r.key);
        });
        this.refresh();
        break;
      }
      case 'select':
        this.activate(row);
        break;
    }
  };

  /** Enter, Space or a click: selects an item; opens or closes the "Other items" branch. */
  private activate(row: TreeRow): void {
    if (row.key === OTHER_ITEMS_KEY) this.setExpanded(row.key, !row.expanded);
    else this.options.toggle(row.key);
  }

  private typeAhead(char: string): void {
    clearTimeout(this.typeaheadTimer);
    this.typeahead += char;
    this.typeaheadTimer = setTimeout(() => (this.typeahead = ''), TYPEAHEAD_MS);
    const framework = this.loaded?.framework;
    if (!framework) return;
    const index = typeAheadIndex(this.rows, this.activeRow, this.typeahead, row => {
      const item = framework.itemsByKey.get(row.key);
      return item ? [item.humanCodingScheme ?? '', item.listEnumeration ?? '', item.fullStatement] : [this.options.otherItemsLabel()];
    });
    if (index >= 0) void this.focusRow(index);
  }

  /** The expanded branches of the open framework. */
  private expanded(): Set<string> {
    if (this.only) return this.only.expanded;
    const key = this.loaded?.framework.document.key ?? '';
    let set = this.expansion.get(key);
    if (!set) this.expansion.set(key, (set = new Set()));
    return set;
  }

  private refresh(): void {
    if (!this.loaded) return;
    this.revision++;
    const current = this.rows[this.activeRow];
    this.rows = this.loaded.tree.visibleRows(this.expanded(), this.only?.keys);
    if (current) {
      const index = this.rows.findIndex(r => r.key === current.key && r.parentKey === current.parentKey);
      this.activeRow = index >= 0 ? index : Math.min(this.activeRow, this.rows.length - 1);
    }
    this.host.requestUpdate();
  }
}
