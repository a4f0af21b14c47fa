// A `fetch` for stories: answers the CASE REST API from in-story fixtures, so stories never
// touch the network. The picker's real CaseClient runs on top of it, so every code path is real.
import type { RawCFPackage } from '../../src/api/case-types.js';

export const STORY_ENDPOINT = 'https://case.example.org/ims/case/v1p0';

export type Fault = { status: number } | 'network' | 'html' | 'wrong-shape' | 'hang';

export interface FixtureFetchOptions {
  /** Hosts that answer every request with 503 (one of several endpoints down). */
  downHosts?: string[];
  /** Milliseconds before each answer. */
  latency?: number;
  /** Fail every request this way. */
  fault?: Fault;
  /** Fail only package requests (the framework list still loads). */
  faultPackagesOnly?: boolean;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const imsx = (status: number, description: string) =>
  json({ imsx_codeMajor: 'failure', imsx_severity: 'error', imsx_description: description }, status);

export function fixtureFetch(packages: RawCFPackage[], options: FixtureFetchOptions = {}): typeof fetch {
  const byId = new Map<string, RawCFPackage>();
  const items = new Map<string, { item: Record<string, unknown>; pkg: RawCFPackage }>();
  const associations = packages.flatMap(p => (p.CFAssociations as Record<string, { identifier?: string }>[]) ?? []) as Record<
    string,
    { identifier?: string }
  >[];
  for (const pkg of packages) {
    const doc = pkg.CFDocument as { identifier: string };
    byId.set(doc.identifier.toLowerCase(), pkg);
    for (const item of (pkg.CFItems as Record<string, unknown>[]) ?? []) {
      items.set(String(item.identifier).toLowerCase(), { item, pkg });
    }
  }
  return async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (options.latency) await new Promise(resolve => setTimeout(resolve, options.latency));
    init?.signal?.throwIfAborted();
    if (options.downHosts?.includes(url.host)) return imsx(503, 'The server is down for maintenance.');
    const path = url.pathname.replace(/^\/ims\/case\/v1p[01]\//, '');
    const [resource, rawId] = path.split('/');
    const fault = options.fault && (!options.faultPackagesOnly || resource === 'CFPackages') ? options.fault : undefined;
    if (fault === 'hang') return new Promise<Response>(() => {});
    if (fault === 'network') throw new TypeError('Failed to fetch');
    if (fault === 'html') return new Response('<!doctype html><title>Sign in</title>', { headers: { 'Content-Type': 'text/html' } });
    if (fault === 'wrong-shape') return json({ message: 'not CASE' });
    if (fault) return imsx(fault.status, `The server answered ${fault.status}.`);
    const id = rawId?.toLowerCase();
    if (resource === 'CFDocuments' && !id) {
      const docs = [...byId.values()].map(p => p.CFDocument);
      return json({ CFDocuments: docs }, 200, { 'X-Total-Count': String(docs.length) });
    }
    const pkg = id ? byId.get(id) : undefined;
    if (resource === 'CFDocuments' && pkg) return json(pkg.CFDocument);
    if (resource === 'CFPackages' && pkg) return json(pkg);
    const found = id ? items.get(id) : undefined;
    if (resource === 'CFItems' && found) return json({ ...found.item, CFDocumentURI: found.item.CFDocumentURI ?? found.pkg.CFDocument });
    if (resource === 'CFItemAssociations' && found) {
      // Across every package, as a CASE provider does (crosswalks live in other documents).
      const related = associations.filter(a => [a.originNodeURI, a.destinationNodeURI].some(end => end?.identifier?.toLowerCase() === id));
      return json({ CFItem: found.item, CFAssociations: related });
    }
    return imsx(404, `${resource} ${rawId ?? ''} was not found.`);
  };
}
