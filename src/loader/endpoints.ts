import type { RawCFDocument } from '../api/case-types.js';
import type { CaseDocument } from '../model/framework.js';
import { normalizeDocument } from '../model/normalize.js';

/** The CASE bases of an `endpoint` attribute: separated by whitespace, each once. */
export function splitEndpoints(value: string | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const token of (value ?? '').split(/\s+/)) {
    const endpoint = token.replace(/\/+$/, '');
    if (endpoint && !seen.has(endpoint)) {
      seen.add(endpoint);
      out.push(endpoint);
    }
  }
  return out;
}

/** One endpoint's framework list (none when it could not be read). */
export interface EndpointDocuments {
  endpoint: string;
  documents?: readonly RawCFDocument[];
}

/**
 * The framework lists of several endpoints as one: each CFDocument once, from the first endpoint
 * (in the given order) that lists it, with the later ones that also do (mirrors, such as the CASE
 * Network and a state server) in `mirrors`. Documents without an identifier are left out.
 */
export function mergeDocuments(lists: readonly EndpointDocuments[]): CaseDocument[] {
  const byKey = new Map<string, CaseDocument>();
  for (const { endpoint, documents } of lists) {
    for (const raw of documents ?? []) {
      let document: CaseDocument;
      try {
        document = normalizeDocument(raw);
      } catch {
        continue; // a document without an identifier cannot be opened
      }
      const first = byKey.get(document.key);
      if (first) {
        if (first.endpoint !== endpoint && !first.mirrors?.includes(endpoint)) first.mirrors = [...(first.mirrors ?? []), endpoint];
      } else {
        document.endpoint = endpoint; // a new object: normalizeDocument made it
        byKey.set(document.key, document);
      }
    }
  }
  return [...byKey.values()];
}

/** The endpoints to try for a framework, in order: those known to list it, then the others. */
export function endpointsFor(identifierKey: string, endpoints: readonly string[], known: ReadonlyMap<string, CaseDocument>): string[] {
  const document = known.get(identifierKey);
  const listed = document?.endpoint ? [document.endpoint, ...(document.mirrors ?? [])] : [];
  return [...listed.filter(e => endpoints.includes(e)), ...endpoints.filter(e => !listed.includes(e))];
}
