import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SelectedItem } from '../../events.js';
import type { CaseItem } from '../../model/framework.js';
import { identifierKey } from '../../model/normalize.js';
import { toSelectedItem } from '../../model/selected-item.js';
import { measure } from '../../perf/measure.js';
import type { SearchSource } from '../../search/search-sources.js';
import { isHeadingItem, suggest } from '../../search/suggest.js';

/**
 * The host's ranking (a semantic model on its server): identifiers of the open framework's
 * items, best first. `signal` aborts when the answer is no longer wanted (a newer context, the
 * picker removed).
 */
export type SuggestProvider = (
  context: string,
  framework: { identifier: string; items: readonly SelectedItem[] },
  options: { signal: AbortSignal },
) => Promise<Array<{ identifier: string; score?: number }>>;

export interface SuggestedItem {
  key: string;
  item: CaseItem;
  source: SearchSource;
}

export interface SuggestionsOptions {
  /** The frameworks searched (the open one first) and the grade / type filter: suggestions follow both. */
  sources: () => readonly SearchSource[];
  filter: () => ((item: CaseItem) => boolean) | undefined;
  /** Changes whenever the sources or filter do. */
  criteriaKey: () => string;
  /** The UI language (stemming and stop words when the framework does not give its own). */
  language: () => string;
  provider: () => SuggestProvider | undefined;
  /** The active suggestion changed by keyboard: the host shows it in details. */
  onActive: (hit: SuggestedItem) => void;
  /** Enter or Space on the active suggestion. */
  onChoose: (hit: SuggestedItem) => void;
}

const SUGGESTIONS = 10;
/** Typing into a description box: changes closer together than this are ranked once, when they pause. */
const DEBOUNCE_MS = 250;

/**
 * Suggested standards for the host's `context` (a resource's title and description): ranked in
 * the page over the search index, or by the host's `suggestProvider` (with the built-in ranking
 * as the fallback). The first change after a pause is ranked at once; a burst of changes (typing)
 * is ranked when it pauses. A provider's answer for an older context is dropped, and its request
 * aborted.
 */
export class SuggestionsController implements ReactiveController {
  /** The context being ranked (after the debounce). */
  context = '';
  hits: SuggestedItem[] = [];
  /** The vocabulary words that matched, for highlighting. */
  words: string[] = [];
  /** The host's provider is ranking. */
  loading = false;
  /** The provider failed: the built-in ranking is shown. */
  fellBack = false;
  active = -1;
  private pendingContext = '';
  private timer?: ReturnType<typeof setTimeout>;
  private lastChange = -Infinity;
  private rankedFor = '';
  private request?: AbortController;
  private readonly selectedItems = new WeakMap<object, SelectedItem[]>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SuggestionsOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const key = `${this.context}\u0000${this.options.criteriaKey()}\u0000${this.options.provider() ? 1 : 0}`;
    if (key !== this.rankedFor) {
      this.rankedFor = key;
      this.rank();
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.request?.abort();
    this.request = undefined;
    this.loading = false;
    this.rankedFor = ''; // ranked again when the element comes back
  }

  /** The host's `context` changed. */
  setContext(context: string): void {
    this.pendingContext = context.trim();
    const now = performance.now();
    const burst = now - this.lastChange < DEBOUNCE_MS;
    this.lastChange = now;
    clearTimeout(this.timer);
    if (!burst) this.commit();
    else this.timer = setTimeout(() => this.commit(), DEBOUNCE_MS);
  }

  /** Arrow keys, Home / End, Enter and Space on the suggestions listbox. */
  readonly handleKeyDown = (event: KeyboardEvent): void => {
    const count = this.hits.length;
    if (!count || event.defaultPrevented) return;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(count - 1, this.active + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, this.active - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (this.hits[this.active]) this.options.onChoose(this.hits[this.active]);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.activate(next);
  };

  /** The listbox got focus: its first (or current) suggestion becomes active. */
  readonly handleFocus = (): void => {
    if (this.active < 0 && this.hits.length) this.activate(0);
  };

  /** Makes suggestion `index` the active one (also on a click) and shows it. */
  activate(index: number): SuggestedItem | undefined {
    const hit = this.hits[index];
    if (!hit) return undefined;
    this.active = index;
    this.options.onActive(hit);
    this.host.requestUpdate();
    return hit;
  }

  private commit(): void {
    if (this.pendingContext === this.context) return;
    this.context = this.pendingContext;
    this.host.requestUpdate();
  }

  private rank(): void {
    this.request?.abort();
    this.request = undefined;
    this.loading = false;
    this.active = -1;
    const sources = this.options.sources();
    if (!this.context || !sources.length) {
      this.show([], [], false);
      return;
    }
    const provider = this.options.provider();
    if (provider) void this.askProvider(provider, sources);
    else this.rankBuiltIn(sources, false);
  }

  private rankBuiltIn(sources: readonly SearchSource[], fellBack: boolean): void {
    const filter = this.options.filter();
    const ranked = measure('suggest', () =>
      sources.flatMap(source => {
        const { framework, tree, index } = source;
        const result = suggest(index, this.context, {
          limit: SUGGESTIONS,
          filter,
          language: framework.document.language || this.options.language(),
          isHeading: item => isHeadingItem(item, tree.childrenOf(item.key).length > 0),
        });
        return result.suggestions.map(s => ({ ...s, source, words: result.words }));
      }),
    );
    // Several frameworks: mentioned codes first, then standards, by score.
    ranked.sort((a, b) => a.tier - b.tier || b.score - a.score);
    const top = ranked.slice(0, SUGGESTIONS);
    const hits = top.flatMap(r => {
      const item = r.source.framework.itemsByKey.get(r.key);
      return item ? [{ key: r.key, item, source: r.source }] : [];
    });
    this.show(hits, [...new Set(top.flatMap(r => r.words))], fellBack);
  }

  private async askProvider(provider: SuggestProvider, sources: readonly SearchSource[]): Promise<void> {
    const controller = new AbortController();
    this.request = controller;
    const context = this.context;
    const source = sources[0];
    const { framework } = source;
    this.loading = true;
    this.hits = []; // never an older context's answer while the new one is coming
    this.host.requestUpdate();
    let items = this.selectedItems.get(framework);
    if (!items) this.selectedItems.set(framework, (items = framework.items.map(item => toSelectedItem(item, framework.document))));
    try {
      const answer = await provider(context, { identifier: framework.document.identifier, items }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      const filter = this.options.filter();
      const seen = new Set<string>();
      const hits: SuggestedItem[] = [];
      for (const entry of Array.isArray(answer) ? answer : []) {
        const key = typeof entry?.identifier === 'string' ? identifierKey(entry.identifier) : '';
        const item = framework.itemsByKey.get(key);
        if (!item || seen.has(key) || (filter && !filter(item))) continue;
        seen.add(key);
        hits.push({ key, item, source });
        if (hits.length === SUGGESTIONS) break;
      }
      this.loading = false;
      this.show(hits, [], false);
    } catch (error) {
      if (controller.signal.aborted) return;
      console.warn('[case-standards-picker] suggestProvider failed; showing the built-in suggestions.', error);
      this.loading = false;
      this.rankBuiltIn(sources, true);
    } finally {
      if (this.request === controller) this.request = undefined;
    }
  }

  private show(hits: SuggestedItem[], words: string[], fellBack: boolean): void {
    this.hits = hits;
    this.words = words;
    this.fellBack = fellBack;
    this.host.requestUpdate();
  }
}
