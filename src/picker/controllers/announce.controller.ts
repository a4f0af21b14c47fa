import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The text of the picker's polite live region: what a screen reader says after an action
 * ("Selected 4.NF.A.1.", "12 results"). Owns its timers; they stop when the host leaves the page.
 */
export class AnnounceController implements ReactiveController {
  /** The live region's current text. */
  text = '';
  private timer?: ReturnType<typeof setTimeout>;
  private pending = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.pending++;
  }

  /** Says `text` now. Identical messages are said again: the region is emptied first. */
  announce(text: string): void {
    clearTimeout(this.timer);
    const request = ++this.pending;
    this.text = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      if (request !== this.pending) return;
      this.text = text;
      this.host.requestUpdate();
    });
  }

  /** Says `text()` after `ms` of quiet (result counts while typing), unless something else is said first. */
  announceLater(text: () => string | undefined, ms = 500): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const value = text();
      if (value) this.announce(value);
    }, ms);
  }
}
