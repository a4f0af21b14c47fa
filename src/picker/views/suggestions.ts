import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ownStatus } from '../../model/item-status.js';
import type { Framework } from '../../model/framework.js';
import { shortLabel } from '../../text/item-labels.js';
import type { SuggestionsController } from '../controllers/suggestions.controller.js';
import { renderCheck, renderItemText } from './rows.js';
import type { ViewContext } from './view-context.js';

export interface SuggestionsView {
  suggestions: SuggestionsController;
  /** The open framework: suggestions from others name their framework first. */
  framework: Framework;
  isSelected: (key: string) => boolean;
  onClick: (index: number) => void;
}

const suggestionId = (uid: string, index: number) => `${uid}-suggestion-${index}`;

/**
 * "Suggested for this resource": a short listbox (about 10 options, not virtualised), best
 * first, each with the words that matched marked and its path. Operated like the results:
 * arrows move, Enter or Space selects, focus shows the item in details.
 */
export function renderSuggestions(ctx: ViewContext, view: SuggestionsView): TemplateResult | typeof nothing {
  const { s, uid } = ctx;
  const { suggestions } = view;
  if (!suggestions.context) return nothing;
  const { hits, active } = suggestions;
  const marks = { terms: [], typos: suggestions.words };
  const note = suggestions.loading
    ? s.findingSuggestions
    : suggestions.fellBack
      ? s.suggestionsFallback
      : hits.length === 0
        ? s.noSuggestions
        : '';
  return html`<section class="suggestions-panel" aria-labelledby="${uid}-suggestions-title" aria-busy=${suggestions.loading ? 'true' : 'false'}>
    <h3 id="${uid}-suggestions-title" class="suggestions-title">${s.suggestions}</h3>
    ${note ? html`<p part="status" class="meta" role="status">${note}</p>` : nothing}
    ${
      hits.length
        ? html`<div
            part="suggestions"
            role="listbox"
            tabindex="0"
            class="suggestions"
            aria-labelledby="${uid}-suggestions-title"
            aria-multiselectable=${ctx.multiple ? 'true' : 'false'}
            aria-activedescendant=${active >= 0 && active < hits.length ? suggestionId(uid, active) : nothing}
            @keydown=${suggestions.handleKeyDown}
            @focus=${suggestions.handleFocus}
          >
            ${hits.map(({ item, source }, i) => {
              const selected = view.isSelected(item.key);
              const labels = source.framework.itemsByKey;
              const path = source.tree.pathTo(item.key).map(k => shortLabel(labels.get(k), s));
              if (source.framework !== view.framework) path.unshift(source.framework.document.title);
              // Operated from the keyboard through the listbox (aria-activedescendant), like results.
              // eslint-disable-next-line lit-a11y/click-events-have-key-events
              return html`<div
                part="suggestion${selected ? ' selected' : ''}"
                role="option"
                id=${suggestionId(uid, i)}
                class=${classMap({ row: true, 'suggestion-row': true, active: i === active })}
                data-identifier=${item.identifier}
                aria-selected=${selected ? 'true' : 'false'}
                @click=${() => view.onClick(i)}
              >
                ${renderCheck(ctx, selected)}${renderItemText(ctx, item, ownStatus(source.framework, item), marks, path.join(' › '))}
              </div>`;
            })}
          </div>`
        : nothing
    }
  </section>`;
}
