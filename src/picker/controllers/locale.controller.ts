import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { stringsFor } from '../../locales/index.js';
import { whenIdle } from '../../perf/yield.js';
import { englishStrings, formatAge, formatDate, prepareFormats, type PickerStrings } from '../../strings.js';

/**
 * The picker's language and strings. The language is the element's own `lang`, else the
 * nearest ancestor's, else the page's; `lang` is a global attribute, not a Lit property, so it
 * is watched (here and on the page) while the host is connected.
 */
export class LocaleController implements ReactiveController {
  language = 'en';
  /** The built-in strings of `language`, with the host's overrides. */
  strings: PickerStrings = englishStrings;
  private overrides: Partial<PickerStrings> = {};
  private observer?: MutationObserver;
  private cancelIdle?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.read());
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.read();
    // The formatters the first answer needs (counts, dates), made while the picker waits for it.
    this.cancelIdle = whenIdle(() => prepareFormats(this.language));
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.cancelIdle?.();
  }

  /** The host's `strings` property: overrides of any built-in string. */
  setOverrides(overrides: Partial<PickerStrings>): void {
    this.overrides = overrides;
    this.compose();
  }

  /** A date as "24 Oct 2018" in the UI language (the value itself when it is not a date). */
  formatDate(value: string): string {
    return formatDate(value, this.language);
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
