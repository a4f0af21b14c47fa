import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { createRef } from 'lit/directives/ref.js';
import { providerName } from '../model/document-filter.js';
import { CaseFrameworkLoadEvent, CaseSelectionChangeEvent, CaseValueResolveEvent, type SelectedItem } from '../events.js';
import type { Searcher, SearchSource, SourceHit } from '../search/search-sources.js';
import { styles } from './case-standards-picker.styles.js';
import { FormAssociatedPicker } from './form-associated.js';
import { isNarrow, rowHeight } from './row-metrics.js';
import { errorDetail, ErrorReporter } from './error-detail.js';
import { SelectionActions } from './selection-actions.js';
import { AnnounceController } from './controllers/announce.controller.js';
import { DetailsController } from './controllers/details.controller.js';
import { EquivalentsController } from './controllers/equivalents.controller.js';
import { FieldController } from './controllers/field.controller.js';
import { FrameworkLoadController, type LoadView } from './controllers/framework-load.controller.js';
import { FrameworkListController } from './controllers/framework-list.controller.js';
import { LocaleController } from './controllers/locale.controller.js';
import { SearchController } from './controllers/search.controller.js';
import { SelectionController } from './controllers/selection.controller.js';
import { SuggestionsController } from './controllers/suggestions.controller.js';
import { RecentsController } from './controllers/recents.controller.js';
import { RestoreController } from './controllers/restore.controller.js';
import { RevealController } from './controllers/reveal.controller.js';
import { renderRecent } from './views/recent.js';
import { TreeController } from './controllers/tree.controller.js';
import { VirtualListController } from './controllers/virtual-list.controller.js';
import { renderFrameworkView } from './views/framework.js';
import { renderField } from './views/field.js';
import { renderFrameworkList } from './views/framework-list.js';
import { focusAfterChipRemoval, renderSelection } from './views/selection.js';
import { renderError, renderIdle, renderPending } from './views/status.js';
import { partialBranches, treeRowId } from './views/tree.js';
import type { ViewContext } from './views/view-context.js';

function splitIdentifiers(value: string | null | undefined): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean);
}

let instances = 0;

/**
 * Browse and pick learning standards from any 1EdTech CASE API, and emit their GUIDs.
 *
 * @tagname case-standards-picker
 * @summary A CASE standards picker: framework list, virtualised tree, fuzzy search, selection.
 *
 * @fires case-selection-change - After every user change of the selection. `detail: { value, items }`.
 * @fires change - Plain event fired with `case-selection-change`, for forms and frameworks.
 * @fires case-framework-load - A framework is ready. `detail: { identifier, title, itemCount, source, duration }`.
 * @fires case-error - A view cannot be shown, or (code `storage`) to inform. `detail: { code, message, status? }`.
 * @fires case-value-resolve - The identifiers of a programmatic `value` are all resolved. `detail: { items }` (with each item's `status`).
 *
 * Its attributes, properties, parts and CSS custom properties are documented on `PickerProperties`.
 */
export class CaseStandardsPicker extends FormAssociatedPicker {
  static override styles = styles;

  /** Selected CFItem identifiers, separated by whitespace. */
  @property({ noAccessor: true })
  get value(): string {
    return this.selection.identifiers.join(' ');
  }
  set value(value: string | null | undefined) {
    const old = this.value;
    this.selection.setIdentifiers(splitIdentifiers(value));
    this.recents.setBaseline(splitIdentifiers(value));
    this.requestUpdate('value', old);
  }

  /** The selected items, in selection order. Read-only. */
  get selectedItems(): readonly SelectedItem[] {
    return this.selection.items;
  }

  /**
   * Resolves when the requested view is shown: the framework list, an error, or the open
   * framework together with its search index (shown and searchable).
   */
  get ready(): Promise<void> {
    return this.loader.ready;
  }

  private readonly uid = `csp${++instances}`;
  // A ref, not @query: it is read on every keystroke, and a query walks the shadow tree.
  private readonly searchInput = createRef<HTMLInputElement>();

