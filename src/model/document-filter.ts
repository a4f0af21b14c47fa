import { naturalCompare } from '../text/natural-compare.js';
import type { CaseDocument } from './framework.js';

/** Adoption statuses hidden unless asked for. */
const RETIRED = /deprecated|retired|obsolete/i;

function isRetired(document: CaseDocument): boolean {
  return !!document.adoptionStatus && RETIRED.test(document.adoptionStatus);
}

/** The facet values of a framework list, each sorted in natural order. */
export interface DocumentFacets {
  subjects: string[];
  creators: string[];
  statuses: string[];
  /** Provider names (several endpoints). */
  providers: string[];
  /** Whether any framework is deprecated or retired (the toggle is shown only then). */
  hasRetired: boolean;
}

export interface DocumentCriteria {
  /** Words in the title, creator, publisher, subject or version (case-insensitive). */
  text?: string;
  subject?: string;
  creator?: string;
  status?: string;
  /** Provider name (`providerOf`). */
  provider?: string;
  /** Show deprecated and retired frameworks (always shown when `status` names their status). */
  showRetired?: boolean;
}

const creatorOf = (d: CaseDocument) => d.creator ?? d.publisher;

/** Names by endpoint: a list of 2,000 frameworks asks for each one's (facets, filter, options). */
const providerNames = new Map<string, string>();

/**
 * A provider's name for people: its endpoint's host, with the path before `/ims/case` when there
 * is one (`case.example.org`, `lms.example/district`); the endpoint as given when it is no URL.
 */
export function providerName(endpoint: string): string {
  let name = providerNames.get(endpoint);
  if (name === undefined) {
    try {
      const url = new URL(endpoint);
      const path = url.pathname.replace(/\/ims\/case(\/v\d+p\d+)?\/?$/i, '').replace(/\/+$/, '');
      name = `${url.host}${path}` || endpoint;
    } catch {
      name = endpoint;
    }
    providerNames.set(endpoint, name);
  }
  return name;
}

/** The name of the provider a framework is listed from. */
export function providerOf(d: CaseDocument): string | undefined {
  return d.endpoint ? providerName(d.endpoint) : undefined;
}

/** The facets of a list in one pass over it (`flatMap` and a set per facet took 4–9 ms for 2,200 documents). */
export function documentFacets(documents: readonly CaseDocument[]): DocumentFacets {
  const subjects = new Set<string>();
  const creators = new Set<string>();
  const statuses = new Set<string>();
  const endpoints = new Set<string>();
  for (const d of documents) {
    for (const subject of d.subject) if (subject) subjects.add(subject);
    const creator = creatorOf(d);
    if (creator) creators.add(creator);
    if (d.adoptionStatus) statuses.add(d.adoptionStatus);
    if (d.endpoint) endpoints.add(d.endpoint);
  }
  const sorted = (values: Iterable<string>) => [...values].sort(naturalCompare);
  return {
    subjects: sorted(subjects),
    creators: sorted(creators),
    statuses: sorted(statuses),
    providers: sorted(new Set([...endpoints].map(providerName))), // two endpoints of one host: one provider
    hasRetired: [...statuses].some(status => RETIRED.test(status)),
  };
}

/**
 * The list sorted by title, and each document's searchable text: made once per list, when more
 * than a first screen of it is asked for or it is first filtered by text, or ahead of that (the
 * picker prepares a long list once its first screen is painted).
 */
const prepared = new WeakMap<readonly CaseDocument[], { sorted: CaseDocument[]; text: Map<CaseDocument, string> }>();
export function prepareDocuments(documents: readonly CaseDocument[]) {
  let entry = prepared.get(documents);
  if (!entry) {
    const text = new Map(
      documents.map(d => [d, [d.title, d.creator, d.publisher, ...d.subject, d.version].filter(Boolean).join('\n').toLowerCase()]),
    );
    prepared.set(documents, (entry = { sorted: [...documents].sort(byTitle), text }));
  }
  return entry;
}

const byTitle = (a: CaseDocument, b: CaseDocument) => naturalCompare(a.title, b.title);

/**
 * The first `n` of `documents` by title, as a stable sort would give them, without sorting them
 * all: a pass that compares most documents once with the last of those kept.
 */
export function firstByTitle(documents: readonly CaseDocument[], n: number): CaseDocument[] {
  const first: CaseDocument[] = [];
  if (n <= 0) return first;
  for (const d of documents) {
    if (first.length === n && byTitle(d, first[n - 1]) >= 0) continue;
    // After those it is not before: equal titles keep their order.
    let lo = 0;
    let hi = first.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byTitle(d, first[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    first.splice(lo, 0, d);
    if (first.length > n) first.pop();
  }
  return first;
}

/** The frameworks that match a filter. */
export interface DocumentMatches {
  count: number;
  /** The first `n` of them, sorted by title in natural order. */
  first(n: number): CaseDocument[];
}

/** Up to this many of a list not yet sorted are picked out of it; asking for more sorts it. */
const PICKED = 50;

/**
 * The frameworks that match. A list is sorted by title once (typing into the filter re-sorts
 * nothing), when more than `PICKED` of it are first asked for or it is first filtered by text:
 * sorting 2,000 titles with the collator takes about 8 ms, and the first screen of a new list
 * (20) is painted without it.
 */
export function filterDocuments(documents: readonly CaseDocument[], criteria: DocumentCriteria): DocumentMatches {
  const needle = criteria.text?.trim().toLowerCase() ?? '';
  const text = needle ? prepareDocuments(documents).text : undefined;
  const sorted = prepared.get(documents)?.sorted;
  const matches = (d: CaseDocument) => {
    if (!criteria.showRetired && !criteria.status && isRetired(d)) return false;
    if (criteria.subject && !d.subject.includes(criteria.subject)) return false;
    if (criteria.creator && creatorOf(d) !== criteria.creator) return false;
    if (criteria.status && d.adoptionStatus !== criteria.status) return false;
    if (criteria.provider && providerOf(d) !== criteria.provider) return false;
    return !text || text.get(d)!.includes(needle);
  };
  const list = (sorted ?? documents).filter(matches);
  return {
    count: list.length,
    first(n) {
      if (sorted) return list.slice(0, n);
      // A few: picked out. More: the list is prepared, for this and every filter after.
      if (n <= PICKED) return firstByTitle(list, n);
      return prepareDocuments(documents).sorted.filter(matches).slice(0, n);
    },
  };
}
