import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CaseClient } from '../../api/case-client.js';
import type { RawCFAssociation } from '../../api/case-types.js';
import type { SelectedItem } from '../../events.js';
import type { AssociationEnd, Framework } from '../../model/framework.js';
import { identifierKey, linkURI, normalizeItem } from '../../model/normalize.js';
import { toSelectedItem } from '../../model/selected-item.js';

/** A standard the focused one is the same as (`exact`) or related to (`related`), in any framework. */
export interface Equivalent {
  identifier: string;
  relation: 'exact' | 'related';
  code?: string;
  statement?: string;
  frameworkTitle?: string;
  /** A link for an end that is not a CASE item this provider can resolve. */
  uri?: string;
  /** Set when the equivalent could be resolved: what adding it selects. */
  item?: SelectedItem;
}

export interface EquivalentsState {
  loading: boolean;
  list: Equivalent[];
}

const RELATIONS: Record<string, Equivalent['relation']> = { exactMatchOf: 'exact', isRelatedTo: 'related' };
/** Focused items whose equivalents are remembered. */
const KEPT = 50;

export interface EquivalentsOptions {
  client: () => CaseClient | undefined;
  /** Other frameworks at hand (the cached ones searched with `scope = endpoint`). */
  otherFrameworks: () => readonly Framework[];
}

/**
 * The equivalents of the focused item: `exactMatchOf` (either direction) and `isRelatedTo`
 * associations found in the open package, in the other frameworks at hand and with
 * `CFItemAssociations/{id}`; each other end resolved to its code, statement and framework (in a
 * framework at hand, else with `CFItems/{id}`), or kept as a link when it is not a CASE item.
 */
export class EquivalentsController implements ReactiveController {
  private readonly cache = new Map<string, EquivalentsState>();
  private requests = new AbortController();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: EquivalentsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.requests.signal.aborted) this.requests = new AbortController();
  }

  hostDisconnected(): void {
    this.requests.abort();
    for (const [key, state] of this.cache) if (state.loading) this.cache.delete(key);
  }

  /** The equivalents of an item of `framework` (looked up once, then remembered). */
  of(framework: Framework, key: string): EquivalentsState {
    const cacheKey = `${framework.document.key}/${key}`;
    let state = this.cache.get(cacheKey);
    if (!state) {
      const item = framework.itemsByKey.get(key);
      if (!item) return { loading: false, list: [] };
      const local = [framework, ...this.options.otherFrameworks()].flatMap(f => f.associations.map(a => a.raw));
      state = { loading: true, list: [] };
      if (this.cache.size >= KEPT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(cacheKey, state);
      void this.lookUp(cacheKey, framework, item.identifier, local);
    }
    return state;
  }

  private async lookUp(cacheKey: string, framework: Framework, identifier: string, local: RawCFAssociation[]): Promise<void> {
    const signal = this.requests.signal;
    const client = this.options.client();
    const remote = client ? await client.getItemAssociations(identifier, { signal }).catch(() => undefined) : undefined;
    if (signal.aborted) return;
    const ends = new Map<string, { end: AssociationEnd; relation: Equivalent['relation'] }>();
    const key = identifierKey(identifier);
    for (const raw of [...local, ...(remote?.CFAssociations ?? [])]) {
      const relation = RELATIONS[String(raw?.associationType)];
      if (!relation) continue;
      const origin = linkURI(raw.originNodeURI);
      const destination = linkURI(raw.destinationNodeURI);
      const other = origin?.key === key ? destination : destination?.key === key ? origin : undefined;
      const id = other?.identifier ?? other?.uri;
      if (!other || !id || other.key === key) continue;
      const known = ends.get(identifierKey(id));
      if (!known || (known.relation === 'related' && relation === 'exact')) ends.set(identifierKey(id), { end: other, relation });
    }
    const frameworks = [framework, ...this.options.otherFrameworks()];
    const list = await Promise.all([...ends.values()].map(({ end, relation }) => this.resolve(end, relation, frameworks, client, signal)));
    if (signal.aborted) return;
    list.sort((a, b) => (a.relation === b.relation ? 0 : a.relation === 'exact' ? -1 : 1));
    this.cache.set(cacheKey, { loading: false, list });
    this.host.requestUpdate();
  }

  private async resolve(
    end: AssociationEnd,
    relation: Equivalent['relation'],
    frameworks: readonly Framework[],
    client: CaseClient | undefined,
    signal: AbortSignal,
  ): Promise<Equivalent> {
    const identifier = end.identifier ?? end.uri ?? '';
    const fallback: Equivalent = { identifier, relation, statement: end.title, uri: end.uri };
    if (end.external || !end.key) return fallback;
    for (const f of frameworks) {
      const item = f.itemsByKey.get(end.key);
      if (item)
        return {
          identifier: item.identifier,
          relation,
          code: item.humanCodingScheme,
          statement: item.fullStatement,
          frameworkTitle: f.document.title,
          item: toSelectedItem(item, f.document),
        };
    }
    const raw = client ? await client.getItem(identifier, { signal }).catch(() => undefined) : undefined;
    const item = raw ? normalizeItem(raw, {}) : undefined;
    if (!item) return fallback;
    const selected = toSelectedItem(item);
    return {
      identifier: item.identifier,
      relation,
      code: item.humanCodingScheme,
      statement: item.fullStatement,
      frameworkTitle: selected.documentTitle,
      item: selected,
    };
  }
}
