import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CaseApiError, CaseErrorCode } from '../../api/case-api-error.js';
import type { CaseClient } from '../../api/case-client.js';
import type { RawCFAssociation, RawCFItem } from '../../api/case-types.js';
import type { SavedPlace } from '../../cache/standards-cache.js';
import type { SelectedItem } from '../../events.js';
import type { CaseItem, Framework } from '../../model/framework.js';
import { replacementsAmong, replacementsIn } from '../../model/item-status.js';
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
  /** Once every identifier of a programmatic `value` is resolved, with its status. */
  onValueResolved: (items: SelectedItem[]) => void;
  /** The cache resolved identifiers are kept in (and read from, offline), when there is one. */
  cacheContext: () => SavedPlace | undefined;
  /**
   * Where identifiers not in the open framework are resolved; `wait` while it still loads.
   * `clients`: every endpoint's, the open framework's first (an identifier is looked for in that order).
   */
  resolveContext: () => { framework?: Framework; clients: readonly CaseClient[]; wait: boolean };
}

/** What a user's toggle did, for the host to announce. */
export type ToggleOutcome = 'added' | 'removed' | 'kept' | 'max-reached';

/** Requests in flight at once for resolving identifiers and their associations. */
const CONCURRENCY = 4;

/**
 * The selection: its entries in selection order (keyed by normalised identifier), user changes
 * (toggle, remove, replace) and programmatic ones (`value`), the `max` limit and the alert it
 * raises, resolving identifiers that are not in the open framework, and each item's status
 * (replacements are looked for in its package and with `CFItemAssociations/{id}`, where
 * crosswalks and revisions of other documents are). Requests stop when the host leaves.
 */
