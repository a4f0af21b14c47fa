import { html, nothing, type TemplateResult } from 'lit';
import type { LoadedFramework } from '../../loader/framework-loader.js';
import { documentStatus } from '../../model/item-status.js';
import { type DetailsView, renderDetails } from './details.js';
import { renderResults, type ResultsView } from './results.js';
import { renderSearchBar, type SearchBarView } from './search-bar.js';
import { renderSuggestions, type SuggestionsView } from './suggestions.js';
import { renderBack } from './status.js';
import { renderTree, type TreeView } from './tree.js';
import type { ViewContext } from './view-context.js';

export interface FrameworkView {
  loaded: LoadedFramework;
  /** A notice above the framework (offline, updated in the background), in words. */
  notice?: string;
  onBack?: () => void;
  searchBar: SearchBarView;
  tree: TreeView;
  results: ResultsView;
  details: DetailsView;
  suggestions: SuggestionsView;
  /** `select-codes`: selects every item of a pasted list of codes. */
  onSelectCodes: () => void;
  /** Recently used standards, folded (with an empty search). */
  recent?: TemplateResult;
  /** "Show selected only" (offered when something of this framework is selected). */
  selectedOnly: { available: boolean; on: boolean; toggle: () => void };
}

/** The open framework: its title, the search bar, the tree or the results, and the details panel. */
export function renderFrameworkView(ctx: ViewContext, view: FrameworkView): TemplateResult {
  const { s, uid } = ctx;
  const { document } = view.loaded.framework;
  const { skippedItems } = view.loaded.facets;
  const search = view.searchBar.search;
  const searching = search.isSearching;
  const status = documentStatus(document);
  return html`
    <div class="head">
      ${renderBack(ctx, view.onBack)}
      <h2 id="${uid}-title">${document.title}</h2>
      <span class="meta">
        ${document.creator ? html`<span>${document.creator}</span>` : nothing}
        ${document.adoptionStatus ? html`<span class="badge">${document.adoptionStatus}</span>` : nothing}
      </span>
    </div>
    ${view.notice ? html`<div part="status" role="status">${view.notice}</div>` : nothing}
    ${
      status === 'deprecated' || status === 'expired'
        ? html`<div part="status framework-outdated" role="status" data-status=${status}>${s.frameworkOutdated(status)}</div>`
        : nothing
    }
    ${skippedItems > 0 ? html`<div class="meta">${s.diagnostics(skippedItems)}</div>` : nothing} ${renderSearchBar(ctx, view.searchBar)}
    ${
      search.missingCodes && search.results
        ? html`<div part="code-list" class="code-list" role="status">
          <span>${s.codesFound(search.results.hits.length, search.missingCodes)}</span>
          ${
            search.results.hits.length && ctx.multiple && !ctx.disabled
              ? html`<button class="button" part="select-codes" type="button" @click=${view.onSelectCodes}>${s.selectCodes(search.results.hits.length)}</button>`
              : nothing
          }
        </div>`
        : nothing
    }
    ${view.recent ?? nothing} ${renderSuggestions(ctx, view.suggestions)}
    <div class="toolbar">
      <span part="result-count" dir="auto"
        >${searching && search.results ? s.resultCount(search.results.hits.length, search.results.total) : nothing}</span
      >
      ${
        searching
          ? nothing
          : html`<span class="actions">
              ${
                view.selectedOnly.available || view.selectedOnly.on
                  ? html`<button class="button" part="selected-only" type="button" aria-pressed=${view.selectedOnly.on ? 'true' : 'false'} @click=${view.selectedOnly.toggle}>
                      ${s.showSelectedOnly}
                    </button>`
                  : nothing
              }
              <button class="button" part="expand-all" type="button" @click=${() => view.tree.tree.expandAll()}>${s.expandAll}</button>
              <button class="button" part="collapse-all" type="button" @click=${() => view.tree.tree.collapseAll()}>${s.collapseAll}</button>
            </span>`
      }
    </div>
    <div class="panels">
      <div>
        <!-- Both lists stay in the DOM, so switching between them costs no rebuild. -->
        <div ?hidden=${searching}>${renderTree(ctx, view.tree)}</div>
        <div ?hidden=${!searching}>${renderResults(ctx, view.results)}</div>
      </div>
      ${renderDetails(ctx, view.details)}
    </div>
  `;
}
