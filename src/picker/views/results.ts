import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Framework } from '../../model/framework.js';
import { ownStatus } from '../../model/item-status.js';
import type { Marks } from '../../text/render-markup.js';
import { shortLabel } from '../../text/item-labels.js';
import type { SearchController } from '../controllers/search.controller.js';
import type { VirtualListController } from '../controllers/virtual-list.controller.js';
import { cssProps } from '../css-props.js';
import { renderCheck, renderItemText, renderRow } from './rows.js';
import type { ViewContext } from './view-context.js';

export interface ResultsView {
  search: SearchController;
  list: VirtualListController;
  /** The open framework: results from others name their framework first. */
  framework: Framework;
  isSelected: (key: string) => boolean;
  onResultClick: (index: number) => void;
  /** A result's `row-details` control. */
  onResultDetails: (index: number) => void;
}

/**
 * Per framework, the statements that more than one of its uncoded items has ("Number &
 * Operations—Fractions" in grades 3, 4 and 5): results with one of them are told apart by their
 * parent. Made once per framework (2-8 ms in Node for 20,000 items, by the first results), not
 * on every keystroke over every result (1.6-3.4 ms for a one-letter query in traces).
 */
const repeated = new WeakMap<Framework, Set<string>>();
function repeatedStatements(framework: Framework): Set<string> {
  let set = repeated.get(framework);
  if (!set) {
    const seen = new Set<string>();
    set = new Set();
    for (const item of framework.items) {
      if (item.humanCodingScheme) continue; // codes tell items apart already
      if (seen.has(item.fullStatement)) set.add(item.fullStatement);
      else seen.add(item.fullStatement);
    }
    repeated.set(framework, set);
  }
  return set;
}

/** Id of a search result, for `aria-activedescendant`. */
const resultId = (uid: string, index: number) => `${uid}-result-${index}`;

/** The id of the active result, if there is one. */
export function activeResultId(ctx: ViewContext, search: SearchController): string | undefined {
  const count = search.isSearching ? (search.results?.hits.length ?? 0) : 0;
  return search.activeResult >= 0 && search.activeResult < count ? resultId(ctx.uid, search.activeResult) : undefined;
}

/**
 * The search results: a listbox that is also the scroll container and focusable itself (APG
 * listbox), so it can be scrolled and operated from the keyboard without the search box.
 */
export function renderResults(ctx: ViewContext, view: ResultsView): TemplateResult {
  const { s } = ctx;
  const { search, list } = view;
  const results = search.isSearching ? search.results : undefined;
  const hits = results?.hits ?? [];
  const marks: Marks = { terms: results?.terms ?? [], typos: results?.typos ?? [], code: results?.code };
  const active = activeResultId(ctx, search);
  return html`<div
      ${ref(list.viewport)}
      class="viewport"
      part="results"
      role="listbox"
      id="${ctx.uid}-results"
      tabindex="0"
      aria-label=${s.search}
      aria-multiselectable=${ctx.multiple ? 'true' : 'false'}
      aria-activedescendant=${active ?? nothing}
      @scroll=${list.handleScroll}
      @keydown=${search.handleKeyDown}
    >
      <div class="spacer" role="none" ${cssProps({ height: `${hits.length * ctx.rowHeight}px` })}>
        ${list.window(hits.length, search.activeResult).map(
          // Positional, not keyed: each keystroke reuses the rendered rows and only updates their
          // content (focus stays in the search box, so no row identity has to survive).
          i => {
            const { item, source } = hits[i];
            const selected = view.isSelected(item.key);
            const labels = source.framework.itemsByKey;
            const ancestors = source.tree.pathTo(item.key).map(k => shortLabel(labels.get(k), s));
            if (source.framework !== view.framework) ancestors.unshift(source.framework.document.title);
            return renderRow(
              ctx,
              {
                part: 'result',
                role: 'option',
                id: resultId(ctx.uid, i),
                index: i,
                identifier: item.identifier,
                selected,
                active: i === search.activeResult,
                setsize: hits.length,
                posinset: i + 1,
                indentRem: 0.5,
                onMouseDown: (e: MouseEvent) => e.preventDefault(),
                onClick: () => view.onResultClick(i),
                onDetails: () => view.onResultDetails(i),
                detailsLabel: s.showDetails,
              },
              html`${renderCheck(ctx, selected)}${renderItemText(
                ctx,
                item,
                ownStatus(source.framework, item),
                marks,
                ancestors.join(' › '),
                // Results that read like other items are told apart by their parent, in the line itself.
                !item.humanCodingScheme && repeatedStatements(source.framework).has(item.fullStatement) ? ancestors.at(-1) : undefined,
              )}`,
            );
          },
        )}
      </div>
    </div>
    ${results && hits.length === 0 ? html`<div part="status" role="status">${s.noResults(search.query.trim())}</div>` : nothing}
    ${search.isSearching && !results ? html`<div part="status" role="status" aria-busy="true">${s.preparingSearch}</div>` : nothing}`;
}