  private readonly locale = new LocaleController(this);
  /** The framework list's filter, and how many of its matches are rendered. */
  private readonly list = new FrameworkListController(this);
  private readonly field = new FieldController(this, {
    active: () => this.variant === 'field',
    disabled: () => this.isDisabled,
    focusInside: dialog =>
      (this.searchInput.value ?? dialog.querySelector<HTMLElement>('.dialog-body :is(input, button, [tabindex="0"])'))?.focus(),
  });
  private readonly announcer = new AnnounceController(this);
  private readonly errors = new ErrorReporter(this, {
    strings: () => this.locale.strings,
    announce: words => this.announcer.announce(words),
  });
  private readonly treeList = new VirtualListController(this, () => this.rowHeight);
  private readonly resultList = new VirtualListController(this, () => this.rowHeight);

  private readonly loader: FrameworkLoadController = new FrameworkLoadController(this, {
    onInstall: (loaded, keepView) => {
      this.tree.install(loaded, keepView);
      this.restorer.installed(loaded);
      this.reveal.installed(loaded);
      this.search.setFramework(loaded);
      this.selection.requestResolve();
      this.details.reset(keepView);
      const { document, items } = loaded.framework;
      this.announcer.announce(this.locale.strings.frameworkLoaded(document.title, items.length));
    },
    onScan: (loaded, scan) => this.search.setScan(loaded, scan),
    onIndex: (loaded, index) => this.search.setFramework(loaded, index),
    onLoad: detail => this.dispatchEvent(new CaseFrameworkLoadEvent(detail)),
    onError: error => this.errors.report(error),
    onEndpointError: (error, endpoint) => this.errors.report(error, providerName(endpoint)),
    onStorageError: error => this.errors.storage(error),
    onSettled: () => this.selection.requestResolve(),
    usesSuggestions: () => !!this.context?.trim(),
  });

  private readonly selection: SelectionController = new SelectionController(this, {
    onUserChange: () => {
      const items = [...this.selectedItems];
      this.recents.record(items);
      this.dispatchEvent(new CaseSelectionChangeEvent({ value: items.map(i => i.identifier), items }));
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    },
    onValueResolved: items => this.dispatchEvent(new CaseValueResolveEvent({ items })),
    cacheContext: () => this.loader.cacheContext(),
    resolveContext: () => ({
      framework: this.loader.loaded?.framework,
      // The open framework's endpoint first, then the others.
      clients: [...new Set([this.loader.client, ...this.loader.clients].filter(c => !!c))],
      wait: this.loader.busyWithFramework,
    }),
  });

  private readonly tree: TreeController = new TreeController(this, {
    list: this.treeList,
    showDetails: key => this.showDetails(key),
    toggle: key => this.toggleItem(key),
    otherItemsLabel: () => this.locale.strings.otherItems,
    rowElement: index => this.renderRoot.querySelector<HTMLElement>(`#${treeRowId(this.uid, index)}`),
  });

  private readonly search: SearchController = new SearchController(this, {
    list: this.resultList,
    savedPlaces: () => this.loader.savedPlaces(),
    onStorageError: error => this.errors.storage(error),
    onResults: results =>
      this.announcer.announceLater(() => {
        if (results !== this.search.results) return undefined;
        const s = this.locale.strings;
        return results.total ? s.resultCount(results.hits.length, results.total) : s.noResults(this.search.query.trim());
      }),
    onActiveHit: hit => this.showDetails(hit.key, hit.source),
    onChoose: hit => this.toggleItem(hit.key, hit.source),
    onCleared: () => this.searchInput.value?.focus(),
  });

  private readonly suggestions: SuggestionsController = new SuggestionsController(this, {
    sources: () => this.search.sources,
    filter: () => this.search.filter,
    criteriaKey: () => this.search.criteriaKey,
    language: () => this.locale.language,
    provider: () => this.suggestProvider,
    onActive: hit => this.showDetails(hit.key, hit.source),
    onChoose: hit => this.toggleItem(hit.key, hit.source),
  });

