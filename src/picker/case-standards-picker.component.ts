import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { CaseApiError, CaseErrorCode, isAbortError } from '../api/case-api-error.js';
import { CaseClient, type TokenProvider } from '../api/case-client.js';
import { StandardsCache } from '../cache/standards-cache.js';
import {
  CaseErrorEvent,
  CaseFrameworkLoadEvent,
  CaseSelectionChangeEvent,
  type SelectedItem,
} from '../events.js';
import type { CaseDocument, CaseItem, Framework } from '../model/framework.js';
import { identifierKey, linkURI, normalizeDocument, normalizeItem } from '../model/normalize.js';
import { SearchIndex } from '../search/search-index.js';
import { type MergedResult, type SearchSource, searchSources } from '../search/search-sources.js';
import { stringsFor } from '../locales/index.js';
import { englishStrings, formatAge, type PickerStrings } from '../strings.js';
import { renderInlineMarkup, renderMarkup, renderText, type Marks } from '../text/render-markup.js';
import { toPlainText } from '../export/csv.js';
import { safeHref } from '../text/safe-markup.js';
import { documentFacets, filterDocuments } from '../model/document-filter.js';
import { compareGrades, gradeRange, gradeRank } from '../model/education-level.js';
import { parentIndex, treeKeyAction, typeAheadIndex } from '../tree/tree-keys.js';
import { OTHER_ITEMS_KEY, type TreeRow } from '../tree/tree-model.js';
import { styles } from './case-standards-picker.styles.js';
import { cssProps } from './css-props.js';
import { afterNextPaint } from '../yield.js';
import {
  type FrameworkFacets,
  type LoadedFramework,
  type LoadProgress,
  buildFramework,
  loadDocuments,
  loadFramework,
  measure,
  type Revalidation,
} from './framework-loader.js';

/** One entry of the selection. Items outside the open framework are resolved with CFItems/{id}. */
interface SelectionEntry {
  identifier: string;
  item?: SelectedItem;
  state: 'resolved' | 'loading' | 'not-found' | 'error';
}

type TaskValue =
  | { kind: 'idle' }
  | { kind: 'list'; documents: CaseDocument[]; offline?: boolean; fetchedAt: number }
  | { kind: 'framework'; loaded: LoadedFramework; revalidate?: () => Promise<Revalidation>; duration: number };

const ROW_HEIGHT = { comfortable: 56, compact: 34 } as const;
const BUFFER_ROWS = 5;
const TYPEAHEAD_MS = 700;

function toSelectedItem(item: CaseItem, document?: CaseDocument): SelectedItem {
  // Without its framework (an item resolved on its own), the item's own CFDocumentURI names it.
  const docLink = document ? undefined : linkURI(item.raw.CFDocumentURI);
  return {
    identifier: item.identifier,
    uri: item.uri,
    fullStatement: item.fullStatement,
    humanCodingScheme: item.humanCodingScheme,
    abbreviatedStatement: item.abbreviatedStatement,
    itemType: item.itemType,
    educationLevel: [...item.educationLevel],
    documentIdentifier: document?.identifier ?? docLink?.identifier ?? '',
    documentTitle: document?.title ?? docLink?.title,
    documentUri: document?.uri ?? docLink?.uri,
  };
}

