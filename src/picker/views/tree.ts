import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Framework } from '../../model/framework.js';
import { ownStatus } from '../../model/item-status.js';
import { type FrameworkTree, OTHER_ITEMS_KEY, type TreeRow } from '../../tree/tree-model.js';
import type { TreeController } from '../controllers/tree.controller.js';
import type { VirtualListController } from '../controllers/virtual-list.controller.js';
import { cssProps } from '../css-props.js';
import { renderCheck, renderItemText, renderRow } from './rows.js';
import type { ViewContext } from './view-context.js';

export interface TreeView {
  tree: TreeController;
  list: VirtualListController;
  framework: Framework;
  isSelected: (key: string) => boolean;
  /** A branch with selected standards below it: its check shows a mixed state. */
  isPartial: (key: string) => boolean;
  /** A row's `row-details` control. */
  onDetails: (key: string) => void;
}

/** Id of a tree row, for focus moves. */
export const treeRowId = (uid: string, index: number) => `${uid}-row-${index}`;

/** The ARIA tree of the open framework, rendering only the rows in view. */
export function renderTree(ctx: ViewContext, view: TreeView): TemplateResult {
  const { tree, list } = view;
  const rows = tree.rows;
  return html`<div
    ${ref(list.viewport)}
    class="viewport"
    part="tree"
    role="tree"
    aria-labelledby="${ctx.uid}-title"
    aria-multiselectable=${ctx.multiple ? 'true' : 'false'}
    @scroll=${list.handleScroll}
    @keydown=${tree.handleKeyDown}
  >
    <div class="spacer" role="none" ${cssProps({ height: `${rows.length * ctx.rowHeight}px` })}>
      ${repeat(
        list.window(rows.length, tree.activeRow),
        i => `${rows[i].parentKey}>${rows[i].key}`,
        i => renderTreeRow(ctx, view, rows[i], i),
      )}
    </div>
    ${rows.length === 0 ? html`<div part="status" role="status">${ctx.s.noResults('')}</div>` : nothing}
  </div>`;
}

function renderTreeRow(ctx: ViewContext, view: TreeView, row: TreeRow, index: number): TemplateResult {
  const { tree, framework, isSelected } = view;
  const other = row.key === OTHER_ITEMS_KEY;
  const item = other ? undefined : framework.itemsByKey.get(row.key);
  const selected = !other && isSelected(row.key);
  const active = index === tree.activeRow;
  const toggle = row.hasChildren
    ? html`<span
        class="toggle"
        part="toggle"
        aria-hidden="true"
        ?data-expanded=${row.expanded}
        @click=${(e: MouseEvent) => tree.handleToggleClick(e, index)}
      ></span>`
    : html`<span class="toggle-spacer" aria-hidden="true"></span>`;
  return renderRow(
    ctx,
    {
      part: 'treeitem',
      role: 'treeitem',
      id: treeRowId(ctx.uid, index),
      index,
      identifier: item?.identifier,
      selected: other ? undefined : selected,
      active,
      level: row.level,
      setsize: row.setsize,
      posinset: row.posinset,
      expanded: row.hasChildren ? row.expanded : undefined,
      tabindex: active ? 0 : -1,
      disabled: ctx.disabled && !other,
      indentRem: (row.level - 1) * 1.1,
      onClick: (e: MouseEvent) => tree.handleRowClick(e, index),
      onDetails: item ? () => view.onDetails(item.key) : undefined,
      detailsLabel: ctx.s.showDetails,
      onFocus: () => tree.handleRowFocus(index),
    },
    html`${toggle}${
      other || !item
        ? html`<span class="row-text"><span part="label">${ctx.s.otherItems}</span></span>`
        : html`${renderCheck(ctx, selected, !selected && row.hasChildren && view.isPartial(row.key))}${renderItemText(ctx, item, ownStatus(framework, item))}`
    }`,
  );
}

const partialMemo = new WeakMap<Map<string, unknown>, { tree: FrameworkTree; branches: Set<string> }>();

/** Whether a branch has selected standards below it (its check shows a mixed state). Made once per selection. */
export function partialBranches(entries: Map<string, unknown>, tree: FrameworkTree): (key: string) => boolean {
  let memo = partialMemo.get(entries);
  if (!memo || memo.tree !== tree) {
    const branches = new Set<string>();
    for (const key of entries.keys()) for (const ancestor of tree.pathTo(key)) branches.add(ancestor);
    partialMemo.set(entries, (memo = { tree, branches }));
  }
  const { branches } = memo;
  return key => branches.has(key);
}
