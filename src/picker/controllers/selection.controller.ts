import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CaseApiError, CaseErrorCode } from '../../api/case-api-error.js';
import type { CaseClient } from '../../api/case-client.js';
import type { SelectedItem } from '../../events.js';
import type { CaseItem, Framework } from '../../model/framework.js';
import { identifierKey, normalizeItem } from '../../model/normalize.js';
import { toSelectedItem } from '../../model/selected-item.js';

/** One entry of the selection. Items outside the open framework are resolved with CFItems/{id}. */
export interface SelectionEntry {
  identifier: string;
  item?: SelectedItem;
  state: 'resolved' | 'loading' | 'not-found' | 'error';
}

/** What the selection controller reads from its host. */
export interface SelectionHost extends ReactiveControllerHost {
  multiple: boolean;
  max?: number;
}

export interface SelectionOptions {
  /** After every user change, once rendered: the host fires its events. */
  onUserChange: () => void;
  /** Where identifiers not in the open framework are resolved; `wait` while it still loads. */
  resolveContext: () => { framework?: Framework; client?: CaseClient; wait: boolean };
}

/** What a user's toggle did, for the host to announce. */
export type ToggleOutcome = 'added' | 'removed' | 'kept' | 'max-reached';

/**
 * The selection: its entries in selection order (keyed by normalised identifier), user changes
 * (toggle, remove) and programmatic ones (`value`), the `max` limit and the alert it raises, and
 * resolving identifiers that are not in the open framework. Requests stop when the host leaves.
 */
export class SelectionController implements ReactiveController {
  entries = new Map<string, SelectionEntry>();
  /** The selection's own alert (role="alert" in the tray), e.g. the `max` limit was reached. */
  alert?: string;
  private readonly resolving = new Set<string>();
  private requests?: AbortController;
  private resolvePending = false;

  constructor(
    private readonly host: SelectionHost,
    private readonly options: SelectionOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.requests = new AbortController();
    this.requestResolve();
  }

  hostDisconnected(): void {
    this.requests?.abort();
    this.resolving.clear();
  }

  hostUpdate(): void {
    if (this.resolvePending) this.resolve();
  }

  get identifiers(): string[] {
    return [...this.entries.values()].map(e => e.identifier);
  }

  get items(): SelectedItem[] {
    return [...this.entries.values()].map(e => e.item ?? { identifier: e.identifier, uri: '', fullStatement: '', documentIdentifier: '' });
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Programmatic selection (`value`): keeps resolved entries, resolves the rest. */
  setIdentifiers(identifiers: readonly string[]): void {
    const next = new Map<string, SelectionEntry>();
    for (const identifier of identifiers) {
      const key = identifierKey(identifier);
      if (!next.has(key)) next.set(key, this.entries.get(key) ?? { identifier, state: 'loading' });
    }
    this.entries = next;
    this.requestResolve();
  }

  /** Entries that could not be resolved are tried again (a new provider). */
  retryUnresolved(): void {
    for (const entry of this.entries.values()) if (entry.state !== 'resolved') entry.state = 'loading';
    this.requestResolve();
  }

  /** Resolve entries in the next update (the open framework changed, or the load settled). */
  requestResolve(): void {
    this.resolvePending = true;
    this.host.requestUpdate();
  }

  /** Selects or deselects an item of `framework` (a user change). */
  toggle(item: CaseItem, framework: Framework, maxMessage: (max: number) => string): ToggleOutcome {
    const { multiple, max } = this.host;
    const next = new Map(this.entries);
    let outcome: ToggleOutcome;
    if (next.has(item.key)) {
      if (!multiple) return 'kept'; // single selection: picking the selected item keeps it
      next.delete(item.key);
      outcome = 'removed';
    } else {
      if (multiple && max !== undefined && max > 0 && next.size >= max) {
        this.alert = maxMessage(max);
        this.host.requestUpdate();
        return 'max-reached';
      }
      if (!multiple) next.clear();
      next.set(item.key, { identifier: item.identifier, item: toSelectedItem(item, framework.document), state: 'resolved' });
      outcome = 'added';
    }
    this.commit(next);
    return outcome;
  }

  /** Removes entries (a user change). */
  remove(keys: readonly string[]): void {
    const next = new Map(this.entries);
    for (const key of keys) next.delete(key);
    this.commit(next);
  }

  clearAlert(): void {
    this.alert = undefined;
  }

  private commit(next: Map<string, SelectionEntry>): void {
    this.entries = next;
    this.alert = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.options.onUserChange());
  }

  /** Fills entries from the open framework, and resolves the others with CFItems/{id}. */
  private resolve(): void {
    const { framework, client, wait } = this.options.resolveContext();
    this.resolvePending = false;
    let changed = false;
    for (const [key, entry] of this.entries) {
      const item = framework?.itemsByKey.get(key);
      if (item && entry.state !== 'resolved') {
        this.entries.set(key, { identifier: entry.identifier, item: toSelectedItem(item, framework!.document), state: 'resolved' });
        changed = true;
      }
    }
    if (changed) this.entries = new Map(this.entries);
    // While the open framework is still loading, wait: its items resolve without requests.
    if (wait || !client || !this.requests) return;
    const signal = this.requests.signal;
    for (const [key, entry] of this.entries) {
      if (entry.state !== 'loading' || this.resolving.has(key)) continue;
      this.resolving.add(key);
      client.getItem(entry.identifier, { signal }).then(
        raw => this.finishResolve(key, signal, raw),
        error => this.finishResolve(key, signal, undefined, error),
      );
    }
  }

  private finishResolve(key: string, signal: AbortSignal, raw: unknown, error?: unknown): void {
    if (signal.aborted) return;
    this.resolving.delete(key);
    const entry = this.entries.get(key);
    if (!entry || entry.state === 'resolved') return;
    const item = raw ? normalizeItem(raw, {}) : undefined;
    const next = new Map(this.entries);
    if (item) {
      next.set(key, { identifier: entry.identifier, item: toSelectedItem(item), state: 'resolved' });
    } else {
      const notFound = error instanceof CaseApiError && error.code === CaseErrorCode.notFound;
      next.set(key, { ...entry, state: notFound ? 'not-found' : 'error' });
    }
    this.entries = next;
    this.host.requestUpdate();
  }
}