/** The abbreviated statement, else the full one, cut to about 60 characters for one-line labels. */
function shortStatement(item: { abbreviatedStatement?: string; fullStatement: string }): string {
  const text = item.abbreviatedStatement ?? item.fullStatement;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

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
 *
 * @csspart base - The picker's wrapper.
 * @csspart framework-list - The list of frameworks (CFDocuments).
 * @csspart framework-option - One framework; carries `data-identifier`.
 * @csspart back - The control that returns to the framework list.
 * @csspart search-input - The search box (combobox).
 * @csspart filters - Grade and item-type filters.
 * @csspart tree - The ARIA tree of the open framework.
 * @csspart treeitem - A tree row; carries `data-identifier`. Also `treeitem selected` when selected.
 * @csspart toggle - The expand / collapse control of a tree row.
 * @csspart code - The code (humanCodingScheme) in a row.
 * @csspart label - The statement in a row.
 * @csspart results - The search results listbox.
 * @csspart result - A search result; carries `data-identifier`.
 * @csspart details - The focused item's full record.
 * @csspart breadcrumb - The path of the focused item.
 * @csspart selection - The selected items tray.
 * @csspart chip - A selected item; carries `data-identifier`.
 * @csspart chip-remove - The control that removes a chip.
 * @csspart status - Loading, empty and error messages.
 *
 * @cssproperty [--case-picker-font=system-ui] - Font family.
 * @cssproperty [--case-picker-font-size=0.9375rem] - Base font size.
 * @cssproperty [--case-picker-color-text=#1b1f24] - Text colour.
 * @cssproperty [--case-picker-color-muted=#57606a] - Secondary text colour.
 * @cssproperty [--case-picker-color-bg=#ffffff] - Background.
 * @cssproperty [--case-picker-color-surface=#f6f8fa] - Buttons and panels.
 * @cssproperty [--case-picker-color-border=#8c959f] - Borders.
 * @cssproperty [--case-picker-color-accent=#0b5cad] - Links, selection marks.
 * @cssproperty [--case-picker-color-accent-text=#ffffff] - Text on the accent colour.
 * @cssproperty [--case-picker-color-selected-bg=#ddeeff] - Selected rows and chips.
 * @cssproperty [--case-picker-color-hover-bg=#eef3f8] - Hovered rows.
 * @cssproperty [--case-picker-color-focus=#0b5cad] - Focus ring.
 * @cssproperty [--case-picker-color-mark-bg=#fff3a3] - Search match highlight.
 * @cssproperty [--case-picker-color-error=#b3261e] - Errors.
 * @cssproperty [--case-picker-radius=6px] - Corner radius.
 * @cssproperty [--case-picker-spacing=0.5rem] - Gaps and padding (smaller with `density="compact"`).
 * @cssproperty [--case-picker-height=26rem] - Height of the tree, results and details panels.
 */
export class CaseStandardsPicker extends LitElement {
  static override styles = styles;
  static formAssociated = true;

  /** CASE service base (`…/ims/case/v1p0`, `…/ims/case/v1p1`) or service root (v1p1 is tried, then v1p0). */
  @property() endpoint = '';

  /** CFDocument identifier to open. Empty: the framework list is shown. */
  @property({ reflect: true }) framework = '';

  /** Multi-select. Default: single selection. */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /** Most selections allowed with `multiple`. */
  @property({ type: Number }) max?: number;

  /** Form field name: one entry per selected identifier is submitted. */
  @property({ reflect: true }) name = '';

  /** With nothing selected the form control is invalid (`valueMissing`). */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Disables selection changes. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Initial grade filter: whitespace-separated CASE education levels (`KG 01 02`). */
  @property({ attribute: 'education-level' }) educationLevel = '';

  /** Seconds a cached framework is used without revalidating. */
  @property({ type: Number, attribute: 'cache-max-age' }) cacheMaxAge = 86400;

  /** Do not use IndexedDB at all. */
  @property({ type: Boolean, attribute: 'no-cache' }) noCache = false;

  /** IndexedDB database name (separate caches per app, or per test). */
  @property({ attribute: 'cache-name' }) cacheName = 'case-standards-picker';

  /** `auto` follows `prefers-color-scheme`; `light` or `dark` force one. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  /** `compact` shows one line per row and tighter spacing. */
  @property({ reflect: true }) density: 'comfortable' | 'compact' = 'comfortable';

  /** Milliseconds before a CASE request fails with `network`. */
  @property({ type: Number }) timeout = 30_000;

  /** Bearer token for protected CASE APIs, asked for on every request and never stored. */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** Replaces the fetch used for every CASE request (proxies, custom headers). */
  @property({ attribute: false }) fetch?: typeof fetch;

  /** A ready CaseClient (stories, tests, custom transports). Overrides `endpoint`, `fetch` and `tokenProvider`. */
  @property({ attribute: false }) client?: CaseClient;

  /** Overrides for the built-in strings (see `PickerStrings`). */
  @property({ attribute: false }) strings: Partial<PickerStrings> = {};

  /** Selected CFItem identifiers, separated by whitespace. */
  @property({ noAccessor: true })
  get value(): string {
    return [...this.selection.values()].map(e => e.identifier).join(' ');
  }
  set value(value: string | null | undefined) {
    const old = this.value;
    this.setSelection(splitIdentifiers(value));
    this.requestUpdate('value', old);
  }

  /** The selected items, in selection order. Read-only. */
  get selectedItems(): readonly SelectedItem[] {
    return [...this.selection.values()].map(
      e => e.item ?? { identifier: e.identifier, uri: '', fullStatement: '', documentIdentifier: '' },
    );
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals?.form ?? null;
  }

  get validity(): ValidityState | undefined {
    return this.internals?.validity;
  }

  get validationMessage(): string {
    return this.internals?.validationMessage ?? '';
  }

  checkValidity(): boolean {
    return this.internals?.checkValidity() ?? true;
  }

  reportValidity(): boolean {
    return this.internals?.reportValidity() ?? true;
  }

  @state() private selection = new Map<string, SelectionEntry>();
  @state() private loaded?: LoadedFramework;
  @state() private searchIndex?: SearchIndex;
  @state() private query = '';
  @state() private gradeFrom = '';
  @state() private gradeTo = '';
  @state() private typeFilter = '';
  @state() private results?: MergedResult;
  /** Search the open framework only, or every framework cached for this endpoint. */
  @state() private scope: 'framework' | 'endpoint' = 'framework';
  /** Cached frameworks of this endpoint other than the open one, for `scope = endpoint`. */
  @state() private otherSources: SearchSource[] = [];
  /** The framework the details panel shows an item of, when it is not the open one. */
  @state() private detailsSource?: SearchSource;
  @state() private activeResult = -1;
  @state() private rows: TreeRow[] = [];
  @state() private activeRow = 0;
  @state() private detailsKey?: string;
  @state() private treeScrollTop = 0;
  @state() private resultsScrollTop = 0;
  /**
   * Rows rendered beyond the visible ones in the results: none right after a keystroke (the
   * visible results paint first), the usual buffer from the next frame on.
   */
  @state() private resultsBuffer = BUFFER_ROWS;
  private bufferFrame = 0;
  @state() private viewportHeight = 416;
  @state() private progress?: LoadProgress;
  @state() private notice?: string;
  @state() private message?: string;
  @state() private listFilter = '';
  @state() private listSubject = '';
  @state() private listCreator = '';
  @state() private listStatus = '';
  @state() private showRetired = false;
  @state() private announcement = '';
  @state() private formDisabled = false;
  /** The element's language: its own `lang`, else the nearest ancestor's, else the page's. */
  @state() private language = 'en';

  // Refs, not @query: these are read on every scroll frame, and a query walks the shadow tree.
  private readonly searchInputRef = createRef<HTMLInputElement>();
  private readonly treeRef = createRef<HTMLElement>();
  private readonly resultsRef = createRef<HTMLElement>();

  private readonly internals?: ElementInternals;
  private readonly uid = `csp${++instances}`;
  private readonly expansion = new Map<string, Set<string>>();
  private cacheInstance?: StandardsCache;
  private caseClient?: CaseClient;
  private reloadToken = 0;
  private reloading = false;
  private revalidation?: AbortController;
  private indexing?: AbortController;
  private resolving = new Set<string>();
  private typeahead = '';
  private typeaheadTimer?: ReturnType<typeof setTimeout>;
  private resizeObserver?: ResizeObserver;
  private scrollFrame = 0;
  private langObserver?: MutationObserver;
  /** Increments with every focus move, so a pending `focusRow` knows it was overtaken. */
  private focusRequest = 0;
  /** Indexed cached frameworks, by identifier and fetch time, reused across searches. */
  private readonly sourceCache = new Map<string, SearchSource>();
  private initialValue?: string;
  private storageReported = false;

  private readonly loadTask = new Task(this, {
    args: () =>
      [this.endpoint, this.framework.trim(), this.client, this.tokenProvider, this.fetch, this.noCache, this.reloadToken] as const,
    task: async ([endpoint, framework], { signal }): Promise<TaskValue> => {
      const client = this.caseClient;
      if (!client || (!endpoint && !this.client)) return { kind: 'idle' };
      const ctx = {
        client,
        cache: this.cache(),
        endpoint: client.endpoint,
        maxAgeMs: this.cacheMaxAge * 1000,
        signal,
        reload: this.reloading,
        onProgress: (progress: LoadProgress) => {
          if (!signal.aborted) this.progress = progress;
        },
        onStorageError: (error: CaseApiError) => this.reportStorage(error),
      };
      this.reloading = false;
      this.revalidation?.abort();
      if (!framework) {
        const result = await loadDocuments(ctx);
        const documents: CaseDocument[] = [];
        for (const raw of result.documents) {
          try {
            documents.push(normalizeDocument(raw));
          } catch {
            // A document without an identifier cannot be opened: leave it out.
          }
        }
        return { kind: 'list', documents, offline: result.offline, fetchedAt: result.fetchedAt };
      }
      this.progress = undefined;
      const started = performance.now();
      const result = await loadFramework(framework, ctx);
      return { kind: 'framework', ...result, duration: performance.now() - started };
    },
    onComplete: value => this.handleTaskComplete(value),
    onError: error => {
      if (isAbortError(error)) return;
      this.progress = undefined;
      this.dispatchError(error);
      this.resolveSelection(true); // pre-selected items no longer wait for this framework
    },
  });

  constructor() {
    super();
    try {
      this.internals = this.attachInternals();
    } catch {
      // Not form-associated in this browser: forms just won't see the value.
    }
  }

  // ── Lifecycle ───────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    this.initialValue ??= this.getAttribute('value') ?? '';
    // `lang` is a global attribute, not a Lit property: watch it (here and on the page) to switch strings.
    const readLanguage = () => (this.language = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en');
    this.langObserver = new MutationObserver(readLanguage);
    this.langObserver.observe(this, { attributes: true, attributeFilter: ['lang'] });
    this.langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    readLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.langObserver?.disconnect();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.revalidation?.abort();
    this.indexing?.abort();
    cancelAnimationFrame(this.bufferFrame);
    void this.cacheInstance?.close();
    this.cacheInstance = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('strings') || changed.has('language')) {
      const base = stringsFor(this.language);
      this.t = { ...base, ...this.strings, errors: { ...base.errors, ...this.strings.errors } };
    }
    if (changed.has('endpoint') || changed.has('client') || changed.has('tokenProvider') || changed.has('fetch') || changed.has('timeout')) {
      this.caseClient =
        this.client ??
        (this.endpoint
          ? new CaseClient({
              endpoint: this.endpoint,
              timeout: this.timeout,
              fetch: this.fetch ? (input, init) => this.fetch!(input, init) : undefined,
              tokenProvider: this.tokenProvider ? () => this.tokenProvider!() : undefined,
            })
          : undefined);
    }
    if (changed.has('endpoint') || changed.has('client')) {
      // A new provider: resolve pre-selected items there again.
      for (const entry of this.selection.values()) if (entry.state !== 'resolved') entry.state = 'loading';
    }
    if (changed.has('cacheName') || changed.has('noCache')) {
      void this.cacheInstance?.close();
      this.cacheInstance = undefined;
    }
    if (changed.has('educationLevel')) {
      const levels = splitIdentifiers(this.educationLevel).map(l => l.toUpperCase()).sort(compareGrades);
      this.gradeFrom = levels[0] ?? '';
      this.gradeTo = levels[levels.length - 1] ?? '';
    }
    if (changed.has('framework') && this.loaded && identifierKey(this.framework) !== this.loaded.framework.document.key) {
      // Never show the previous framework's data while another loads.
      this.loaded = undefined;
      this.searchIndex = undefined;
      this.results = undefined;
      this.otherSources = [];
      this.detailsSource = undefined;
      this.notice = undefined;
      this.indexing?.abort();
    }
    if (changed.has('loaded') || changed.has('selection')) this.resolveSelection();
    if (
      changed.has('searchIndex') ||
      changed.has('query') ||
      changed.has('gradeFrom') ||
      changed.has('gradeTo') ||
      changed.has('typeFilter') ||
      changed.has('scope') ||
      changed.has('otherSources')
    ) {
      this.runSearch();
    }
    if ((changed.has('scope') || changed.has('loaded')) && this.scope === 'endpoint' && this.loaded) {
      void this.loadOtherSources(this.loaded);
    }
    if (changed.has('max') || changed.has('multiple')) this.message = undefined;
  }

  protected override render(): TemplateResult {
    const s = this.t;
    return html`
      <div part="base" class="picker" role="group" aria-label=${s.pickerLabel}>
        ${this.loadTask.render({
          initial: () => this.renderIdle(),
          pending: () => this.renderPending(),
          complete: value => (value.kind === 'list' ? this.renderFrameworkList(value) : value.kind === 'framework' ? this.renderFramework() : this.renderIdle()),
          error: error => this.renderError(error),
        })}
        ${this.renderSelection()}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('selection') || changed.has('required') || changed.has('name')) this.syncForm();
    // Both lists share one height (CSS); a hidden one reports 0 and is ignored.
    const viewports = [this.treeRef.value, this.resultsRef.value].filter((v): v is HTMLElement => !!v);
    if (viewports.length && !this.resizeObserver) {
      this.resizeObserver = new ResizeObserver(entries => {
        for (const entry of entries) {
          const height = entry.contentRect.height;
          if (height && Math.abs(height - this.viewportHeight) > 1) this.viewportHeight = height;
        }
      });
      viewports.forEach(v => this.resizeObserver!.observe(v));
    } else if (!viewports.length && this.resizeObserver) {
      this.resizeObserver.disconnect();
      this.resizeObserver = undefined;
    }
  }

  // ── Form association ────────────────────────────────────────────────────────

  /** @internal */
  formResetCallback(): void {
    this.value = this.initialValue ?? this.getAttribute('value') ?? '';
  }

  /** @internal */
  formStateRestoreCallback(state: string | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  // ── Public methods ──────────────────────────────────────────────────────────

  /** Reloads the open framework (or the list), bypassing a fresh cached copy. */
  async reload(): Promise<void> {
    this.reloading = true;
    this.reloadToken++;
    this.requestUpdate();
    await this.updateComplete;
    await this.loadTask.taskComplete.catch(() => {});
  }

  /** Removes every cached framework of this picker's cache. */
  async clearCache(): Promise<void> {
    const cache = this.cache();
    if (!cache) return;
    try {
      await cache.clear();
    } catch (error) {
      this.reportStorage(error as CaseApiError);
    }
  }

  // ── Rendering ───────────────────────────────────────────────────────────────

  /** The built-in strings merged with `strings`; recomputed when `strings` changes. */
  private t: PickerStrings = englishStrings;

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** Id of the active search result, for `aria-activedescendant`. */
  private get activeResultId(): string | undefined {
    const hits = this.isSearching ? this.results?.hits ?? [] : [];
    return this.activeResult >= 0 && this.activeResult < hits.length ? `${this.uid}-result-${this.activeResult}` : undefined;
  }

  private get rowHeight(): number {
    return ROW_HEIGHT[this.density] ?? ROW_HEIGHT.comfortable;
  }

  private renderIdle(): TemplateResult {
    return html`<div part="status" role="status">${this.t.noEndpoint}</div>`;
  }

  private renderPending(): TemplateResult {
    const s = this.t;
    if (!this.framework.trim()) {
      return html`<div part="status" role="status" aria-busy="true">${s.loadingFrameworks}</div>`;
    }
    const p = this.progress;
    let text = s.loadingFramework;
    let bar: TemplateResult | typeof nothing = html`<progress aria-label=${s.loadingFramework}></progress>`;
    if (p?.phase === 'download') {
      const mb = (n: number) => (n / 1_048_576).toFixed(1);
      text = s.downloading(mb(p.received), p.total ? mb(p.total) : undefined);
      bar = p.total
        ? html`<progress max=${p.total} value=${p.received} aria-label=${text}></progress>`
        : html`<progress aria-label=${text}></progress>`;
    } else if (p?.phase === 'build') {
      text = s.building;
    }
    return html`${this.renderBack()}<div part="status" role="status" aria-busy="true">${bar}<span>${text}</span></div>`;
  }

  private renderError(error: unknown): TemplateResult {
    const s = this.t;
    const apiError = error instanceof CaseApiError ? error : undefined;
    const code = apiError?.code ?? CaseErrorCode.invalidData;
    return html`
      ${this.framework.trim() ? this.renderBack() : nothing}
      <div part="status" role="alert" data-code=${code}>
        <span>${s.errors[code]}</span>
        <button class="button" type="button" @click=${this.handleRetry}>${s.retry}</button>
        ${apiError?.description || apiError?.status
          ? html`<span class="error-detail">${apiError.status ? `HTTP ${apiError.status}` : ''}${apiError.description ? ` · ${apiError.description}` : ''}</span>`
          : nothing}
      </div>
    `;
  }

  private renderBack(): TemplateResult | typeof nothing {
    if (!this.endpoint && !this.client) return nothing;
    return html`<button class="button" part="back" type="button" @click=${this.handleBack}>
      <span aria-hidden="true">←</span> ${this.t.back}
    </button>`;
  }

  private renderFrameworkList(value: Extract<TaskValue, { kind: 'list' }>): TemplateResult {
    const s = this.t;
    const docs = value.documents;
    const { subjects, creators, statuses, hasRetired } = documentFacets(docs);
    const shown = filterDocuments(docs, {
      text: this.listFilter,
      subject: this.listSubject,
      creator: this.listCreator,
      status: this.listStatus,
      showRetired: this.showRetired,
    });
    const select = (label: string, all: string, options: string[], current: string, onChange: (v: string) => void) =>
      options.length > 0
        ? html`<label>
            <span>${label}</span>
            <select @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!current}>${all}</option>
              ${options.map(o => html`<option value=${o} ?selected=${o === current}>${o}</option>`)}
            </select>
          </label>`
        : nothing;
    return html`
      <header><h2 id="${this.uid}-list-title">${s.frameworks}</h2></header>
      ${value.offline ? html`<div part="status" role="status">${s.offline(formatAge(Date.now() - value.fetchedAt, this.language))}</div>` : nothing}
      <div class="list-controls">
        <input
          type="search"
          aria-label=${s.frameworkFilter}
          placeholder=${s.frameworkFilterPlaceholder}
          .value=${this.listFilter}
          @input=${(e: Event) => (this.listFilter = (e.target as HTMLInputElement).value)}
        />
        ${select(s.subject, s.allSubjects, subjects, this.listSubject, v => (this.listSubject = v))}
        ${select(s.creator, s.allCreators, creators, this.listCreator, v => (this.listCreator = v))}
        ${select(s.adoptionStatus, s.allStatuses, statuses, this.listStatus, v => (this.listStatus = v))}
        ${hasRetired
          ? html`<label><input type="checkbox" .checked=${this.showRetired} @change=${(e: Event) => (this.showRetired = (e.target as HTMLInputElement).checked)} />${s.showRetired}</label>`
          : nothing}
      </div>
      <div class="toolbar" aria-live="polite">${s.frameworkCount(shown.length, docs.length)}</div>
      ${shown.length === 0
        ? html`<div part="status" role="status">${s.noFrameworks}</div>`
        : html`<ul part="framework-list" aria-labelledby="${this.uid}-list-title">
            ${shown.map(
              d => html`<li>
                <button part="framework-option" type="button" data-identifier=${d.identifier} @click=${() => this.openFramework(d.identifier)}>
                  <span class="option-title">${d.title}</span>
                  <span class="meta">
                    ${d.creator || d.publisher ? html`<span>${d.creator ?? d.publisher}</span>` : nothing}
                    ${d.subject.length ? html`<span>${d.subject.join(', ')}</span>` : nothing}
                    ${d.version ? html`<span>${s.version(d.version)}</span>` : nothing}
                    ${d.lastChangeDateTime ? html`<span>${s.lastChange(this.formatDate(d.lastChangeDateTime))}</span>` : nothing}
                    ${d.adoptionStatus ? html`<span class="badge">${d.adoptionStatus}</span>` : nothing}
                  </span>
                </button>
              </li>`,
            )}
          </ul>`}
    `;
  }

  private renderFramework(): TemplateResult {
    const loaded = this.loaded;
    if (!loaded) return this.renderPending();
    const s = this.t;
    const { document } = loaded.framework;
    const skipped = loaded.facets.skippedItems;
    const searching = this.isSearching;
    return html`
      <header>
        ${this.renderBack()}
        <h2 id="${this.uid}-title">${document.title}</h2>
        <span class="meta">
          ${document.creator ? html`<span>${document.creator}</span>` : nothing}
          ${document.adoptionStatus ? html`<span class="badge">${document.adoptionStatus}</span>` : nothing}
        </span>
      </header>
      ${this.notice ? html`<div part="status" role="status">${this.notice}</div>` : nothing}
      ${skipped > 0 ? html`<div class="meta">${s.diagnostics(skipped)}</div>` : nothing}
      <div class="search-row">
        <div class="search-box">${this.renderSearchInput()}</div>
        ${this.renderFilters(loaded.facets)}
      </div>
      <div class="toolbar">
        <span>${searching && this.results ? s.resultCount(this.results.hits.length, this.results.total) : nothing}</span>
        ${searching
          ? nothing
          : html`<span class="actions">
              <button class="button" type="button" @click=${this.handleExpandAll}>${s.expandAll}</button>
              <button class="button" type="button" @click=${this.handleCollapseAll}>${s.collapseAll}</button>
            </span>`}
      </div>
      <div class="panels">
        <div>
          <!-- Both lists stay in the DOM, so switching between them costs no rebuild. -->
          <div ?hidden=${searching}>${this.renderTree()}</div>
          <div ?hidden=${!searching}>${this.renderResults()}</div>
        </div>
        ${this.renderDetails()}
      </div>
    `;
  }

  private renderSearchInput(): TemplateResult {
    const s = this.t;
    return html`<input
      ${ref(this.searchInputRef)}
      part="search-input"
      type="search"
      role="combobox"
      autocomplete="off"
      spellcheck="false"
      aria-label=${s.search}
      aria-autocomplete="list"
      aria-controls="${this.uid}-results"
      aria-expanded=${this.isSearching ? 'true' : 'false'}
      aria-activedescendant=${this.activeResultId ?? nothing}
      placeholder=${s.searchPlaceholder}
      .value=${this.query}
      @input=${this.handleSearchInput}
      @keydown=${this.handleSearchKeyDown}
    />`;
  }

  private renderFilters({ grades, types }: FrameworkFacets): TemplateResult {
    const s = this.t;
    const gradeOptions = (current: string) => html`
      <option value="" ?selected=${!current}>${s.allGrades}</option>
      ${grades.map(g => html`<option value=${g} ?selected=${g === current}>${s.gradeName(g)}</option>`)}
    `;
    return html`<fieldset part="filters" aria-label=${s.filters}>
      ${grades.length
        ? html`<label>
              <span>${s.grade}</span>
              <select aria-label="${s.grade} (from)" @change=${(e: Event) => this.handleGradeChange('from', (e.target as HTMLSelectElement).value)}>
                ${gradeOptions(this.gradeFrom)}
              </select>
            </label>
            <label>
              <span aria-hidden="true">–</span>
              <select aria-label="${s.grade} (to)" @change=${(e: Event) => this.handleGradeChange('to', (e.target as HTMLSelectElement).value)}>
                ${gradeOptions(this.gradeTo)}
              </select>
            </label>`
        : nothing}
      ${types.length
        ? html`<label>
            <span>${s.itemType}</span>
            <select @change=${(e: Event) => (this.typeFilter = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this.typeFilter}>${s.allItemTypes}</option>
              ${types.map(t => html`<option value=${t} ?selected=${t === this.typeFilter}>${t}</option>`)}
            </select>
          </label>`
        : nothing}
      ${this.noCache
        ? nothing
        : html`<label>
            <span>${s.searchScope}</span>
            <select @change=${(e: Event) => (this.scope = (e.target as HTMLSelectElement).value as 'framework' | 'endpoint')}>
              <option value="framework" ?selected=${this.scope === 'framework'}>${s.scopeFramework}</option>
              <option value="endpoint" ?selected=${this.scope === 'endpoint'}>${s.scopeEndpoint(this.otherSources.length + 1)}</option>
            </select>
          </label>`}
    </fieldset>`;
  }

  /** The visible window of a virtualised list, always including `keep`. */
  private windowOf(count: number, keep: number, scrollTop: number, buffer = BUFFER_ROWS): number[] {
    const h = this.rowHeight;
    const first = Math.max(0, Math.floor(scrollTop / h) - buffer);
    const last = Math.min(count - 1, Math.ceil((scrollTop + this.viewportHeight) / h) + buffer);
    const indexes: number[] = [];
    if (keep >= 0 && keep < first) indexes.push(keep);
    for (let i = first; i <= last; i++) indexes.push(i);
    if (keep > last && keep < count) indexes.push(keep);
    return indexes;
  }

  private renderTree(): TemplateResult {
    const s = this.t;
    const rows = this.rows;
    const h = this.rowHeight;
    return html`<div
      ${ref(this.treeRef)}
      class="viewport"
      part="tree"
      role="tree"
      aria-labelledby="${this.uid}-title"
      aria-multiselectable=${this.multiple ? 'true' : 'false'}
      @scroll=${this.handleScroll}
      @keydown=${this.handleTreeKeyDown}
    >
      <div class="spacer" role="none" ${cssProps({ height: `${rows.length * h}px` })}>
        ${repeat(
          this.windowOf(rows.length, this.activeRow, this.treeScrollTop),
          i => `${rows[i].parentKey}>${rows[i].key}`,
          i => this.renderTreeRow(rows[i], i),
        )}
      </div>
      ${rows.length === 0 ? html`<div part="status" role="status">${s.noResults('')}</div>` : nothing}
    </div>`;
  }

  private renderTreeRow(row: TreeRow, index: number): TemplateResult {
    const s = this.t;
    const other = row.key === OTHER_ITEMS_KEY;
    const item = other ? undefined : this.loaded!.framework.itemsByKey.get(row.key);
    const selected = !other && this.selection.has(row.key);
    const active = index === this.activeRow;
    const indent = (row.level - 1) * 1.1;
    return html`<div
      part="treeitem${selected ? ' selected' : ''}"
      class=${classMap({ row: true, active })}
      role="treeitem"
      id="${this.uid}-row-${index}"
      data-identifier=${item?.identifier ?? nothing}
      data-index=${index}
      aria-level=${row.level}
      aria-setsize=${row.setsize}
      aria-posinset=${row.posinset}
      aria-expanded=${row.hasChildren ? (row.expanded ? 'true' : 'false') : nothing}
      aria-selected=${other ? nothing : selected ? 'true' : 'false'}
      aria-disabled=${this.isDisabled && !other ? 'true' : nothing}
      tabindex=${active ? 0 : -1}
      ${cssProps({ transform: `translateY(${index * this.rowHeight}px)`, height: `${this.rowHeight}px`, 'padding-inline-start': `${indent}rem` })}
      @click=${(e: MouseEvent) => this.handleRowClick(e, index)}
      @focus=${() => this.handleRowFocus(index)}
    >
      ${row.hasChildren
        ? html`<span class="toggle" part="toggle" aria-hidden="true" ?data-expanded=${row.expanded} @click=${(e: MouseEvent) => this.handleToggleClick(e, index)}>
            <svg width="12" height="12" viewBox="0 0 12 12"><path d="M4 2l4 4-4 4" fill="none" stroke="currentColor" stroke-width="2" /></svg>
          </span>`
        : html`<span class="toggle-spacer" aria-hidden="true"></span>`}
      ${other
        ? html`<span class="row-text"><span part="label">${s.otherItems}</span></span>`
        : html`${this.renderCheck(selected)}${this.renderItemText(item!)}`}
    </div>`;
  }

  private renderCheck(selected: boolean): TemplateResult {
    return html`<span class=${classMap({ check: true, single: !this.multiple })} aria-hidden="true">
      ${selected ? html`<svg width="10" height="10" viewBox="0 0 10 10"><path d="M1.5 5.2l2.3 2.3 4.7-5" fill="none" stroke="currentColor" stroke-width="2" /></svg>` : nothing}
    </span>`;
  }

  private renderItemText(item: CaseItem, marks?: Marks, path?: string): TemplateResult {
    const s = this.t;
    const code = item.humanCodingScheme ?? item.listEnumeration;
    const statement = item.fullStatement || item.abbreviatedStatement || s.untitled;
    const line = html`<span class="row-line">
      ${code ? html`<span part="code">${renderText(code, marks)}</span>` : nothing}
      <span part="label">${renderInlineMarkup(statement, marks)}</span>
    </span>`;
    if (path !== undefined) {
      // Search results: type, grades and path on one muted line of plain text (one box to lay
      // out per result, as results change on every keystroke).
      const levels = item.educationLevel;
      const grades = levels.length === 1 ? s.gradeName(levels[0]) : levels.length ? `${s.grades} ${gradeRange(levels)}` : '';
      const facts = [item.itemType, grades].filter(Boolean).join(' · ');
      return html`<span class="row-text">
        ${line}<span class="result-meta">${facts ? `${facts}${path ? ' · ' : ''}` : ''}<span class="result-path">${path}</span></span>
      </span>`;
    }
    return html`<span class="row-text">${line}</span>
      <span class="row-badges">
        ${item.itemType ? html`<span class="badge"><span class="visually-hidden">${s.type}: </span>${item.itemType}</span>` : nothing}
        ${item.educationLevel.length ? html`<span class="badge"><span class="visually-hidden">${s.grades}: </span>${gradeRange(item.educationLevel)}</span>` : nothing}
      </span>`;
  }

  private renderResults(): TemplateResult {
    const s = this.t;
    const searching = this.isSearching;
    const results = searching ? this.results : undefined;
    const hits = results?.hits ?? [];
    const h = this.rowHeight;
    const marks: Marks = { terms: results?.terms ?? [], typos: results?.typos ?? [] };
    const current = this.loaded!.framework;
    // The listbox is also the scroll container, and focusable itself (APG listbox), so it can be
    // scrolled and operated from the keyboard without the search box.
    return html`<div
      ${ref(this.resultsRef)}
      class="viewport"
      part="results"
      role="listbox"
      id="${this.uid}-results"
      tabindex="0"
      aria-label=${s.search}
      aria-multiselectable=${this.multiple ? 'true' : 'false'}
      aria-activedescendant=${this.activeResultId ?? nothing}
      @scroll=${this.handleScroll}
      @keydown=${this.handleSearchKeyDown}
    >
      <div
        class="spacer"
        role="none"
        ${cssProps({ height: `${hits.length * h}px` })}
      >
        ${this.windowOf(hits.length, this.activeResult, this.resultsScrollTop, this.resultsBuffer).map(
          // Positional, not keyed: each keystroke reuses the rendered rows and only updates their
          // content (focus stays in the search box, so no row identity has to survive).
          i => {
            const { item, source } = hits[i];
            const selected = this.selection.has(item.key);
            const ancestors = source.tree.pathTo(item.key).map(k => this.shortLabel(source.framework.itemsByKey.get(k)));
            // Results from other frameworks name their framework first.
            if (source.framework !== current) ancestors.unshift(source.framework.document.title);
            const path = ancestors.join(' › ');
            return html`<div
              part="result${selected ? ' selected' : ''}"
              class=${classMap({ row: true, active: i === this.activeResult, 'combobox-active': i === this.activeResult })}
              role="option"
              id="${this.uid}-result-${i}"
              data-identifier=${item.identifier}
              aria-selected=${selected ? 'true' : 'false'}
              aria-setsize=${hits.length}
              aria-posinset=${i + 1}
              ${cssProps({ transform: `translateY(${i * h}px)`, height: `${h}px`, 'padding-inline-start': '0.5rem' })}
              @mousedown=${(e: MouseEvent) => e.preventDefault()}
              @click=${() => this.handleResultClick(i)}
            >
              ${this.renderCheck(selected)}${this.renderItemText(item, marks, path)}
            </div>`;
          },
        )}
      </div>
    </div>
    ${results && hits.length === 0 ? html`<div part="status" role="status">${s.noResults(this.query.trim())}</div>` : nothing}
    ${searching && !results ? html`<div part="status" role="status" aria-busy="true">${s.building}</div>` : nothing}`;
  }

  private renderDetails(): TemplateResult {
    const s = this.t;
    // The open framework, or the other framework a search result came from.
    const view = this.detailsSource ?? this.loaded!;
    const inOpenFramework = !this.detailsSource;
    const item = this.detailsKey ? view.framework.itemsByKey.get(this.detailsKey) : undefined;
    if (!item) {
      return html`<section part="details" aria-label=${s.details}><p class="meta">${s.detailsEmpty}</p></section>`;
    }
    const path = view.tree.pathTo(item.key);
    const relations = view.tree.relationsOf(item.key);
    const groups = new Map<string, typeof relations[number][]>();
    for (const r of relations) {
      const label = s.associationType(r.direction === 'incoming' ? `${r.association.type}:incoming` : r.association.type);
      groups.set(label, [...(groups.get(label) ?? []), r]);
    }
    const uri = safeHref(item.uri);
    const row = (label: string, content: unknown) => html`<dt>${label}</dt><dd>${content}</dd>`;
    return html`<section part="details" aria-labelledby="${this.uid}-details-title">
      <nav part="breadcrumb" aria-label=${s.breadcrumb}>
        <ol>
          <li>${view.framework.document.title}</li>
          ${path.map(k => html`<li>${k === OTHER_ITEMS_KEY ? s.otherItems : this.shortLabel(view.framework.itemsByKey.get(k))}</li>`)}
        </ol>
      </nav>
      <div class="details-head">
        <h3 id="${this.uid}-details-title">${item.humanCodingScheme ?? this.shortLabel(item)}</h3>
        <span class="actions">
          ${inOpenFramework && this.isSearching
            ? html`<button class="button" type="button" @click=${() => this.revealItem(item.key)}>${s.showInTree}</button>`
            : nothing}
          <button class="button" type="button" @click=${() => this.copy(toPlainText(toSelectedItem(item, view.framework.document)))}>${s.copy}</button>
        </span>
      </div>
      <dl>
        ${row(s.statement, renderMarkup(item.fullStatement || s.untitled))}
        ${item.abbreviatedStatement ? row(s.abbreviatedStatement, renderMarkup(item.abbreviatedStatement)) : nothing}
        ${item.humanCodingScheme ? row(s.code, item.humanCodingScheme) : nothing}
        ${item.itemType ? row(s.type, item.itemType) : nothing}
        ${item.educationLevel.length ? row(s.grades, item.educationLevel.map(s.gradeName).join(', ')) : nothing}
        ${item.conceptKeywords.length ? row(s.keywords, item.conceptKeywords.join(', ')) : nothing}
        ${item.notes ? row(s.notes, renderMarkup(item.notes)) : nothing}
        ${item.language ? row(s.language, item.language) : nothing}
        ${item.lastChangeDateTime ? row(s.lastChanged, this.formatDate(item.lastChangeDateTime)) : nothing}
        ${item.uri ? row(s.uri, uri ? html`<a href=${uri} target="_blank" rel="noopener noreferrer">${item.uri}</a>` : item.uri) : nothing}
      </dl>
      ${groups.size
        ? html`<h3>${s.associations}</h3>
            ${[...groups].map(
              ([label, list]) => html`<div class="assoc-group">
                <strong>${label}</strong>
                <ul>
                  ${list.map(r => this.renderRelationTarget(r.direction === 'incoming' ? r.association.origin : r.association.destination, inOpenFramework ? view.framework : undefined))}
                </ul>
              </div>`,
            )}`
        : nothing}
    </section>`;
  }

  /** An association's other end: a button to it when it is in the open framework, else a link or text. */
  private renderRelationTarget(end: { key?: string; identifier?: string; uri?: string; title?: string }, open?: Framework): TemplateResult {
    const s = this.t;
    const target = end.key ? open?.itemsByKey.get(end.key) : undefined;
    if (target) {
      return html`<li><button class="link-button" type="button" @click=${() => this.revealItem(target.key)}>${this.shortLabel(target)}</button></li>`;
    }
    const href = end.uri ? safeHref(end.uri) : undefined;
    const label = end.title && !/^(destination|origin) node$|^(destination|origin)$/i.test(end.title) ? end.title : end.identifier ?? end.uri ?? '';
    return html`<li>
      ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>` : label}
      <span class="meta">(${s.outsideFramework})</span>
    </li>`;
  }

  private renderSelection(): TemplateResult {
    const s = this.t;
    const entries = [...this.selection.values()];
    return html`<section part="selection" aria-labelledby="${this.uid}-selection-title">
      <div class="selection-head">
        <span id="${this.uid}-selection-title">${entries.length ? s.selectedCount(entries.length) : s.selectionEmpty}</span>
        <span class="actions">
          ${entries.length
            ? html`<button class="link-button" type="button" @click=${() => this.copy(this.selectedItems.map(toPlainText).join('\n'))}>${s.copyAll}</button>`
            : nothing}
          ${this.multiple && entries.length > 1 && !this.isDisabled
            ? html`<button class="link-button" type="button" @click=${this.handleClearSelection}>${s.clearSelection}</button>`
            : nothing}
        </span>
      </div>
      ${this.message ? html`<div class="message" role="alert">${this.message}</div>` : nothing}
      ${entries.length
        ? html`<ul class="chips" aria-labelledby="${this.uid}-selection-title">
            ${repeat(
              entries,
              e => identifierKey(e.identifier),
              e => {
                const label = this.chipLabel(e);
                return html`<li
                  part="chip"
                  class=${classMap({ 'not-found': e.state === 'not-found' || e.state === 'error' })}
                  data-identifier=${e.identifier}
                  title=${e.item?.fullStatement ?? label}
                >
                  <span class="chip-text">${label}</span>
                  ${this.isDisabled
                    ? nothing
                    : html`<button part="chip-remove" type="button" aria-label=${s.remove(label)} @click=${() => this.handleChipRemove(e.identifier)}>
                        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true"><path d="M2 2l6 6M8 2l-6 6" stroke="currentColor" stroke-width="1.8" /></svg>
                      </button>`}
                </li>`;
              },
            )}
          </ul>`
        : nothing}
    </section>`;
  }

  // ── Handlers ────────────────────────────────────────────────────────────────

  private handleTaskComplete(value: TaskValue): void {
    this.progress = undefined;
    if (value.kind !== 'framework') return; // the list renders straight from the task's value
    this.installFramework(value.loaded, value.duration);
    if (value.loaded.offline) this.notice = this.t.offline(formatAge(Date.now() - value.loaded.fetchedAt, this.language));
    if (value.revalidate) this.startRevalidation(value.revalidate);
  }

  private installFramework(loaded: LoadedFramework, duration: number, keepView = false): void {
    const previousKey = keepView ? this.rows[this.activeRow]?.key : undefined;
    this.loaded = loaded;
    this.rows = loaded.tree.visibleRows(this.expandedSet());
    if (!keepView) {
      this.notice = undefined;
      this.activeRow = 0;
      this.treeScrollTop = 0;
      this.detailsKey = undefined;
      if (this.treeRef.value) this.treeRef.value.scrollTop = 0;
    } else if (previousKey) {
      const index = this.rows.findIndex(r => r.key === previousKey);
      this.activeRow = Math.max(0, index);
    }
    this.buildIndex(loaded);
    const { document, items } = loaded.framework;
    this.announce(this.t.frameworkLoaded(document.title, items.length));
    void this.updateComplete.then(() =>
      this.dispatchEvent(
        new CaseFrameworkLoadEvent({
          identifier: document.identifier,
          title: document.title,
          itemCount: items.length,
          source: loaded.source,
          duration,
        }),
      ),
    );
  }

  private startRevalidation(revalidate: () => Promise<Revalidation>): void {
    const controller = new AbortController();
    this.revalidation = controller;
    const started = performance.now();
    const forKey = this.loaded?.framework.document.key;
    void revalidate().then(
      result => {
        if (controller.signal.aborted || this.loaded?.framework.document.key !== forKey) return;
        if (result.kind === 'changed') {
          this.installFramework(result.loaded, performance.now() - started, true);
          this.notice = this.t.updatedInBackground;
        } else if (result.kind === 'offline') {
          this.notice = this.t.offline(formatAge(Date.now() - this.loaded!.fetchedAt, this.language));
        }
      },
      error => {
        if (!controller.signal.aborted && !isAbortError(error) && error instanceof CaseApiError && error.code === CaseErrorCode.storage) {
          this.reportStorage(error);
        }
        // Other failures keep the cached copy on screen; the next open tries again.
      },
    );
  }

  private buildIndex(loaded: LoadedFramework): void {
    this.indexing?.abort();
    const controller = new AbortController();
    this.indexing = controller;
    this.searchIndex = undefined;
    // The tree paints first: the index is not needed before someone types.
    void (async () => {
      await afterNextPaint();
      if (controller.signal.aborted) return;
      const { items } = loaded.framework;
      const state = loaded.source === 'cache' ? await this.storedIndex(loaded) : undefined;
      if (controller.signal.aborted) return;
      const index = SearchIndex.fromState(items, state) ?? (await SearchIndex.buildAsync(items, controller.signal));
      if (controller.signal.aborted || this.loaded !== loaded) return;
      this.searchIndex = index;
      if (!index.restored) void this.storeIndex(loaded, index);
      await index.warmUp(controller.signal);
    })().catch(() => {});
  }

  /** The search index kept with the cached copy of a framework, if any. */
  private async storedIndex(loaded: LoadedFramework): Promise<unknown> {
    const place = await this.cachedCopy(loaded);
    return place?.cache.getIndex(place.endpoint, place.copy.documentKey, place.copy.version).catch(() => undefined);
  }

  /** Keeps a built index with the cached copy of its framework, so the next open restores it. */
  private async storeIndex(loaded: LoadedFramework, index: SearchIndex): Promise<void> {
    const place = await this.cachedCopy(loaded);
    try {
      await place?.cache.putIndex(place.endpoint, place.copy.documentKey, place.copy.version, index.exportState());
    } catch (error) {
      if (error instanceof CaseApiError) this.reportStorage(error);
    }
  }

  /** Where a loaded framework is cached, once it is (never with `no-cache`). */
  private async cachedCopy(loaded: LoadedFramework) {
    const copy = await loaded.stored;
    const cache = this.cache();
    const endpoint = this.caseClient?.endpoint;
    return copy && cache && endpoint ? { copy, cache, endpoint } : undefined;
  }

  private handleRetry = () => {
    this.reloadToken++;
    this.requestUpdate();
  };

  private handleBack = () => {
    this.framework = '';
  };

  private openFramework(identifier: string): void {
    this.query = '';
    this.activeResult = -1;
    this.framework = identifier;
  }

  private handleSearchInput = (event: InputEvent) => {
    this.query = (event.target as HTMLInputElement).value;
    this.activeResult = -1;
    this.resultsBuffer = 0;
    cancelAnimationFrame(this.bufferFrame);
    this.bufferFrame = requestAnimationFrame(() => (this.resultsBuffer = BUFFER_ROWS));
    // New results start at the top. Only scroll when needed: setting scrollTop forces a layout.
    if (this.resultsScrollTop !== 0 && this.resultsRef.value) this.resultsRef.value.scrollTop = 0;
    this.resultsScrollTop = 0;
  };

  private handleSearchKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.defaultPrevented) return;
    const hits = this.results?.hits ?? [];
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!this.isSearching || hits.length === 0) return;
        event.preventDefault();
        const delta = event.key === 'ArrowDown' ? 1 : -1;
        const next = this.activeResult < 0 ? (delta > 0 ? 0 : hits.length - 1) : Math.min(hits.length - 1, Math.max(0, this.activeResult + delta));
        this.setActiveResult(next);
        break;
      }
      case 'Home':
      case 'End':
        if (!this.isSearching || hits.length === 0 || this.activeResult < 0) return;
        event.preventDefault();
        this.setActiveResult(event.key === 'Home' ? 0 : hits.length - 1);
        break;
      case 'Enter':
        if (this.activeResult >= 0 && hits[this.activeResult]) {
          event.preventDefault();
          this.toggleItem(hits[this.activeResult].key, hits[this.activeResult].source);
        }
        break;
      case 'Escape':
        if (this.query || this.activeResult >= 0) {
          event.preventDefault();
          this.query = '';
          this.activeResult = -1;
          this.searchInputRef.value?.focus();
        }
        break;
      default:
        break;
    }
  };

  private setActiveResult(index: number): void {
    this.activeResult = index;
    const hit = this.results?.hits[index];
    if (hit) this.showDetails(hit.key, hit.source);
    this.scrollRowIntoView(index);
  }

  private handleResultClick(index: number): void {
    const hit = this.results?.hits[index];
    if (!hit) return;
    this.activeResult = index;
    this.showDetails(hit.key, hit.source);
    this.toggleItem(hit.key, hit.source);
    this.searchInputRef.value?.focus();
  }

  private handleGradeChange(end: 'from' | 'to', value: string): void {
    if (end === 'from') {
      this.gradeFrom = value;
      if (value && (!this.gradeTo || compareGrades(this.gradeTo, value) < 0)) this.gradeTo = value;
    } else {
      this.gradeTo = value;
      if (value && (!this.gradeFrom || compareGrades(this.gradeFrom, value) > 0)) this.gradeFrom = value;
    }
  }

  private handleScroll = () => {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      this.treeScrollTop = this.treeRef.value?.scrollTop ?? 0;
      this.resultsScrollTop = this.resultsRef.value?.scrollTop ?? 0;
    });
  };

  private handleRowFocus(index: number): void {
    if (this.activeRow !== index) this.activeRow = index;
    const row = this.rows[index];
    if (row && row.key !== OTHER_ITEMS_KEY) this.showDetails(row.key);
  }

  private handleRowClick(event: MouseEvent, index: number): void {
    const row = this.rows[index];
    if (!row) return;
    this.focusRequest++;
    this.activeRow = index;
    (event.currentTarget as HTMLElement).focus({ preventScroll: true });
    if (row.key === OTHER_ITEMS_KEY) this.setExpanded(row.key, !row.expanded);
    else this.toggleItem(row.key);
  }

  private handleToggleClick(event: MouseEvent, index: number): void {
    event.stopPropagation();
    const row = this.rows[index];
    this.activeRow = index;
    if (row) this.setExpanded(row.key, !row.expanded);
    void this.focusRow(index);
  }

  private handleTreeKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const rows = this.rows;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const action = treeKeyAction(event.key, rows, this.activeRow, rtl);
    if (action.type === 'none') {
      if (event.key.length === 1 && event.key !== ' ' && event.key !== '*') {
        this.handleTypeAhead(event.key);
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
        const siblings = rows.filter((r, i) => r.level === row.level && parentIndex(rows, i) === parent && r.hasChildren);
        const set = this.expandedSet();
        for (const r of siblings) set.add(r.key);
        this.refreshRows();
        break;
      }
      case 'select':
        if (row.key === OTHER_ITEMS_KEY) this.setExpanded(row.key, !row.expanded);
        else this.toggleItem(row.key);
        break;
    }
  };

  private handleTypeAhead(char: string): void {
    clearTimeout(this.typeaheadTimer);
    this.typeahead += char;
    this.typeaheadTimer = setTimeout(() => (this.typeahead = ''), TYPEAHEAD_MS);
    const framework = this.loaded?.framework;
    if (!framework) return;
    const index = typeAheadIndex(this.rows, this.activeRow, this.typeahead, row => {
      const item = framework.itemsByKey.get(row.key);
      return item ? [item.humanCodingScheme ?? '', item.listEnumeration ?? '', item.fullStatement] : [this.t.otherItems];
    });
    if (index >= 0) void this.focusRow(index);
  }

  private handleExpandAll = () => {
    if (!this.loaded) return;
    const set = this.expandedSet();
    for (const key of this.loaded.tree.branchKeys()) set.add(key);
    this.refreshRows();
  };

  private handleCollapseAll = () => {
    this.expandedSet().clear();
    this.activeRow = 0;
    this.refreshRows();
    this.scrollRowIntoView(0);
  };

  private handleChipRemove(identifier: string): void {
    const key = identifierKey(identifier);
    const entries = [...this.selection.keys()];
    const at = entries.indexOf(key);
    const entry = this.selection.get(key);
    this.removeKeys([key]);
    if (entry) this.announce(this.t.removed(this.chipLabel(entry)));
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('[part~="chip-remove"]');
      const next = buttons[Math.min(at, buttons.length - 1)];
      (next ?? this.searchInputRef.value ?? this.renderRoot.querySelector<HTMLElement>('[part~="treeitem"][tabindex="0"]'))?.focus();
    });
  }

  private handleClearSelection = () => {
    this.removeKeys([...this.selection.keys()]);
    this.searchInputRef.value?.focus();
  };

  // ── Selection ───────────────────────────────────────────────────────────────

  /** Selects or deselects an item of the open framework, or of `source` (a search result from another framework). */
  private toggleItem(key: string, source?: { framework: Framework }): void {
    if (this.isDisabled) return;
    const framework = (source ?? this.loaded)?.framework;
    const item = framework?.itemsByKey.get(key);
    if (!item || !framework) return;
    const next = new Map(this.selection);
    const label = this.shortLabel(item);
    if (next.has(key)) {
      if (!this.multiple) return; // single selection: picking the selected item keeps it
      next.delete(key);
      this.announce(this.t.removed(label));
    } else {
      if (this.multiple && this.max !== undefined && this.max > 0 && next.size >= this.max) {
        this.message = this.t.maxReached(this.max);
        this.announce(this.message);
        return;
      }
      if (!this.multiple) next.clear();
      next.set(key, { identifier: item.identifier, item: toSelectedItem(item, framework.document), state: 'resolved' });
      this.announce(this.t.added(label));
    }
    this.message = undefined;
    this.commitUserSelection(next);
  }

  private removeKeys(keys: string[]): void {
    if (this.isDisabled) return;
    const next = new Map(this.selection);
    for (const key of keys) next.delete(key);
    this.message = undefined;
    this.commitUserSelection(next);
  }

  private commitUserSelection(next: Map<string, SelectionEntry>): void {
    const old = this.value;
    this.selection = next;
    this.requestUpdate('value', old);
    void this.updateComplete.then(() => {
      const items = [...this.selectedItems];
      this.dispatchEvent(new CaseSelectionChangeEvent({ value: items.map(i => i.identifier), items }));
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    });
  }

  /** Programmatic selection (`value`): keeps resolved entries, resolves the rest. */
  private setSelection(identifiers: string[]): void {
    const next = new Map<string, SelectionEntry>();
    for (const identifier of identifiers) {
      const key = identifierKey(identifier);
      if (next.has(key)) continue;
      next.set(key, this.selection.get(key) ?? { identifier, state: 'loading' });
    }
    this.selection = next;
  }

  /** Fills selection entries from the open framework, and resolves others with CFItems/{id}. */
  private resolveSelection(loadSettled = false): void {
    const framework = this.loaded?.framework;
    let changed = false;
    for (const [key, entry] of this.selection) {
      const item = framework?.itemsByKey.get(key);
      if (item && entry.state !== 'resolved') {
        this.selection.set(key, { identifier: entry.identifier, item: toSelectedItem(item, framework!.document), state: 'resolved' });
        changed = true;
      }
    }
    if (changed) this.selection = new Map(this.selection);
    // Wait while the open framework is still loading: its items resolve without requests.
    if (!loadSettled && this.framework.trim() && !this.loaded && this.loadTask.status === TaskStatus.PENDING) return;
    const client = this.caseClient;
    if (!client) return;
    for (const [key, entry] of this.selection) {
      if (entry.state !== 'loading' || this.resolving.has(key)) continue;
      this.resolving.add(key);
      client.getItem(entry.identifier).then(
        raw => this.finishResolve(key, raw),
        error => this.finishResolve(key, undefined, error),
      );
    }
  }

  private finishResolve(key: string, raw: unknown, error?: unknown): void {
    this.resolving.delete(key);
    const entry = this.selection.get(key);
    if (!entry || entry.state === 'resolved') return;
    const item = raw ? normalizeItem(raw, {}) : undefined;
    const next = new Map(this.selection);
    if (item) {
      next.set(key, { identifier: entry.identifier, item: toSelectedItem(item), state: 'resolved' });
    } else {
      const notFound = error instanceof CaseApiError && error.code === CaseErrorCode.notFound;
      next.set(key, { ...entry, state: notFound ? 'not-found' : 'error' });
    }
    this.selection = next;
  }

  private syncForm(): void {
    const internals = this.internals;
    if (!internals) return;
    const ids = [...this.selection.values()].map(e => e.identifier);
    if (this.name && ids.length) {
      const data = new FormData();
      for (const id of ids) data.append(this.name, id);
      internals.setFormValue(data, ids.join(' '));
    } else {
      internals.setFormValue(null, ids.join(' '));
    }
    if (this.required && ids.length === 0) {
      const anchor = this.searchInputRef.value ?? this.renderRoot.querySelector<HTMLElement>('button, [tabindex="0"]') ?? undefined;
      internals.setValidity({ valueMissing: true }, this.t.required, anchor);
    } else {
      internals.setValidity({});
    }
  }

  // ── Tree helpers ────────────────────────────────────────────────────────────

  private expandedSet(): Set<string> {
    const key = this.loaded?.framework.document.key ?? '';
    let set = this.expansion.get(key);
    if (!set) this.expansion.set(key, (set = new Set()));
    return set;
  }

  private setExpanded(key: string, open: boolean): void {
    const set = this.expandedSet();
    if (open) set.add(key);
    else set.delete(key);
    this.refreshRows();
  }

  private refreshRows(): void {
    if (!this.loaded) return;
    const current = this.rows[this.activeRow];
    this.rows = this.loaded.tree.visibleRows(this.expandedSet());
    if (current) {
      const index = this.rows.findIndex(r => r.key === current.key && r.parentKey === current.parentKey);
      this.activeRow = index >= 0 ? index : Math.min(this.activeRow, this.rows.length - 1);
    }
  }

  /** Opens the path to an item, focuses its row and shows its details. */
  private revealItem(key: string): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const set = this.expandedSet();
    for (const ancestor of loaded.tree.revealPath(key)) set.add(ancestor);
    this.query = '';
    this.gradeFrom = '';
    this.gradeTo = '';
    this.typeFilter = '';
    this.refreshRows();
    const index = this.rows.findIndex(r => r.key === key);
    this.showDetails(key);
    if (index >= 0) void this.focusRow(index);
  }

  /** Scrolls row `index` of the visible list (tree or results) into view. */
  private scrollRowIntoView(index: number): void {
    const results = this.isSearching;
    const viewport = results ? this.resultsRef.value : this.treeRef.value;
    if (!viewport) return;
    const h = this.rowHeight;
    const top = index * h;
    const height = viewport.clientHeight || this.viewportHeight;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + h > viewport.scrollTop + height) viewport.scrollTop = top + h - height;
    if (results) this.resultsScrollTop = viewport.scrollTop;
    else this.treeScrollTop = viewport.scrollTop;
  }

  /** Moves the roving focus to a row, rendering it first if it was scrolled away. */
  private async focusRow(index: number): Promise<void> {
    const request = ++this.focusRequest;
    this.activeRow = index;
    const row = this.rows[index];
    if (row && row.key !== OTHER_ITEMS_KEY) this.showDetails(row.key);
    await this.updateComplete;
    if (request !== this.focusRequest) return; // a later click or key press moved focus already
    this.scrollRowIntoView(index);
    await this.updateComplete;
    if (request !== this.focusRequest) return;
    this.renderRoot.querySelector<HTMLElement>(`#${this.uid}-row-${index}`)?.focus({ preventScroll: true });
  }

  // ── Search helpers ──────────────────────────────────────────────────────────

  private get isSearching(): boolean {
    return this.query.trim() !== '' || !!this.gradeFrom || !!this.gradeTo || !!this.typeFilter;
  }

  /** Shows an item in the details panel: of the open framework, or of another searched one. */
  private showDetails(key: string, source?: SearchSource): void {
    this.detailsKey = key;
    this.detailsSource = source && source.framework !== this.loaded?.framework ? source : undefined;
  }

  private runSearch(): void {
    const index = this.searchIndex;
    if (!index || !this.loaded || !this.isSearching) {
      this.results = undefined;
      return;
    }
    const from = this.gradeFrom ? gradeRank(this.gradeFrom) : -Infinity;
    const to = this.gradeTo ? gradeRank(this.gradeTo) : Infinity;
    const gradeFiltered = !!(this.gradeFrom || this.gradeTo);
    const type = this.typeFilter;
    const filter =
      gradeFiltered || type
        ? (item: CaseItem) =>
            (!type || item.itemType === type) &&
            (!gradeFiltered || item.educationLevel.some(l => (l === this.gradeFrom || l === this.gradeTo) || (gradeRank(l) >= from && gradeRank(l) <= to)))
        : undefined;
    const current: SearchSource = { framework: this.loaded.framework, tree: this.loaded.tree, index };
    const sources = this.scope === 'endpoint' ? [current, ...this.otherSources] : [current];
    this.results = measure('search', () => searchSources(sources, this.query, { filter, limit: 1000 }));
    if (this.activeResult >= this.results.hits.length) this.activeResult = -1;
    this.announceResults();
  }

  /** Opens every other framework cached for this endpoint and indexes it, for `scope = endpoint`. */
  private async loadOtherSources(loaded: LoadedFramework): Promise<void> {
    const cache = this.cache();
    const client = this.caseClient;
    if (!cache || !client) return;
    const currentKey = loaded.framework.document.key;
    try {
      const infos = await cache.listPackages(client.endpoint);
      const sources: SearchSource[] = [];
      for (const info of infos) {
        if (info.documentKey === currentKey) continue;
        const id = `${info.documentKey}@${info.fetchedAt}`;
        let source = this.sourceCache.get(id);
        if (!source) {
          const entry = await cache.getPackage(client.endpoint, info.documentKey);
          if (!entry) continue;
          const built = await buildFramework(entry.package, 'cache', entry.fetchedAt);
          const { items } = built.framework;
          const state = await cache.getIndex(client.endpoint, info.documentKey, entry.version).catch(() => undefined);
          let index = SearchIndex.fromState(items, state);
          if (!index) {
            index = await SearchIndex.buildAsync(items);
            void cache.putIndex(client.endpoint, info.documentKey, entry.version, index.exportState()).catch(() => {});
          }
          source = { framework: built.framework, tree: built.tree, index };
          this.sourceCache.set(id, source);
        }
        sources.push(source);
      }
      if (this.loaded === loaded && this.scope === 'endpoint') this.otherSources = sources;
    } catch (error) {
      if (error instanceof CaseApiError && error.code === CaseErrorCode.storage) this.reportStorage(error);
    }
  }

  private announceTimer?: ReturnType<typeof setTimeout>;
  private announceResults(): void {
    clearTimeout(this.announceTimer);
    const results = this.results;
    this.announceTimer = setTimeout(() => {
      if (results && results === this.results) {
        this.announce(results.total ? this.t.resultCount(results.hits.length, results.total) : this.t.noResults(this.query.trim()));
      }
    }, 500);
  }

  // ── Utilities ───────────────────────────────────────────────────────────────

  private cache(): StandardsCache | undefined {
    if (this.noCache) return undefined;
    this.cacheInstance ??= new StandardsCache(this.cacheName);
    return this.cacheInstance;
  }

  private reportStorage(error: CaseApiError): void {
    if (this.storageReported) return;
    this.storageReported = true;
    this.dispatchEvent(new CaseErrorEvent({ code: CaseErrorCode.storage, message: `${this.t.errors.storage} (${error.message})` }));
  }

  private dispatchError(error: unknown): void {
    const apiError =
      error instanceof CaseApiError
        ? error
        : new CaseApiError(CaseErrorCode.invalidData, error instanceof Error ? error.message : String(error));
    void this.updateComplete.then(() =>
      this.dispatchEvent(
        new CaseErrorEvent({
          code: apiError.code,
          message: `${this.t.errors[apiError.code]}${apiError.description ? ` ${apiError.description}` : ''}`,
          status: apiError.status,
        }),
      ),
    );
    this.announce(this.t.errors[apiError.code]);
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.announce(this.t.copied);
    } catch {
      this.announce(this.t.copyFailed);
    }
  }

  private announce(text: string): void {
    // Re-announce identical messages by clearing first.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }


  private formatDate(value: string): string {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    try {
      return date.toLocaleDateString(this.language, { year: 'numeric', month: 'short', day: 'numeric' });
    } catch {
      return date.toISOString().slice(0, 10);
    }
  }

  /** A one-line label for paths, chips and links: the code (not the list number) and a short statement. */
  private shortLabel(item: CaseItem | undefined): string {
    if (!item) return '';
    const code = item.humanCodingScheme;
    const short = shortStatement(item);
    return code ? (short && short !== code ? `${code} ${short}` : code) : short || this.t.untitled;
  }

  private chipLabel(entry: SelectionEntry): string {
    const s = this.t;
    if (entry.state === 'loading') return `${s.resolving} ${entry.identifier}`;
    if (entry.state === 'not-found' || entry.state === 'error') return s.notFound(entry.identifier);
    const item = entry.item!;
    const short = shortStatement(item);
    if (item.humanCodingScheme) return `${item.humanCodingScheme} ${short}`.trim();
    // Without a code, grades tell apart items with the same statement ("Fractions", grades 3, 4, 5).
    const levels = item.educationLevel ?? [];
    const grades = levels.length === 1 ? ` · ${s.gradeName(levels[0])}` : levels.length ? ` · ${gradeRange(levels)}` : '';
    return short ? `${short}${grades}` : entry.identifier;
  }

}