  private readonly recents = new RecentsController(this, {
    store: () => (this.noRecent ? undefined : this.loader.stateStore()),
    endpoints: () => this.loader.endpoints,
    onStorageError: error => this.errors.storage(error),
    shown: () => this.loader.ready,
  });

  private readonly restorer = new RestoreController(this, {
    store: () => (this.restore ? this.loader.stateStore() : undefined),
    endpoints: () => this.loader.endpoints,
    framework: () => this.framework,
    open: identifier => this.openFramework(identifier),
    tree: this.tree,
    list: this.treeList,
    onStorageError: error => this.errors.storage(error),
  });

  private readonly reveal = new RevealController(this, {
    loaded: () => this.loader.loaded,
    frameworkOf: key => this.selection.entries.get(key)?.item?.documentIdentifier,
    open: identifier => this.openFramework(identifier),
    showDialog: () => {
      if (this.variant === 'field') this.field.show();
    },
    showItem: key => this.revealItem(key),
  });

  private readonly actions = new SelectionActions({
    selection: this.selection,
    announce: text => this.announcer.announce(text),
    strings: () => this.locale.strings,
    openFramework: () => this.loader.loaded?.framework,
    disabled: () => this.isDisabled,
  });

  private readonly details = new DetailsController(this, {
    equivalents: new EquivalentsController(this, {
      client: () => this.loader.client,
      otherSources: () => this.search.otherSources,
      savedPlaces: () => this.loader.savedPlaces(),
    }),
    actions: this.actions,
    reveal: key => this.revealItem(key),
    copy: text => void this.actions.copy(text),
    onBack: () => {
      if (this.search.isSearching) this.searchInput.value?.focus();
      else void this.tree.focusRow(this.tree.activeRow);
    },
  });

