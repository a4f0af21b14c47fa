import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CaseClient } from '../../api/case-client.js';
import type { RawCFAssociation } from '../../api/case-types.js';
import type { SelectedItem } from '../../events.js';
import { type SavedPlace, savedPackages } from '../../cache/standards-cache.js';
import type { AssociationEnd, CaseDocument, CaseItem, Framework } from '../../model/framework.js';
import { identifierKey, linkURI, normalizeDocument, normalizeItem } from '../../model/normalize.js';
import { toSelectedItem } from '../../model/selected-item.js';
import type { FrameworkTree } from '../../tree/tree-model.js';
import { HostLifetime } from './host-lifetime.js';

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
/** How long the focus rests on an item before its equivalents are looked up. */
const FOCUS_REST_MS = 200;
/** Focused items whose equivalents are remembered. */
const KEPT = 50;

/** A framework and its tree, whose `relationsOf` indexes every association end. */
export interface FrameworkSource {
  framework: Framework;
  tree: FrameworkTree;
}

export interface EquivalentsOptions {
  client: () => CaseClient | undefined;
  /** Other frameworks at hand (the cached ones searched with `scope = endpoint`), with their trees. */
  otherSources: () => readonly FrameworkSource[];
  /** The cache with each endpoint's key, where the other saved frameworks are read from (offline too); none without a cache. */
  savedPlaces: () => SavedPlace[];
}

/** What a saved framework says about equivalents: its exactMatchOf / isRelatedTo associations by node, and the items they name. */
interface SavedEquivalents {
  byNode: Map<string, RawCFAssociation[]>;
  items: Map<string, { item: CaseItem; document: CaseDocument }>;
}

/** Saved frameworks whose equivalence associations are remembered (by document and copy). */
const SAVED_KEPT = 12;

/**
 * The equivalents of the focused item: `exactMatchOf` (either direction) and `isRelatedTo`
 * associations found in the open package, in the other frameworks at hand and with
 * `CFItemAssociations/{id}`; each other end resolved to its code, statement and framework (in a
 * framework at hand, else with `CFItems/{id}`), or kept as a link when it is not a CASE item.
 */
