import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { CaseClient, TokenProvider } from '../api/case-client.js';
import type { PickerStrings } from '../strings.js';
import type { SuggestProvider } from './controllers/suggestions.controller.js';

/**
 * The configuration of `<case-standards-picker>`: its attributes and properties, and the parts
 * and CSS custom properties it can be styled with, documented here once (the custom-elements
 * manifest is generated from these comments). The selection (`value`) and the form-control API
 * live with the element, next to the controllers they read.
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
 * @csspart chip-status - Why an outdated chip is outdated, in words. (A chip whose item is not current is `chip outdated`, with `data-status`.)
 * @csspart chip-replace - In an outdated chip with a replacement: replaces it (`data-identifier` = the replacement).
 * @csspart status-badge - "Replaced", "Deprecated" or "Expired" on a row or result.
 * @csspart equivalents - In details: the same (and related) standards in other frameworks.
 * @csspart equivalent - One equivalent; carries `data-identifier`.
 * @csspart equivalent-add - Selects that equivalent.
 * @csspart status - Loading, empty and error messages.
 * @csspart expand-all - Expands every branch of the tree.
 * @csspart collapse-all - Collapses the tree.
 * @csspart result-count - How many results the search found.
 * @csspart framework-count - How many frameworks the list shows.
 * @csspart framework-filter - The text filter of the framework list.
 * @csspart framework-facet - Each facet `<select>` of the framework list (subject, creator, status, provider).
 * @csspart show-in-tree - In details, while searching: shows the item in the tree.
 * @csspart copy - In details: copies the item as text.
 * @csspart copy-all - Copies every selected item as text.
 * @csspart clear-selection - Removes every selected item.
 * @csspart suggestions - Suggested standards for `context` (a listbox).
 * @csspart suggestion - One suggestion; carries `data-identifier` and `aria-selected`.
 * @csspart row-details - In every tree row and result: shows it in details without selecting it.
 * @csspart details-back - Narrow layouts: closes details shown over the list.
 * @csspart branch-select - In details, with `multiple`: selects every standard below the item.
 * @csspart code-list - A pasted list of codes: what matched and what did not.
 * @csspart select-codes - Selects every item of a pasted list of codes.
 * @csspart list-marker - A `listEnumeration`, shown as a list number.
 * @csspart chip-reveal - A chip's text: reveals its standard in the tree and details.
 * @csspart selected-only - Toggles "show selected only" (`aria-pressed`).
 * @csspart export-csv - Downloads the selection as CSV.
 * @csspart export-cc - Downloads the selection as Common Cartridge curriculum standards metadata.
 * @csspart recent - Recently used standards.
 * @csspart recent-item - One recently used standard; carries `data-identifier`.
 * @csspart endpoint-error - With `status`: one of several endpoints failed.
 * @csspart show-more-frameworks - Shows more of a long framework list.
 * @csspart open-button - `variant="field"`: opens the picker's dialog.
 * @csspart dialog - `variant="field"`: the modal dialog.
 * @csspart done-button - `variant="field"`: closes the dialog.
 * @csspart validation-message - `variant="field"`: why the field is invalid.
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
 *
 * @slot label - `variant="field"`: the field's label.
 */
export class PickerProperties extends LitElement {
  /**
   * CASE service base (`…/ims/case/v1p0`, `…/ims/case/v1p1`) or service root (v1p1 is tried, then
   * v1p0); several, separated by whitespace, are merged (a mirrored framework is listed once).
   */
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

  /** Bearer token for protected CASE APIs, asked for on every request (with the endpoint it goes to) and never stored. */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** Replaces the fetch used for every CASE request (proxies, custom headers). */
  @property({ attribute: false }) fetch?: typeof fetch;

  /** A ready CaseClient (stories, tests, custom transports). Overrides `endpoint`, `fetch` and `tokenProvider`. */
  @property({ attribute: false }) client?: CaseClient;

  /**
   * Text of the content being tagged (a resource's title and description): standards that
   * match it are suggested (`suggestions`). Typing into it is debounced.
   */
  @property() context = '';

  /** Ranks suggestions instead of the built-in ranking (a host's semantic model); the built-in one is the fallback. */
  @property({ attribute: false }) suggestProvider?: SuggestProvider;

  /**
   * `inline`: the whole picker in the page. `field`: a compact form field (the chips and an
   * `open-button`) that opens the picker in a modal dialog.
   */
  @property({ reflect: true }) variant: 'inline' | 'field' = 'inline';

  /** Overrides for the built-in strings (see `PickerStrings`). */
  @property({ attribute: false }) strings: Partial<PickerStrings> = {};

  /** With `framework` empty, reopen the framework this user opened last for these endpoints (its expansion and scroll position too). */
  @property({ type: Boolean, reflect: true }) restore = false;

  /** Do not record or show recently selected standards. */
  @property({ type: Boolean, attribute: 'no-recent' }) noRecent = false;
}
