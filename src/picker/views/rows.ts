import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { gradeRange } from '../../model/education-level.js';
import { dirOf } from '../../text/bidi.js';
import type { CaseItem } from '../../model/framework.js';
import type { ItemStatus } from '../../model/item-status.js';
import { renderCode, renderInlineMarkup, type Marks } from '../../text/render-markup.js';
import { cssProps } from '../css-props.js';
import type { ViewContext } from './view-context.js';

/** The attributes that tell a tree row from a result row; the shell is the same. */
export interface RowShell {
  /** `treeitem` or `result` (the part), with ` selected` added when selected. */
  part: 'treeitem' | 'result';
  role: 'treeitem' | 'option';
  id: string;
  index: number;
  identifier?: string;
  /** `undefined`: not selectable (the "Other items" branch). */
  selected?: boolean;
  active: boolean;
  setsize: number;
  posinset: number;
  /** Tree rows only. */
  level?: number;
  expanded?: boolean;
  tabindex?: number;
  disabled?: boolean;
  indentRem: number;
  onClick: (event: MouseEvent) => void;
  /** The row's `row-details` control: shows the item in details without selecting it. */
  onDetails?: () => void;
  /** Its tooltip (the control is for the mouse: keyboard focus shows details already). */
  detailsLabel?: string;
  onFocus?: () => void;
  onMouseDown?: (event: MouseEvent) => void;
}

/**
 * One row of a virtualised list, absolutely placed at its index. Tree rows and search results
 * share it: one height, one placement, one active-row class, one `aria-selected` convention.
 */
export function renderRow(ctx: ViewContext, row: RowShell, content: TemplateResult): TemplateResult {
  const h = ctx.rowHeight;
  // Rows are operated from the keyboard through their container (APG): the tree's roving
  // tabindex and the combobox's aria-activedescendant, so a row itself has no key listener.
  // eslint-disable-next-line lit-a11y/click-events-have-key-events
  return html`<div
    part="${row.part}${row.selected ? ' selected' : ''}"
    class=${classMap({ row: true, active: row.active, 'combobox-active': row.active && row.role === 'option' })}
    role=${row.role}
    id=${row.id}
    data-identifier=${row.identifier ?? nothing}
    data-index=${row.index}
    aria-level=${row.level ?? nothing}
    aria-setsize=${row.setsize}
    aria-posinset=${row.posinset}
    aria-expanded=${ifDefined(ariaBoolean(row.expanded))}
    aria-selected=${ifDefined(ariaBoolean(row.selected))}
    aria-disabled=${ifDefined(row.disabled ? 'true' : undefined)}
    tabindex=${ifDefined(row.tabindex)}
    ${cssProps({ transform: `translateY(${row.index * h}px)`, height: `${h}px`, 'padding-inline-start': `${row.indentRem}rem` })}
    @mousedown=${row.onMouseDown}
    @click=${row.onClick}
    @focus=${row.onFocus}
  >
    ${content}${row.onDetails ? renderDetailsControl(row.onDetails, row.detailsLabel ?? '') : nothing}
  </div>`;
}

/**
 * The "i" of a row: reads the item in details without touching the selection. Hidden from
 * assistive technology and out of the tab order: keyboard focus on a row already shows details,
 * and a focusable control inside an option or treeitem would be nested interaction. Its icon is
 * drawn by CSS, as the tree's toggle is: an SVG in every row cost about 0.6 ms of layout per
 * keystroke (nine new result rows), and more DOM nodes in each scrolled frame.
 */
function renderDetailsControl(onDetails: () => void, label: string): TemplateResult {
  const handle = (event: MouseEvent) => {
    event.stopPropagation();
    event.preventDefault();
    onDetails();
  };
  return html`<span part="row-details" class="row-details" aria-hidden="true" title=${label} @mousedown=${(e: MouseEvent) => e.preventDefault()} @click=${handle}></span>`;
}

const ariaBoolean = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'true' : 'false');

/** The check mark (multiple) or radio dot (single) of a selectable row; a dash for a partly selected branch. */
export function renderCheck(ctx: ViewContext, selected: boolean, partial = false): TemplateResult {
  if (partial && ctx.multiple) {
    return html`<span part="check mixed" class="check mixed" aria-hidden="true"><svg width="10" height="10" viewBox="0 0 10 10"><path d="M2 5h6" stroke="currentColor" stroke-width="2" /></svg></span><span class="visually-hidden">${ctx.s.partlySelected}</span>`;
  }
  return html`<span part="check" class=${classMap({ check: true, single: !ctx.multiple })} aria-hidden="true">
    ${
      selected
        ? html`<svg width="10" height="10" viewBox="0 0 10 10">
            <path d="M1.5 5.2l2.3 2.3 4.7-5" fill="none" stroke="currentColor" stroke-width="2" />
          </svg>`
        : nothing
    }
  </span>`;
}

/**
 * An item's code and statement (after `lead`, the parent that tells it from results that read
 * the same). Search results (`path` given) add type, grades and path on one muted line of plain
 * text (one box to lay out per result, as results change on every keystroke); tree rows show type
 * and grades as badges, beside the text or, in a narrow list, on a line under it.
 */
export function renderItemText(
  ctx: ViewContext,
  item: CaseItem,
  status: ItemStatus,
  marks?: Marks,
  path?: string,
  lead?: string,
): TemplateResult {
  const { s } = ctx;
  const outdated = status !== 'current' ? s.statusBadge(status) : '';
  // A code is bold; a list number (`listEnumeration`, "1", "a") is a list marker, not a code.
  const code = item.humanCodingScheme;
  const marker = code ? undefined : item.listEnumeration;
  const statement = item.fullStatement || item.abbreviatedStatement || s.untitled;
  const line = html`<span class="row-line">
    ${code ? html`<span part="code" dir=${dirOf(code)}>${renderCode(code, marks)}</span>` : nothing}
    ${marker ? html`<span part="list-marker" class="list-marker" dir=${dirOf(marker)}>${marker}.</span>` : nothing}
    ${lead ? html`<span part="lead" class="row-lead" dir="auto">${lead} ›</span>` : nothing}
    <span part="label" dir="auto">${renderInlineMarkup(statement, marks)}</span>
  </span>`;
  if (path !== undefined) {
    const levels = item.educationLevel;
    const grades = levels.length === 1 ? s.gradeName(levels[0]) : levels.length ? `${s.grades} \u2068${gradeRange(levels)}\u2069` : '';
    const facts = [item.itemType, grades].filter(Boolean).join(' · ');
    return html`<span class="row-text">
      ${line}<span class="result-meta"
        >${outdated ? html`<span part="status-badge" class="status-badge">${outdated}</span> ` : nothing}${facts ? `${facts}${path ? ' · ' : ''}` : ''}<span part="path" class="result-path" dir="auto">${path}</span></span
      >
    </span>`;
  }
  const badges = html`<span part="badges" class="row-badges">
    ${outdated ? html`<span part="status-badge" class="badge status-badge">${outdated}</span>` : nothing}
    ${item.itemType ? html`<span class="badge type-badge"><span class="visually-hidden">${s.type}: </span>${item.itemType}</span>` : nothing}
    ${
      item.educationLevel.length
        ? html`<span class="badge"><span class="visually-hidden">${s.grades}: </span><bdi dir="ltr">${gradeRange(item.educationLevel)}</bdi></span>`
        : nothing
    }
  </span>`;
  // Narrow: the badges are a line under the statement rather than a column beside it.
  return ctx.narrow ? html`<span class="row-text">${line}${badges}</span>` : html`<span class="row-text">${line}</span>${badges}`;
}
