import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { stringsFor } from '../../locales/index.js';
import { englishStrings, formatAge, type PickerStrings } from '../../strings.js';

/**
 * The picker's language and strings. The language is the element's own `lang`, else the
 * nearest ancestor's, else the page's; `lang` is a global attribute, not a Lit property, so it
 * is watched (here and on the page) while the host is connected.
 */
export class LocaleController implements ReactiveController {
  language = 'en';
  private dates?: { language: string; format: Intl.DateTimeFormat };
  /** The built-in strings of `language`, with the host's overrides. */
  strings: PickerStrings = englishStrings;
  private overrides: Partial<PickerStrings> = {};
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.read());
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.read();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** The host's `strings` property: overrides of any built-in string. */
  setOverrides(overrides: Partial<PickerStrings>): void {
    this.overrides = overrides;
    this.compose();
  }

  /** A date as "24 Oct 2018" in the UI language (the value itself when it is not a date). */
  formatDate(value: string): string {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    try {
      // One formatter per language: `toLocaleDateString` builds one per call (a long list has hundreds of dates).
      if (this.dates?.language !== this.language) {
        this.dates = {
          language: this.language,
          format: new Intl.DateTimeFormat(this.language, { year: 'numeric', month: 'short', day: 'numeric' }),
        };
      }
      return this.dates.format.format(date);
    } catch {
      return date.toISOString().slice(0, 10);
    }
  }

  /** How long ago a time (ms since epoch) was, in words. */
  formatAgeSince(time: number): string {
    return formatAge(Date.now() - time, this.language);
  }

  private read(): void {
    const language = this.host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
    if (language === this.language) return;
    this.language = language;
    this.compose();
  }

  private compose(): void {
    const base = stringsFor(this.language);
    this.strings = { ...base, ...this.overrides, errors: { ...base.errors, ...this.overrides.errors } };
    this.host.requestUpdate();
  }
}
