import { html, nothing, type TemplateResult } from 'lit';
import type { SelectedItem } from '../../events.js';
import { identifierKey } from '../../model/normalize.js';
import { chipLabel } from '../../text/item-labels.js';
import type { ViewContext } from './view-context.js';

export interface RecentView {
  items: readonly SelectedItem[];
  isSelected: (key: string) => boolean;
  onChoose: (item: SelectedItem) => void;
  /** In the open framework, the list is folded away (`<details>`) until asked for. */
  folded: boolean;
}

/**
 * Recently used standards (`recent`): activating one (`recent-item`) selects it without opening
 * its framework. Each names its code, statement and framework.
 */
export function renderRecent(ctx: ViewContext, view: RecentView): TemplateResult | typeof nothing {
  const { s, uid } = ctx;
  if (!view.items.length) return nothing;
  const list = html`<ul class="recent-list" aria-labelledby="${uid}-recent-title">
    ${view.items.map(item => {
      const label = chipLabel(item, item.identifier, s);
      const selected = view.isSelected(identifierKey(item.identifier));
      return html`<li>
        <button
          part="recent-item"
          class="recent-item"
          type="button"
          data-identifier=${item.identifier}
          aria-pressed=${selected ? 'true' : 'false'}
          ?disabled=${ctx.disabled}
          @click=${() => view.onChoose(item)}
        >
          <span class="recent-label" dir="auto">${label}</span>
          <span class="meta" dir="auto">${item.documentTitle ?? ''}</span>
        </button>
      </li>`;
    })}
  </ul>`;
  if (view.folded) {
    return html`<details part="recent" class="recent">
      <summary id="${uid}-recent-title">${s.recent} (${view.items.length})</summary>
      ${list}
    </details>`;
  }
  return html`<section part="recent" class="recent">
    <h3 id="${uid}-recent-title" class="recent-title">${s.recent}</h3>
    ${list}
  </section>`;
}
