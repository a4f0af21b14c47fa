import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { CaseClient, TokenProvider } from '../api/case-client.js';
import type { PickerStrings } from '../strings.js';
import type { SuggestProvider } from './controllers/suggestions.controller.js';

/**
 * The configuration of `<case-standards-picker>`: its attributes and properties, documented
 * here once (the custom-elements manifest and the README's table come from these comments).
 * The selection (`value`) and the form-control API live with the element, next to the
 * controllers they read.
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
