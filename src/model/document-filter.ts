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

/**
 * The name of the provider a framework is listed from: its endpoint's host, with the path
 * before `/ims/case` when there is one (`case.example.org`, `lms.example/district`).
 */
export function providerOf(d: CaseDocument): string | undefined {
  if (!d.endpoint) return undefined;
  try {
    const url = new URL(d.endpoint);
    const path = url.pathname.replace(/\/ims\/case(\/v\d+p\d+)?\/?$/i, '').replace(/\/+$/, '');
    return `${url.host}${path}` || d.endpoint;
  } catch {
    return d.endpoint;
  }
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

/** The frameworks that match, sorted by title in natural order. */
export function filterDocuments(documents: readonly CaseDocument[], criteria: DocumentCriteria): CaseDocument[] {
  const needle = criteria.text?.trim().toLowerCase() ?? '';
  return documents
    .filter(d => {
      if (!criteria.showRetired && !criteria.status && isRetired(d)) return false;
      if (criteria.subject && !d.subject.includes(criteria.subject)) return false;
      if (criteria.creator && creatorOf(d) !== criteria.creator) return false;
      if (criteria.status && d.adoptionStatus !== criteria.status) return false;
      if (criteria.provider && providerOf(d) !== criteria.provider) return false;
      return !needle || [d.title, d.creator, d.publisher, ...d.subject, d.version].some(f => f?.toLowerCase().includes(needle));
    })
    .sort((a, b) => naturalCompare(a.title, b.title));
}
