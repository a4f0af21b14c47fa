import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UserStateStore } from '../../cache/user-state.js';
import type { SelectedItem } from '../../events.js';
import { identifierKey } from '../../model/normalize.js';
import { HostLifetime } from './host-lifetime.js';

export interface RecentsOptions {
  /** The store, unless `no-recent` or `no-cache`. */
  store: () => UserStateStore | undefined;
  /** The endpoints recents are kept for, in the host's order. */
  endpoints: () => readonly string[];
  onStorageError: (error: unknown) => void;
  /** Resolves once the view asked for is shown: recents are read after it (they are never on the way to a first row). */
  shown: () => Promise<void>;
}

/**
 * Recently used standards: the last 20 this browser selected on these endpoints, newest first.
 * Only the user's own picks count (not a programmatic `value`). Reads and writes stop when the
 * host leaves the page.
 */
export class RecentsController implements ReactiveController {
  items: SelectedItem[] = [];
  /** The identifiers selected before the last user change (a programmatic value is not "used"). */
  private baseline = new Set<string>();
  private readFor?: string;
  private readonly lifetime: HostLifetime;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RecentsOptions,
  ) {
    this.lifetime = new HostLifetime(host);
    host.addController(this);
  }

  hostDisconnected(): void {
    this.readFor = undefined; // read again when back
  }

  hostUpdate(): void {
    const store = this.options.store();
    const key = store ? `${store.name} ${this.options.endpoints().join(' ')}` : '';
    if (key !== this.readFor) {
      this.readFor = key;
      void this.read();
    }
  }

  /** The selection was set by the host: these are not recently used. */
  setBaseline(identifiers: readonly string[]): void {
    this.baseline = new Set(identifiers.map(identifierKey));
  }

  /** After a user change: the standards it added become the most recent. */
  record(items: readonly SelectedItem[]): void {
    const added = items.filter(i => !this.baseline.has(identifierKey(i.identifier)) && i.status !== 'not-found');
    this.setBaseline(items.map(i => i.identifier));
    const store = this.options.store();
    const signal = this.lifetime.signal;
    if (!added.length || !store || signal.aborted) return;
    void store
      .addRecents(added, this.options.endpoints()[0] ?? '')
      .then(() => (signal.aborted ? undefined : this.read()))
      .catch(error => this.options.onStorageError(error));
  }

  /** `clearCache()`: nothing is recent any more. */
  forget(): void {
    this.items = [];
    this.host.requestUpdate();
  }

  private async read(): Promise<void> {
    const store = this.options.store();
    const signal = this.lifetime.signal;
    if (!store) {
      this.items = [];
      return;
    }
    await this.options.shown();
    if (signal.aborted) return;
    try {
      const items = await store.recents(this.options.endpoints());
      if (signal.aborted) return;
      this.items = items;
      this.host.requestUpdate();
    } catch (error) {
      if (!signal.aborted) this.options.onStorageError(error);
    }
  }
}
