import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { identifierKey } from '../../model/normalize.js';
import { chipLabel } from '../../text/item-labels.js';
import type { SelectedItem } from '../../events.js';
import type { SelectionEntry } from '../controllers/selection.controller.js';
import type { ViewContext } from './view-context.js';

export interface SelectionView {
  entries: readonly SelectionEntry[];
  /** The selection's alert (the `max` limit). */
  alert?: string;
  onCopyAll: () => void;
  /** The tray's downloads (`export-csv`, `export-cc`). */
  onDownload: (format: 'csv' | 'common-cartridge') => void;
  onClear: () => void;
  onRemove: (identifier: string) => void;
  /** A replacement's label (its code, when the open framework has it). */
  replacementLabel: (identifier: string) => string;
  onReplace: (identifier: string, replacement: string) => void;
  /** A chip's text: shows the item in the tree and details. */
  onReveal: (identifier: string) => void;
}

type Status = SelectedItem['status'];

/** The status a chip shows: `not-found` for an identifier no provider knows, else its item's. */
function statusOf(entry: SelectionEntry): Status {
  return entry.state === 'not-found' ? 'not-found' : (entry.item?.status ?? 'current');
}

/** A chip's label: resolving, not found, or the item's code and short statement. */
export function entryLabel(ctx: Pick<ViewContext, 's'>, entry: SelectionEntry): string {
  const { s } = ctx;
  if (entry.state === 'loading') return `${s.resolving} ${entry.identifier}`;
  if (entry.state === 'not-found' || entry.state === 'error' || !entry.item) return s.notFound(entry.identifier);
  return chipLabel(entry.item, entry.identifier, s);
}

/** After removing chip `at`: focus the chip that took its place, else the last one, else `fallback` or the tree. */
export function focusAfterChipRemoval(root: ParentNode, at: number, fallback?: HTMLElement): void {
  const buttons = root.querySelectorAll<HTMLElement>('[part~="chip-remove"]');
  const next = buttons[Math.min(at, buttons.length - 1)];
  (next ?? fallback ?? root.querySelector<HTMLElement>('[part~="treeitem"][tabindex="0"]'))?.focus();
}

/**
 * The selected items as removable chips, with copy and clear actions. An outdated chip
 * (replaced, deprecated, expired, not found) is marked, says why, and offers its replacement.
 */
export function renderSelection(ctx: ViewContext, view: SelectionView): TemplateResult {
  const { s, uid } = ctx;
  const { entries } = view;
  return html`<section part="selection" aria-labelledby="${uid}-selection-title">
    <div class="selection-head">
      <span id="${uid}-selection-title" dir="auto">${entries.length ? s.selectedCount(entries.length) : s.selectionEmpty}</span>
      <span class="actions">
        ${
          entries.length
            ? html`<button class="link-button" part="copy-all" type="button" @click=${view.onCopyAll}>${s.copyAll}</button>
                <button class="link-button" part="export-csv" type="button" @click=${() => view.onDownload('csv')}>${s.downloadCsv}</button>
                <button class="link-button" part="export-cc" type="button" @click=${() => view.onDownload('common-cartridge')}>
                  ${s.downloadCommonCartridge}
                </button>`
            : nothing
        }
        ${
          ctx.multiple && entries.length > 1 && !ctx.disabled
            ? html`<button class="link-button" part="clear-selection" type="button" @click=${view.onClear}>${s.clearSelection}</button>`
            : nothing
        }
      </span>
    </div>
    ${view.alert ? html`<div class="message" role="alert">${view.alert}</div>` : nothing}
    ${entries.length ? renderChipGroups(ctx, view) : nothing}
  </section>`;
}

/** The chips, in one list, or grouped by framework when they come from more than one. */
function renderChipGroups(ctx: ViewContext, view: SelectionView): TemplateResult {
  const { uid } = ctx;
  const list = (entries: readonly SelectionEntry[], labelledBy: string) =>
    html`<ul class="chips" aria-labelledby=${labelledBy}>
      ${repeat(
        entries,
        e => identifierKey(e.identifier),
        e => renderChip(ctx, view, e),
      )}
    </ul>`;
  const groups = new Map<string, { title: string; entries: SelectionEntry[] }>();
  for (const entry of view.entries) {
    const id = entry.item?.documentIdentifier ?? '';
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { title: entry.item?.documentTitle || id, entries: [] }));
    group.entries.push(entry);
  }
  const known = [...groups.keys()].filter(Boolean);
  if (known.length < 2) return list(view.entries, `${uid}-selection-title`);
  return html`${[...groups.values()].map(
    (group, g) =>
      html`<div class="chip-group">
        <span class="chip-group-title" id="${uid}-chip-group-${g}" dir="auto">${group.title || ctx.s.otherItems}</span>
        ${list(group.entries, `${uid}-chip-group-${g}`)}
      </div>`,
  )}`;
}

function renderChip(ctx: ViewContext, view: SelectionView, e: SelectionEntry): TemplateResult {
  const { s } = ctx;
  const label = entryLabel(ctx, e);
  const status = statusOf(e);
  const outdated = status !== 'current' && e.state !== 'loading';
  const replacement = e.item?.replacedBy?.[0];
  const replacementLabel = replacement ? view.replacementLabel(replacement) : undefined;
  return html`<li
    part=${outdated ? 'chip outdated' : 'chip'}
    class=${classMap({ 'not-found': e.state === 'not-found' || e.state === 'error', outdated })}
    data-identifier=${e.identifier}
    data-status=${status}
    title=${e.item?.fullStatement ?? label}
  >
    ${
      e.item
        ? html`<button class="chip-text" part="chip-reveal" type="button" dir="auto" @click=${() => view.onReveal(e.identifier)}>${label}</button>`
        : html`<span class="chip-text" dir="auto">${label}</span>`
    }
    ${outdated && status !== 'not-found' ? html`<span class="chip-status" part="chip-status">${s.outdated(status, replacementLabel)}</span>` : nothing}
    ${
      replacement && !ctx.disabled
        ? html`<button part="chip-replace" type="button" data-identifier=${replacement} @click=${() => view.onReplace(e.identifier, replacement)}>${s.replaceWith(replacementLabel ?? replacement)}</button>`
        : nothing
    }
    ${
      ctx.disabled
        ? nothing
        : html`<button part="chip-remove" type="button" aria-label=${s.remove(label)} @click=${() => view.onRemove(e.identifier)}>
          <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true"><path d="M2 2l6 6M8 2l-6 6" stroke="currentColor" stroke-width="1.8" /></svg>
        </button>`
    }
  </li>`;
}
