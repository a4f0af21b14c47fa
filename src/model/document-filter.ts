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

export function documentFacets(documents: readonly CaseDocument[]): DocumentFacets {
  const values = (pick: (d: CaseDocument) => readonly (string | undefined)[]) =>
    [...new Set(documents.flatMap(pick).filter((v): v is string => !!v))].sort(naturalCompare);
  return {
    subjects: values(d => d.subject),
    creators: values(d => [creatorOf(d)]),
    statuses: values(d => [d.adoptionStatus]),
    providers: values(d => [providerOf(d)]),
    hasRetired: documents.some(isRetired),
  };
}

/** The list sorted by title, and each document's searchable text, made once per list. */
const prepared = new WeakMap<readonly CaseDocument[], { sorted: CaseDocument[]; text: Map<CaseDocument, string> }>();
function prepare(documents: readonly CaseDocument[]) {
  let entry = prepared.get(documents);
  if (!entry) {
    const text = new Map(
      documents.map(d => [d, [d.title, d.creator, d.publisher, ...d.subject, d.version].filter(Boolean).join('\n').toLowerCase()]),
    );
    const sorted = [...documents].sort((a, b) => naturalCompare(a.title, b.title));
    prepared.set(documents, (entry = { sorted, text }));
  }
  return entry;
}

/** The frameworks that match, sorted by title in natural order (typing into the filter re-sorts nothing). */
export function filterDocuments(documents: readonly CaseDocument[], criteria: DocumentCriteria): CaseDocument[] {
  const needle = criteria.text?.trim().toLowerCase() ?? '';
  const { sorted, text } = prepare(documents);
  return sorted.filter(d => {
    if (!criteria.showRetired && !criteria.status && isRetired(d)) return false;
    if (criteria.subject && !d.subject.includes(criteria.subject)) return false;
    if (criteria.creator && creatorOf(d) !== criteria.creator) return false;
    if (criteria.status && d.adoptionStatus !== criteria.status) return false;
    if (criteria.provider && providerOf(d) !== criteria.provider) return false;
    return !needle || text.get(d)!.includes(needle);
  });
}