export class EquivalentsController implements ReactiveController {
  private readonly cache = new Map<string, EquivalentsState>();
  private readonly saved = new Map<string, SavedEquivalents>();
  /** A look-up waiting for the focus to rest (arrowing through rows asks for none). */
  private pending?: { cacheKey: string; timer: ReturnType<typeof setTimeout> };
  private readonly lifetime: HostLifetime;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: EquivalentsOptions,
  ) {
    this.lifetime = new HostLifetime(host);
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.pending?.timer);
    this.pending = undefined;
    for (const [key, state] of this.cache) if (state.loading) this.cache.delete(key);
  }

  /** The equivalents of an item of the open framework (looked up once, then remembered). */
  of(open: FrameworkSource, key: string): EquivalentsState {
    const { framework } = open;
    const cacheKey = `${framework.document.key}/${key}`;
    let state = this.cache.get(cacheKey);
    if (!state) {
      const item = framework.itemsByKey.get(key);
      if (!item) return { loading: false, list: [] };
      state = { loading: true, list: [] };
      if (this.cache.size >= KEPT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(cacheKey, state);
      // The focus moved on before the last look-up started: that one is not needed.
      if (this.pending && this.pending.cacheKey !== cacheKey) {
        clearTimeout(this.pending.timer);
        if (this.cache.get(this.pending.cacheKey)?.loading) this.cache.delete(this.pending.cacheKey);
      }
      const timer = setTimeout(() => {
        this.pending = undefined;
        void this.lookUp(cacheKey, [open, ...this.options.otherSources()], item.identifier);
      }, FOCUS_REST_MS);
      this.pending = { cacheKey, timer };
    }
    return state;
  }

  /** `sources`: the open framework first, then the others at hand. */
  private async lookUp(cacheKey: string, sources: readonly FrameworkSource[], identifier: string): Promise<void> {
    const signal = this.lifetime.signal;
    const client = this.options.client();
    const [remote, saved] = await Promise.all([
      client ? client.getItemAssociations(identifier, { signal }).catch(() => undefined) : undefined,
      this.savedFrameworks(new Set(sources.map(s => s.framework.document.key))).catch(() => [] as SavedEquivalents[]),
    ]);
    if (signal.aborted) return;
    const key = identifierKey(identifier);
    // The trees already index every association by both of its ends.
    const local = sources.flatMap(s => s.tree.relationsOf(key).map(r => r.association.raw));
    const savedItems = new Map(saved.flatMap(s => [...s.items]));
    const ends = new Map<string, { end: AssociationEnd; relation: Equivalent['relation'] }>();
    for (const raw of [...local, ...saved.flatMap(s => s.byNode.get(key) ?? []), ...(remote?.CFAssociations ?? [])]) {
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
    const frameworks = sources.map(s => s.framework);
    const list = await Promise.all(
      [...ends.values()].map(({ end, relation }) => this.resolve(end, relation, frameworks, savedItems, client, signal)),
    );
    if (signal.aborted) return;
    list.sort((a, b) => (a.relation === b.relation ? 0 : a.relation === 'exact' ? -1 : 1));
    this.cache.set(cacheKey, { loading: false, list });
    this.host.requestUpdate();
  }

  private async resolve(
    end: AssociationEnd,
    relation: Equivalent['relation'],
    frameworks: readonly Framework[],
    savedItems: Map<string, { item: CaseItem; document: CaseDocument }>,
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
    const saved = savedItems.get(end.key);
    if (saved) {
      const { item, document } = saved;
      return {
        identifier: item.identifier,
        relation,
        code: item.humanCodingScheme,
        statement: item.fullStatement,
        frameworkTitle: document.title,
        item: toSelectedItem(item, document),
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

  /**
   * The equivalence associations of the other frameworks saved for the picker's endpoints (read
   * once per copy), but those already at hand (`atHand`: the open one, and those search has loaded).
   */
  private async savedFrameworks(atHand: ReadonlySet<string>): Promise<SavedEquivalents[]> {
    const out: SavedEquivalents[] = [];
    // A framework mirrored on several endpoints is read from the first that saved it.
    for (const { cache, endpoint, info, copyKey } of await savedPackages(this.options.savedPlaces(), atHand)) {
      let saved = this.saved.get(copyKey);
      if (!saved) {
        const copy = await cache.getPackage(endpoint, info.documentKey);
        if (!copy) continue;
        saved = equivalencesOf(copy.package);
        if (this.saved.size >= SAVED_KEPT) this.saved.delete(this.saved.keys().next().value!);
        this.saved.set(copyKey, saved);
      }
      out.push(saved);
    }
    return out;
  }
}

/** A package's exactMatchOf / isRelatedTo associations by node, with the package's items they name. */
function equivalencesOf(pkg: { CFDocument?: unknown; CFItems?: unknown; CFAssociations?: unknown }): SavedEquivalents {
  const byNode = new Map<string, RawCFAssociation[]>();
  for (const raw of Array.isArray(pkg.CFAssociations) ? (pkg.CFAssociations as RawCFAssociation[]) : []) {
    if (!RELATIONS[String(raw?.associationType)]) continue;
    for (const end of [linkURI(raw.originNodeURI), linkURI(raw.destinationNodeURI)]) {
      if (!end?.key) continue;
      byNode.set(end.key, [...(byNode.get(end.key) ?? []), raw]);
    }
  }
  const items = new Map<string, { item: CaseItem; document: CaseDocument }>();
  if (byNode.size) {
    const document = normalizeDocument(pkg.CFDocument);
    for (const raw of Array.isArray(pkg.CFItems) ? (pkg.CFItems as { identifier?: unknown }[]) : []) {
      if (typeof raw?.identifier !== 'string' || !byNode.has(identifierKey(raw.identifier))) continue;
      const item = normalizeItem(raw, {});
      if (item) items.set(item.key, { item, document });
    }
  }
  return { byNode, items };
}