export class SelectionController implements ReactiveController {
  entries = new Map<string, SelectionEntry>();
  /** The selection's own alert (role="alert" in the tray), e.g. the `max` limit was reached. */
  alert?: string;
  private readonly resolving = new Set<string>();
  /** Keys whose associations were asked for (or are being). */
  private readonly checked = new Set<string>();
  private requests?: AbortController;
  private resolvePending = false;
  /** A programmatic `value` waits for its `case-value-resolve`. */
  private valuePending = false;
  /** Codes of replacements outside the open framework, by key, for "Replace with 4.NF.A.1". */
  private readonly replacementCodes = new Map<string, string>();
  private readonly queue: (() => Promise<void>)[] = [];
  private running = 0;

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
    this.checked.clear();
    this.queue.length = 0;
  }

  hostUpdate(): void {
    if (this.resolvePending) this.resolve();
  }

  get identifiers(): string[] {
    return [...this.entries.values()].map(e => e.identifier);
  }

  /** Identifiers that can be aligned to: what a form submits (not-found ones are left out). */
  get submittable(): string[] {
    return [...this.entries.values()].filter(e => !isMissing(e)).map(e => e.identifier);
  }

  get items(): SelectedItem[] {
    return [...this.entries.values()].map(
      e =>
        e.item ?? {
          identifier: e.identifier,
          uri: '',
          fullStatement: '',
          documentIdentifier: '',
          status: isMissing(e) ? 'not-found' : 'current',
        },
    );
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The code of a replacement resolved with CFItems/{id}, once known. */
  replacementCode(identifier: string): string | undefined {
    return this.replacementCodes.get(identifierKey(identifier));
  }

  /** Programmatic selection (`value`): keeps resolved entries, resolves the rest. */
  setIdentifiers(identifiers: readonly string[]): void {
    const next = new Map<string, SelectionEntry>();
    for (const identifier of identifiers) {
      const key = identifierKey(identifier);
      if (!next.has(key)) next.set(key, this.entries.get(key) ?? { identifier, state: 'loading' });
    }
    this.entries = next;
    this.valuePending = true;
    this.requestResolve();
  }

  /** Entries that could not be resolved are tried again (a new provider). */
  retryUnresolved(): void {
    for (const entry of this.entries.values()) if (entry.state !== 'resolved') entry.state = 'loading';
    this.checked.clear();
    this.requestResolve();
  }

  /** Resolve entries in the next update (the open framework changed, or the load settled). */
  requestResolve(): void {
    this.resolvePending = true;
    this.host.requestUpdate();
  }

  /** Selects or deselects an item of `framework` (a user change). */
  toggle(item: CaseItem, framework: Framework, maxMessage: (max: number) => string): ToggleOutcome {
    if (this.entries.has(item.key)) {
      if (!this.host.multiple) return 'kept'; // single selection: picking the selected item keeps it
      const next = new Map(this.entries);
      next.delete(item.key);
      this.commit(next);
      return 'removed';
    }
    return this.add(item.key, this.entryFor(item, framework), maxMessage);
  }

  /**
   * Selects several items at once (a list of codes, a branch): one user change. Items already
   * selected are kept; past `max`, the rest are left out and counted.
   */
  addMany(
    items: readonly { item: CaseItem; framework: Framework }[],
    maxMessage: (max: number) => string,
  ): { added: number; leftOut: number } {
    return this.insert(
      items.map(({ item, framework }) => [item.key, this.entryFor(item, framework)]),
      maxMessage,
    );
  }

  /** Selects an item known from elsewhere (an equivalent in another framework): a user change. */
  addItem(item: SelectedItem, maxMessage: (max: number) => string): ToggleOutcome {
    const key = identifierKey(item.identifier);
    if (this.entries.has(key)) return 'kept';
    return this.add(key, { identifier: item.identifier, item, state: 'resolved' }, maxMessage);
  }

  private add(key: string, entry: SelectionEntry, maxMessage: (max: number) => string): ToggleOutcome {
    return this.insert([[key, entry]], maxMessage).added ? 'added' : 'max-reached';
  }

  /**
   * Adds entries not selected yet, in order, while `max` leaves room (single selection: the one
   * entry replaces the selection), as one user change; raises the `max` alert for those left out.
   */
  private insert(entries: readonly [string, SelectionEntry][], maxMessage: (max: number) => string): { added: number; leftOut: number } {
    const { multiple, max } = this.host;
    const next = multiple ? new Map(this.entries) : new Map<string, SelectionEntry>();
    const room = !multiple ? 1 : max !== undefined && max > 0 ? max : Infinity;
    // Identifiers no provider knows take no place: they do not count toward `max`.
    let counted = [...next.values()].filter(e => !isMissing(e)).length;
    let added = 0;
    let leftOut = 0;
    for (const [key, entry] of entries) {
      if (next.has(key)) continue;
      if (counted >= room) {
        leftOut++;
        continue;
      }
      next.set(key, entry);
      counted++;
      added++;
    }
    if (added) {
      this.commit(next);
      this.requestResolve(); // look for replacements outside the package
    }
    if (leftOut && max) {
      this.alert = maxMessage(max);
      this.host.requestUpdate();
    }
    return { added, leftOut };
  }

  /** Removes entries (a user change). */
  remove(keys: readonly string[]): void {
    const next = new Map(this.entries);
    for (const key of keys) next.delete(key);
    this.commit(next);
  }

  /**
   * Replaces an entry by another identifier (an outdated standard by its replacement), in the
   * same place (a user change). The replacement comes from `framework` when it is there, else it
   * is resolved like a programmatic value.
   */
  replace(key: string, identifier: string, framework?: Framework): void {
    const replacementKey = identifierKey(identifier);
    const item = framework?.itemsByKey.get(replacementKey);
    const next = new Map<string, SelectionEntry>();
    for (const [k, entry] of this.entries) {
      if (k === key) {
        if (!this.entries.has(replacementKey))
          next.set(replacementKey, item && framework ? this.entryFor(item, framework) : { identifier, state: 'loading' });
      } else next.set(k, entry);
    }
    this.commit(next);
    this.requestResolve();
  }

  clearAlert(): void {
    this.alert = undefined;
  }

  private entryFor(item: CaseItem, framework: Framework): SelectionEntry {
    return {
      identifier: item.identifier,
      item: toSelectedItem(item, framework.document, replacementsIn(framework, item.key), framework.document.endpoint),
      state: 'resolved',
    };
  }

  private commit(next: Map<string, SelectionEntry>): void {
    this.entries = next;
    this.alert = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.options.onUserChange());
  }

  /**
   * Fills entries from the open framework, resolves the others with CFItems/{id}, and asks
   * CFItemAssociations/{id} of each resolved entry for replacements outside its package.
   */
  private resolve(): void {
    const { framework, clients, wait } = this.options.resolveContext();
    const client = clients[0];
    this.resolvePending = false;
    let changed = false;
    for (const [key, entry] of this.entries) {
      const item = framework?.itemsByKey.get(key);
      if (item && entry.state !== 'resolved') {
        this.entries.set(key, this.entryFor(item, framework!));
        changed = true;
      }
    }
    if (changed) this.entries = new Map(this.entries);
    // While the open framework is still loading, wait: its items resolve without requests.
    if (wait || !client || !this.requests) {
      if (!client && !wait) this.settleValue();
      return;
    }
    const signal = this.requests.signal;
    for (const [key, entry] of this.entries) {
      if (entry.state === 'loading' && !this.resolving.has(key)) {
        this.resolving.add(key);
        this.schedule(() => this.resolveOne(key, entry.identifier, clients, signal));
      } else if (entry.state === 'resolved' && !this.checked.has(key)) {
        this.checked.add(key);
        this.resolving.add(key);
        this.schedule(() => this.checkReplacements(key, entry.identifier, client, signal));
      }
    }
    this.settleValue();
  }

  /**
   * CFItems/{id} and CFItemAssociations/{id} of an identifier not in the open framework: kept in
   * the cache, and read from it when the network fails.
   */
  private async resolveOne(key: string, identifier: string, clients: readonly CaseClient[], signal: AbortSignal): Promise<void> {
    const place = this.options.cacheContext();
    let raw: RawCFItem | undefined;
    let related: RawCFAssociation[] = [];
    let client = clients[0];
    // Not found only when every endpoint says so (an unreachable one might have it).
    let everywhereNotFound = true;
    // Each endpoint in turn, until one knows the identifier (or has it saved, when offline).
    for (const candidate of clients) {
      const [item, associations] = await Promise.allSettled([
        candidate.getItem(identifier, { signal }),
        candidate.getItemAssociations(identifier, { signal }),
      ]);
      if (signal.aborted) return;
      if (item.status === 'fulfilled') {
        raw = item.value;
        related = associations.status === 'fulfilled' ? associations.value.CFAssociations : [];
        client = candidate;
        if (place) {
          const record = { endpoint: candidate.endpoint, itemKey: key, item: raw, associations: related, fetchedAt: Date.now() };
          void place.cache.putItem(record).catch(() => {});
        }
        break;
      }
      if (!(item.reason instanceof CaseApiError) || item.reason.code !== CaseErrorCode.notFound) everywhereNotFound = false;
      if (place && item.reason instanceof CaseApiError && item.reason.code === CaseErrorCode.network) {
        const saved = await place.cache.getItem(candidate.endpoint, key).catch(() => undefined);
        if (signal.aborted) return;
        if (saved) {
          raw = saved.item as RawCFItem;
          related = (saved.associations ?? []) as RawCFAssociation[];
          client = candidate;
          break;
        }
      }
    }
    this.checked.add(key);
    this.resolving.delete(key);
    const entry = this.entries.get(key);
    if (!entry || entry.state === 'resolved') return this.settleValue();
    const normalized = raw ? normalizeItem(raw, {}) : undefined;
    const replacedBy = replacementsAmong(related, identifier);
    this.nameReplacements(replacedBy, client, signal);
    const next = new Map(this.entries);
    if (normalized) {
      const endpoint = clients.length > 1 ? client.endpoint : undefined;
      next.set(key, { identifier: entry.identifier, item: toSelectedItem(normalized, undefined, replacedBy, endpoint), state: 'resolved' });
    } else {
      next.set(key, { ...entry, state: everywhereNotFound ? 'not-found' : 'error' });
    }
    this.entries = next;
    this.host.requestUpdate();
    this.settleValue();
  }

  /** Replacements of a resolved entry that its own package does not name. */
  private async checkReplacements(key: string, identifier: string, client: CaseClient, signal: AbortSignal): Promise<void> {
    const associations = await client.getItemAssociations(identifier, { signal }).catch(() => undefined);
    if (signal.aborted) return;
    this.resolving.delete(key);
    const entry = this.entries.get(key);
    const found = associations ? replacementsAmong(associations.CFAssociations, identifier) : [];
    const known = entry?.item?.replacedBy ?? [];
    const added = found.filter(id => !known.some(k => identifierKey(k) === identifierKey(id)));
    this.nameReplacements(found, client, signal);
    if (entry?.item && added.length) {
      const replacedBy = [...known, ...added];
      this.entries = new Map(this.entries).set(key, { ...entry, item: { ...entry.item, status: 'replaced', replacedBy } });
      this.host.requestUpdate();
    }
    this.settleValue();
  }

  /** Looks up the codes of replacements (for the replace button's words), one request each, once. */
  private nameReplacements(identifiers: readonly string[], client: CaseClient, signal: AbortSignal): void {
    for (const identifier of identifiers) {
      const key = identifierKey(identifier);
      if (this.replacementCodes.has(key)) continue;
      this.replacementCodes.set(key, '');
      this.schedule(async () => {
        const raw = await client.getItem(identifier, { signal }).catch(() => undefined);
        const item = raw && !signal.aborted ? normalizeItem(raw, {}) : undefined;
        if (item?.humanCodingScheme) {
          this.replacementCodes.set(key, item.humanCodingScheme);
          this.host.requestUpdate();
        }
      });
    }
  }

  /** Fires `onValueResolved` once a programmatic value has no request left. */
  private settleValue(): void {
    if (!this.valuePending || this.resolving.size > 0 || [...this.entries.values()].some(e => e.state === 'loading')) return;
    if (this.resolvePending) return;
    this.valuePending = false;
    void this.host.updateComplete.then(() => this.options.onValueResolved(this.items));
  }

  /** Runs `task` when fewer than CONCURRENCY are running. */
  private schedule(task: () => Promise<void>): void {
    this.queue.push(task);
    this.drain();
  }

  private drain(): void {
    while (this.running < CONCURRENCY && this.queue.length) {
      const task = this.queue.shift()!;
      this.running++;
      void task().finally(() => {
        this.running--;
        this.drain();
      });
    }
  }
}

/** No provider knows this identifier (a failed request is not that: it is kept and submitted). */
function isMissing(entry: SelectionEntry): boolean {
  return entry.state === 'not-found';
}
