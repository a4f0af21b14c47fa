import type { RawCFAssociation } from '../api/case-types.js';
import type { CaseItem, Framework } from './framework.js';
import { identifierKey, linkURI } from './normalize.js';

/** Whether a selected standard is still the one to align to (CONTRACT.md, "Second release"). */
export type ItemStatus = 'current' | 'replaced' | 'deprecated' | 'expired' | 'not-found';

const RETIRED = /deprecated|retired/i;

/** The dates and statuses a status is read from (an item's or its document's). */
interface Lifecycle {
  adoptionStatus?: string;
  statusEndDate?: string;
}

/**
 * The status of an item: `replaced` when replacements are known, `deprecated` when the item's
 * or its document's adoptionStatus is Deprecated or Retired, `expired` when its own or its
 * document's statusEndDate has passed (`now`, ms since epoch), otherwise `current`.
 */
export function itemStatus(item: Lifecycle, document: Lifecycle | undefined, replacedBy: readonly string[], now = Date.now()): ItemStatus {
  // Plain conditions, no arrays: this runs for every item before the first search, and per row.
  if (replacedBy.length) return 'replaced';
  if (retired(item.adoptionStatus) || retired(document?.adoptionStatus)) return 'deprecated';
  if (ended(item.statusEndDate, now) || ended(document?.statusEndDate, now)) return 'expired';
  return 'current';
}

const retired = (status: string | undefined) => !!status && RETIRED.test(status);

/** A statusEndDate is the last day in effect: it has passed once that whole day has. */
function ended(date: string | undefined, now: number): boolean {
  if (!date) return false;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date.slice(0, 10)) ? Date.parse(`${date.slice(0, 10)}T23:59:59.999Z`) : Date.parse(date);
  return Number.isFinite(day) && day < now;
}

const replacementMaps = new WeakMap<Framework, Map<string, string[]>>();

/** Per item key, the identifiers its framework's `replacedBy` associations name (none: no entry). */
function replacementMap(framework: Framework): Map<string, string[]> {
  let map = replacementMaps.get(framework);
  if (!map) {
    map = new Map();
    for (const a of framework.associations) {
      if (a.type !== 'replacedBy' || !a.origin.key || !a.destination.identifier) continue;
      const list = map.get(a.origin.key) ?? [];
      if (!list.includes(a.destination.identifier)) list.push(a.destination.identifier);
      map.set(a.origin.key, list);
    }
    replacementMaps.set(framework, map);
  }
  return map;
}

/** Identifiers of the items `replacedBy` associations of the framework name for an item. */
export function replacementsIn(framework: Framework, key: string): string[] {
  return replacementMap(framework).get(key) ?? [];
}

/** Replacements named by associations a provider returned for an item (`CFItemAssociations/{id}`). */
export function replacementsAmong(associations: readonly RawCFAssociation[], identifier: string): string[] {
  const key = identifierKey(identifier);
  const out: string[] = [];
  for (const raw of associations) {
    if (raw?.associationType !== 'replacedBy') continue;
    const origin = linkURI(raw.originNodeURI);
    const destination = linkURI(raw.destinationNodeURI);
    if (origin?.key === key && destination?.identifier && !out.includes(destination.identifier)) out.push(destination.identifier);
  }
  return out;
}

/** The lifecycle fields of an item (its own adoptionStatus is kept raw by the model). */
export function lifecycleOf(item: CaseItem): Lifecycle {
  const adoption = item.raw.adoptionStatus;
  return { adoptionStatus: typeof adoption === 'string' ? adoption : undefined, statusEndDate: item.statusEndDate };
}

const flagArrays = new WeakMap<Framework, Uint8Array | undefined>();

/**
 * Per item of a framework (in its order), 1 when the item itself is outdated (replaced in its
 * package, deprecated or expired), for ranking; `undefined` when none is. Made once per framework.
 */
export function outdatedFlags(framework: Framework, now = Date.now()): Uint8Array | undefined {
  if (flagArrays.has(framework)) return flagArrays.get(framework);
  let flags: Uint8Array | undefined;
  const { items } = framework;
  const replaced = replacementMap(framework);
  for (let i = 0; i < items.length; i++) {
    // `itemStatus` of the item's own lifecycle, inlined: no object or array per item (this runs
    // for every item before the first search can rank: 11 ms at 20,000 items in a trace before).
    const item = items[i];
    const adoption = item.raw.adoptionStatus;
    if (!replaced.has(item.key) && !retired(typeof adoption === 'string' ? adoption : undefined) && !ended(item.statusEndDate, now))
      continue;
    (flags ??= new Uint8Array(items.length))[i] = 1;
  }
  flagArrays.set(framework, flags);
  return flags;
}

/** The status of an item of its own (not its framework's), as rows and results show it. */
export function ownStatus(framework: Framework, item: CaseItem): ItemStatus {
  return itemStatus(lifecycleOf(item), undefined, replacementsIn(framework, item.key));
}

/** Whether a framework as a whole is outdated: deprecated, retired, or past its statusEndDate. */
export function documentStatus(document: Lifecycle, now = Date.now()): ItemStatus {
  return itemStatus({}, document, [], now);
}