  // ── Lifecycle ───────────────────────────────────────────────────────────────

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('strings')) this.locale.setOverrides(this.strings);
    if (['endpoint', 'client', 'tokenProvider', 'fetch', 'timeout'].some(p => changed.has(p))) this.loader.updateClient();
    // A new provider: resolve pre-selected items there again.
    if (changed.has('endpoint') || changed.has('client')) this.selection.retryUnresolved();
    if (changed.has('cacheName') || changed.has('noCache')) this.loader.resetCache();
    if (changed.has('educationLevel')) this.search.setGrades(splitIdentifiers(this.educationLevel));
    if (changed.has('framework')) this.handleFrameworkChange();
    if (changed.has('max') || changed.has('multiple')) this.selection.clearAlert();
    if (changed.has('context')) this.suggestions.setContext(this.context ?? '');
    if (changed.has('variant') && this.variant !== 'field') this.field.open = false;
  }

  protected override render(): TemplateResult {
    const ctx = this.viewContext();
    const body = this.loader.task.render({
      initial: () => renderIdle(ctx),
      pending: () => renderPending(ctx, !!this.framework.trim(), this.loader.progress, this.backHandler()),
      complete: view => this.renderView(ctx, view),
      error: error => renderError(ctx, error, () => this.loader.retry(), this.framework.trim() ? this.backHandler() : undefined),
    });
    const selection = renderSelection(ctx, {
      entries: [...this.selection.entries.values()],
      alert: this.selection.alert,
      onCopyAll: () => void this.actions.copyAll(),
      onDownload: format => this.actions.download(format),
      onClear: this.handleClearSelection,
      onRemove: identifier => this.handleChipRemove(identifier),
      replacementLabel: identifier => this.actions.replacementLabel(identifier),
      onReplace: (identifier, replacement) => this.actions.replace(identifier, replacement),
      onReveal: identifier => this.reveal.chip(identifier),
    });
    const liveRegion = html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcer.text}</div>`;
    if (this.variant === 'field') {
      const { field } = this;
      const count = this.selection.entries.size;
      return html`<div part="base" class=${ctx.narrow ? 'picker field narrow' : 'picker field'} role="group" aria-labelledby="${this.uid}-field-label">
        ${renderField(ctx, {
          count,
          invalidMessage: field.showInvalid && this.required && !this.selection.submittable.length ? ctx.s.required : undefined,
          field,
          selection,
          body,
          liveRegion,
        })}
      </div>`;
    }
    return html`
      <div part="base" class=${ctx.narrow ? 'picker narrow' : 'picker'} role="group" aria-label=${ctx.s.pickerLabel}>
        ${body} ${selection} ${liveRegion}
      </div>
    `;
  }

  protected override updated(): void {
    this.syncForm(); // publishes only what changed
  }

  // ── Field variant ───────────────────────────────────────────────────────────

  /** Opens the picker: the dialog of `variant="field"`; inline, focuses the search box (or the framework list). */
  showPicker(): void {
    if (this.variant === 'field') this.field.show();
    else (this.searchInput.value ?? this.renderRoot.querySelector<HTMLElement>('input, button, [tabindex="0"]'))?.focus();
  }

  // ── Public methods ──────────────────────────────────────────────────────────

  /** Reloads the open framework (or the list), bypassing a fresh cached copy. */
  reload(): Promise<void> {
    return this.loader.reload();
  }

  /** Removes every cached framework of this picker's cache. */
  async clearCache(): Promise<void> {
    try {
      this.recents.forget();
      await Promise.all([this.loader.cache()?.clear(), this.loader.stateStore()?.clear()]);
    } catch (error) {
      this.errors.storage(error);
    }
  }

  // ── Rendering ───────────────────────────────────────────────────────────────

  private get isDisabled(): boolean {
    return this.disabled || this.forms.formDisabled;
  }

  private get narrow(): boolean {
    return isNarrow(this.treeList.viewportWidth || this.resultList.viewportWidth);
  }

  private get rowHeight(): number {
    return rowHeight(this.density, this.narrow);
  }

  private viewContext(): ViewContext {
    return {
      s: this.locale.strings,
      uid: this.uid,
      multiple: this.multiple,
      disabled: this.isDisabled,
      rowHeight: this.rowHeight,
      narrow: this.narrow,
      formatDate: value => this.locale.formatDate(value),
    };
  }

  /** The back button's handler, when there is a list to go back to. */
  private backHandler(): (() => void) | undefined {
    return this.endpoint || this.client ? this.handleBack : undefined;
  }

  private renderView(ctx: ViewContext, view: LoadView): TemplateResult {
    if (view.kind === 'list') {
      return renderFrameworkList(ctx, {
        documents: view.documents,
        offlineSince: view.offline ? view.fetchedAt : undefined,
        failures: view.failures.map(f => errorDetail(f.error, ctx.s, providerName(f.endpoint)).words),
        criteria: this.list.criteria,
        formatAge: since => this.locale.formatAgeSince(since),
        onCriteria: criteria => this.list.setCriteria(criteria),
        limit: this.list.limit,
        renderNow: matches => this.list.renderNow(view.documents, matches),
        onShowMore: () => this.list.showMore(),
        onOpen: identifier => this.openFramework(identifier),
        recent: this.renderRecent(ctx, false),
      });
    }
    if (view.kind === 'idle') return renderIdle(ctx);
    return this.renderFramework(ctx);
  }

  private renderRecent(ctx: ViewContext, folded: boolean): TemplateResult {
    return html`${renderRecent(ctx, {
      items: this.recents.items,
      isSelected: key => this.selection.has(key),
      onChoose: item => this.actions.addRecent(item),
      folded,
    })}`;
  }

  private renderFramework(ctx: ViewContext): TemplateResult {
    const loaded = this.loader.loaded;
    if (!loaded) return renderPending(ctx, true, this.loader.progress, this.backHandler());
    const { framework } = loaded;
    const search = this.search;
    const notice = this.loader.notice;
    const isSelected = (key: string) => this.selection.has(key);
    const s = ctx.s;
    return renderFrameworkView(ctx, {
      loaded,
      notice: notice && (notice.kind === 'updated' ? s.updatedInBackground : s.offline(this.locale.formatAgeSince(notice.since))),
      onBack: this.backHandler(),
      searchBar: { search, input: this.searchInput, facets: loaded.facets, scopes: !this.noCache, onInput: this.handleSearchInput },
      onSelectCodes: () => this.actions.selectHits(search.results?.hits ?? []),
      recent: search.query.trim() ? undefined : this.renderRecent(ctx, true),
      selectedOnly: {
        available: [...this.selection.entries.keys()].some(key => framework.itemsByKey.has(key)),
        on: this.tree.selectedOnly,
        toggle: () => this.tree.showOnly(this.tree.selectedOnly ? undefined : loaded.tree.withAncestors(this.selection.entries.keys())),
      },
      tree: {
        tree: this.tree,
        list: this.treeList,
        framework,
        isSelected,
        isPartial: partialBranches(this.selection.entries, loaded.tree),
        onDetails: key => this.showDetails(key, undefined, true),
      },
      results: {
        search,
        list: this.resultList,
        framework,
        isSelected,
        onResultClick: index => this.handleResultClick(index),
        onResultDetails: index => {
          const hit = search.activate(index);
          if (hit) this.showDetails(hit.key, hit.source, true);
        },
      },
      details: this.details.view(loaded, search.isSearching),
      suggestions: {
        suggestions: this.suggestions,
        framework,
        isSelected,
        onClick: index => {
          const hit = this.suggestions.activate(index);
          if (hit) this.toggleItem(hit.key, hit.source);
        },
      },
    });
  }

  // ── Handlers ────────────────────────────────────────────────────────────────

  private handleFrameworkChange(): void {
    this.loader.frameworkChanged();
    if (!this.loader.loaded) {
      this.tree.clear();
      this.search.setFramework(undefined);
      this.details.reset(true);
    }
  }

  private readonly handleBack = () => {
    this.framework = '';
  };

  private openFramework(identifier: string): void {
    this.search.setQuery('');
    this.framework = identifier;
  }

  private readonly handleSearchInput = (event: InputEvent) => {
    this.search.setQuery((event.target as HTMLInputElement).value);
  };

  private handleResultClick(index: number): void {
    const hit = this.search.activate(index);
    if (!hit) return;
    this.showDetails(hit.key, hit.source);
    this.toggleItem(hit.key, hit.source);
    this.searchInput.value?.focus();
  }

  private handleChipRemove(identifier: string): void {
    const at = this.actions.remove(identifier);
    if (at >= 0) void this.updateComplete.then(() => focusAfterChipRemoval(this.renderRoot, at, this.searchInput.value));
  }

  private readonly handleClearSelection = () => {
    this.actions.clear();
    this.searchInput.value?.focus();
  };

  /** Selects or deselects an item of the open framework, or of `source` (a search result from another framework). */
  private toggleItem(key: string, source?: SourceHit['source']): void {
    const framework = (source ?? this.loader.loaded)?.framework;
    if (framework) this.actions.toggle(key, framework);
  }

  // ── Utilities ───────────────────────────────────────────────────────────────

  /** Shows an item in the details panel: of the open framework, or of another searched one. */
  private showDetails(key: string, source?: SearchSource<Searcher>, overlay = false): void {
    this.details.show(key, this.loader.loaded, source, overlay);
    // Over the list (a narrow layout): focus goes to its back control.
    if (overlay) {
      void this.updateComplete.then(() => {
        const back = this.renderRoot.querySelector<HTMLElement>('[part~="details-back"]');
        if (back?.checkVisibility()) back.focus();
      });
    }
  }

  /** Clears the search, opens the path to an item, focuses its row and shows its details. */
  private revealItem(key: string): void {
    this.search.clear();
    this.showDetails(key);
    this.tree.reveal(key);
  }

  private syncForm(): void {
    const anchor =
      (this.variant === 'field' ? this.field.openButton.value : this.searchInput.value) ??
      this.renderRoot.querySelector<HTMLElement>('button, [tabindex="0"]') ??
      undefined;
    this.forms.sync(this.selection.submittable, this.locale.strings.required, anchor);
  }
}
