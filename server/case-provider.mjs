// A small CASE 1.0 / 1.1 REST provider that serves CFPackage JSON files from folders.
// Used by `npm start`, the tests and the benchmark; districts can run it on their own files:
//   npx case-provider ./my-frameworks --port 5174
import { createHash, timingSafeEqual } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Conformer } from './case-v1p1.mjs';

const BASES = ['/ims/case/v1p0', '/ims/case/v1p1'];
/** The definition records a package holds, by REST resource: where they are in a CFPackage and their 1.1 type. */
const DEFINITIONS = {
  CFItemTypes: { path: ['CFDefinitions', 'CFItemTypes'], type: 'CFItemTypeDType', set: true },
  CFSubjects: { path: ['CFDefinitions', 'CFSubjects'], type: 'CFSubjectDType', set: true },
  CFConcepts: { path: ['CFDefinitions', 'CFConcepts'], type: 'CFConceptDType', set: true },
  CFLicenses: { path: ['CFDefinitions', 'CFLicenses'], type: 'CFLicenseDType' },
  CFAssociationGroupings: { path: ['CFDefinitions', 'CFAssociationGroupings'], type: 'CFAssociationGroupingDType' },
  CFRubrics: { path: ['CFRubrics'], type: 'CFRubricDType' },
};
/** CFDocument properties `sort` and `fields` may name (CASE 1.1 CFDocumentDType). */
const DOCUMENT_FIELDS = new Set([
  'identifier',
  'uri',
  'frameworkType',
  'caseVersion',
  'creator',
  'title',
  'lastChangeDateTime',
  'officialSourceURL',
  'publisher',
  'description',
  'subject',
  'subjectURI',
  'language',
  'version',
  'adoptionStatus',
  'statusStartDate',
  'statusEndDate',
  'licenseURI',
  'notes',
  'extensions',
  'CFPackageURI',
]);
const EXPOSED = 'X-Total-Count, ETag, Last-Modified, Content-Length, Content-Encoding';
/** Longest identifier accepted in a path; longer ones are refused, never echoed whole. */
const MAX_ID = 200;
/** Longest piece of a request echoed back in an error description. */
const MAX_ECHO = 64;
/** Bodies smaller than this are sent uncompressed. */
const GZIP_MIN = 1024;

/** A request value as it may appear in an error description: bounded, and only printable. */
function echo(value) {
  const text = String(value).replace(/[^\x20-\x7e]/g, '?');
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}

/** `decodeURIComponent` that answers `undefined` for malformed escapes instead of throwing. */
function safeDecode(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * @typedef {object} LoadedPackage
 * @property {string} id          lower-cased CFDocument identifier
 * @property {Record<string, unknown>} json
 * @property {Buffer} body        the package bytes, served as they are
 * @property {string} etag
 * @property {Date} lastModified
 * @property {string} file
 */

/** Finds every `.json` file under `dir` (recursively), sorted for a stable listing. */
async function jsonFiles(dir) {
  if ((await stat(dir)).isFile()) return [dir]; // one file named on its own
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter(e => e.isFile() && e.name.endsWith('.json'))
    .map(e => join(e.parentPath ?? e.path, e.name))
    .sort();
}

function isPackage(json) {
  return json && typeof json === 'object' && json.CFDocument && typeof json.CFDocument.identifier === 'string';
}

function lower(value) {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

/**
 * The error body CASE specifies (imsx_StatusInfo), with the code minor value of the version's
 * vocabulary (1.0 spells some of them without the underscore). `minor` overrides the default
 * for the status (`invalid_uuid`, `invalid_sort_field`).
 */
export function imsxStatus(status, description, { version = 'v1p1', minor: asked } = {}) {
  const v1p0 = version === 'v1p0';
  const minor =
    asked === 'invalid_uuid'
      ? v1p0
        ? 'invaliduuid'
        : 'invalid_uuid'
      : (asked ??
        (status === 404
          ? 'unknownobject'
          : status === 401
            ? v1p0
              ? 'unauthorisedrequest'
              : 'unauthorised_request'
            : status === 403
              ? 'forbidden'
              : status === 400
                ? 'invalid_selection_field'
                : status === 429
                  ? 'server_busy'
                  : 'internal_server_error'));
  return {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: description,
    imsx_codeMinor: {
      imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'sourcedId', imsx_codeMinorFieldValue: minor }],
    },
  };
}

/**
 * Creates a provider over the CFPackage files in `dirs` (folders, searched recursively, or single
 * JSON files).
 *
 * @param {{ dirs: string[], token?: string, log?: (line: string) => void }} options
 *   `token`: when set, every request needs `Authorization: Bearer <token>`.
 */
export async function createCaseProvider({ dirs, token, log = () => {} }) {
  /** @type {Map<string, LoadedPackage>} */
  let packages = new Map();
  /** @type {Map<string, { item: Record<string, unknown>, pkg: LoadedPackage }>} */
  let items = new Map();
  /** Associations by the identifier of either end, across every package (crosswalks live in other documents). */
  let associationsByNode = new Map();
  /** Associations and definition records by identifier, across every package. */
  let records = new Map();

  function index(pkg) {
    packages.set(pkg.id, pkg);
    for (const item of list(pkg.json.CFItems)) {
      const id = lower(item?.identifier);
      if (id && !items.has(id)) items.set(id, { item, pkg });
    }
    for (const association of list(pkg.json.CFAssociations)) {
      const id = lower(association?.identifier);
      if (id && !records.has(`CFAssociations/${id}`)) records.set(`CFAssociations/${id}`, { record: association, pkg });
      for (const end of [association?.originNodeURI, association?.destinationNodeURI]) {
        const node = lower(end?.identifier);
        if (!node) continue;
        if (!associationsByNode.has(node)) associationsByNode.set(node, []);
        associationsByNode.get(node).push({ association, pkg });
      }
    }
    for (const [resource, { path }] of Object.entries(DEFINITIONS)) {
      for (const record of list(path.reduce((v, key) => v?.[key], pkg.json))) {
        const id = lower(record?.identifier);
        if (id && !records.has(`${resource}/${id}`)) records.set(`${resource}/${id}`, { record, pkg });
      }
    }
  }

  /** How a package's records become CASE 1.1 records, for an origin (derived URIs name it). */
  function conformer(pkg, origin) {
    pkg.conformers ??= new Map();
    let c = pkg.conformers.get(origin);
    if (!c) {
      if (pkg.conformers.size > 8) pkg.conformers.clear(); // bounded: a few Host names at most
      c = new Conformer({
        origin,
        document: pkg.json.CFDocument,
        lastChange: pkg.lastModified.toISOString().replace(/\.\d+Z$/, 'Z'),
        titleOf: identifier => {
          const found = items.get(identifier);
          const item = found?.item;
          if (item) return [item.humanCodingScheme, item.abbreviatedStatement ?? item.fullStatement].filter(Boolean).join(' ') || undefined;
          return packages.get(identifier)?.json.CFDocument.title;
        },
      });
      pkg.conformers.set(origin, c);
    }
    return c;
  }

  /** The CASE 1.1 CFPackage, made once per package and origin, with its gzipped copy. */
  function packageV1p1(pkg, origin) {
    pkg.v1p1 ??= new Map();
    let answer = pkg.v1p1.get(origin);
    if (!answer) {
      if (pkg.v1p1.size > 8) pkg.v1p1.clear();
      const c = conformer(pkg, origin);
      const json = c.conform(pkg.json, 'CFPackageDType') ?? { CFDocument: c.conform(pkg.json.CFDocument, 'CFPckgDocumentDType') };
      const body = Buffer.from(JSON.stringify(json));
      answer = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      pkg.v1p1.set(origin, answer);
    }
    return answer;
  }

  /** Adds or replaces a package from JSON text (used by tests and the watcher). */
  function put(text, file = '(memory)', lastModified = new Date()) {
    const body = Buffer.from(text);
    const json = JSON.parse(text);
    if (!isPackage(json)) throw new Error(`${file} is not a CFPackage`);
    const pkg = {
      id: json.CFDocument.identifier.toLowerCase(),
      json,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      lastModified: new Date(Math.floor(lastModified.getTime() / 1000) * 1000),
      file,
    };
    const previous = packages.get(pkg.id);
    if (previous) {
      if (previous.file !== file && file !== '(memory)') {
        log(
          `warning: ${basename(file)} and ${basename(previous.file)} both hold CFDocument ${pkg.id}; serving ${basename(file)}, ` +
            `${basename(previous.file)} is hidden (give each framework its own identifier)`,
        );
      }
      packages.delete(pkg.id);
      rebuildItems();
    }
    index(pkg);
    return pkg;
  }

  function rebuildItems() {
    const all = [...packages.values()];
    packages = new Map();
    items = new Map();
    associationsByNode = new Map();
    records = new Map();
    all.forEach(index);
  }

  /** (Re)reads every folder. Files that are not CFPackages (schemas, notes) are skipped. */
  async function reload() {
    packages = new Map();
    items = new Map();
    associationsByNode = new Map();
    records = new Map();
    for (const dir of dirs) {
      for (const file of await jsonFiles(dir)) {
        try {
          const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
          put(text, file, info.mtime);
        } catch (error) {
          log(`skipped ${file}: ${error.message}`);
        }
      }
    }
    log(`serving ${packages.size} framework(s), ${items.size} item(s)`);
  }

  /**
   * Sends a JSON body. HEAD gets the headers of the same answer (its real Content-Length) and
   * no body; a client that accepts gzip gets large bodies compressed (`gzipped` reuses a
   * compressed copy made once).
   */
  function send(req, res, status, body, headers = {}, gzipped) {
    let buffer = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const extra = { Vary: 'Origin, Accept-Encoding' };
    if (buffer.length >= GZIP_MIN && acceptsGzip(req)) {
      buffer = gzipped?.() ?? gzipSync(buffer);
      extra['Content-Encoding'] = 'gzip';
    }
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': buffer.length, ...extra, ...headers });
    res.end(req.method === 'HEAD' ? undefined : buffer);
  }

  /** Node `(req, res)` handler. Returns false for paths outside the CASE API. Never throws. */
  function handle(req, res) {
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return false;
    }
    const base = BASES.find(b => url.pathname === b || url.pathname.startsWith(`${b}/`));
    if (!base) return false;
    try {
      route(req, res, url, base);
    } catch (error) {
      // A bug, not the client's fault: say so without the stack, keep it in the log, keep serving.
      log(`error: ${req.method} ${echo(url.pathname)}: ${error?.stack ?? error}`);
      if (!res.headersSent)
        send(req, res, 500, imsxStatus(500, 'The provider failed to answer this request.', { version: base.slice(-4) }));
      else res.destroy();
    }
    return true;
  }

  function route(req, res, url, base) {
    const version = base.slice(-4);
    const fail = (status, description, headers = {}, minor) =>
      send(req, res, status, imsxStatus(status, description, { version, minor }), headers);
    const notFound = what => fail(404, `${what} was not found.`);

    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Accept, Content-Type, If-None-Match, If-Modified-Since',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      fail(405, 'Only GET, HEAD and OPTIONS are supported.', { Allow: 'GET, HEAD, OPTIONS' });
      return;
    }
    if (token && !validBearer(req.headers.authorization, token)) {
      fail(401, 'A valid bearer token is required.', { 'WWW-Authenticate': 'Bearer' });
      return;
    }

    const [resource, rawId, ...rest] = url.pathname.slice(base.length + 1).split('/');
    if (rest.length > 0) {
      notFound('The resource');
      return;
    }
    const decoded = rawId ? safeDecode(rawId) : undefined;
    // Control characters are never part of an identifier (the point of this check).
    // eslint-disable-next-line no-control-regex
    if (rawId && (decoded === undefined || decoded.length > MAX_ID || /[\u0000-\u001f]/.test(decoded))) {
      fail(400, `The identifier ${echo(rawId)} is not a valid identifier.`, {}, 'invalid_uuid');
      return;
    }
    const id = decoded?.toLowerCase();
    const rawIdText = echo(decoded ?? '');

    const v1p1 = version === 'v1p1';
    const origin = originOf(req);

    if (resource === 'CFDocuments' && !id) {
      const limit = clampInt(url.searchParams.get('limit'), 100, 1, 1000);
      const offset = clampInt(url.searchParams.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
      if (limit === undefined || offset === undefined) {
        fail(400, 'limit and offset must be whole numbers.');
        return;
      }
      if (url.searchParams.has('filter')) {
        fail(400, 'filter is not supported by this provider; use sort, orderBy and fields.');
        return;
      }
      const sort = url.searchParams.get('sort');
      const orderBy = (url.searchParams.get('orderBy') ?? 'asc').toLowerCase();
      if ((sort !== null && !DOCUMENT_FIELDS.has(sort)) || !['asc', 'desc'].includes(orderBy)) {
        fail(
          400,
          `Documents can be sorted by a CFDocument property, asc or desc (asked: ${echo(sort ?? '')} ${echo(orderBy)}).`,
          {},
          'invalid_sort_field',
        );
        return;
      }
      const fields = url.searchParams.has('fields')
        ? (url.searchParams.get('fields') ?? '')
            .split(',')
            .map(f => f.trim())
            .filter(Boolean)
        : undefined;
      const unknown = fields?.find(f => !DOCUMENT_FIELDS.has(f));
      if (unknown !== undefined || fields?.length === 0) {
        fail(400, `fields names CFDocument properties (unknown: ${echo(unknown ?? '')}).`);
        return;
      }
      let all = [...packages.values()]
        .map(p => (v1p1 ? conformer(p, origin).conform(p.json.CFDocument, 'CFDocumentDType') : p.json.CFDocument))
        .filter(Boolean);
      if (sort !== null) all = sortBy(all, sort, orderBy === 'desc');
      let page = all.slice(offset, offset + limit);
      if (fields) page = page.map(doc => Object.fromEntries(fields.filter(f => doc[f] !== undefined).map(f => [f, doc[f]])));
      const headers = { 'X-Total-Count': String(all.length) };
      // CASE 1.1 has no empty document set (minItems 1): a page past the end is "not found".
      if (v1p1 && page.length === 0) fail(404, 'There are no CFDocuments in this range.', headers);
      else send(req, res, 200, { CFDocuments: page }, headers);
      return;
    }

    if (resource === 'CFDocuments' && id) {
      const pkg = packages.get(id);
      if (!pkg) notFound(`CFDocument ${rawIdText}`);
      else send(req, res, 200, v1p1 ? conformer(pkg, origin).conform(pkg.json.CFDocument, 'CFDocumentDType') : pkg.json.CFDocument);
      return;
    }

    if (resource === 'CFPackages' && id) {
      const pkg = packages.get(id);
      if (!pkg) {
        notFound(`CFPackage ${rawIdText}`);
        return;
      }
      // 1.0: the file as it is, byte for byte; 1.1: conformed, made once.
      const answer = v1p1 ? packageV1p1(pkg, origin) : pkg;
      const validators = { ETag: answer.etag, 'Last-Modified': pkg.lastModified.toUTCString(), 'Cache-Control': 'no-cache' };
      if (notModified(req, answer.etag, pkg.lastModified)) {
        res.writeHead(304, validators);
        res.end();
        return;
      }
      send(req, res, 200, answer.body, validators, () => (answer.gzipped ??= gzipSync(answer.body)));
      return;
    }

    if (resource === 'CFItems' && id) {
      const found = items.get(id);
      if (!found) notFound(`CFItem ${rawIdText}`);
      else send(req, res, 200, v1p1 ? conformer(found.pkg, origin).conform(found.item, 'CFItemDType') : withDocumentUri(found));
      return;
    }

    if (resource === 'CFItemAssociations' && id) {
      const found = items.get(id);
      if (!found) {
        notFound(`CFItem ${rawIdText}`);
        return;
      }
      // Every association with this item at either end, from any served package.
      const related = associationsByNode.get(id) ?? [];
      if (!v1p1) {
        send(req, res, 200, { CFItem: withDocumentUri(found), CFAssociations: related.map(r => r.association) });
        return;
      }
      const CFAssociations = related.map(r => conformer(r.pkg, origin).conform(r.association, 'CFPckgAssociationDType')).filter(Boolean);
      if (CFAssociations.length === 0) notFound(`Associations of CFItem ${rawIdText}`);
      else send(req, res, 200, { CFItem: conformer(found.pkg, origin).conform(found.item, 'CFItemDType'), CFAssociations });
      return;
    }

    if ((resource === 'CFAssociations' || resource in DEFINITIONS) && id) {
      const found = records.get(`${resource}/${id}`);
      if (!found) {
        notFound(`${resource.slice(0, -1)} ${rawIdText}`);
        return;
      }
      if (!v1p1) {
        send(req, res, 200, found.record);
        return;
      }
      const c = conformer(found.pkg, origin);
      const definition = DEFINITIONS[resource];
      if (!definition) {
        send(req, res, 200, c.conform(found.record, 'CFAssociationDType') ?? imsxStatus(500, 'Unusable association.'));
        return;
      }
      const record = c.conform(found.record, definition.type);
      if (!record) {
        notFound(`${resource.slice(0, -1)} ${rawIdText}`);
        return;
      }
      if (!definition.set) {
        send(req, res, 200, record);
        return;
      }
      // A set: the record asked for first, then the ones below it in the hierarchyCode.
      const all = list(definition.path.reduce((v, key) => v?.[key], found.pkg.json));
      const below = all.filter(
        r =>
          r !== found.record &&
          typeof r?.hierarchyCode === 'string' &&
          typeof found.record.hierarchyCode === 'string' &&
          r.hierarchyCode.startsWith(`${found.record.hierarchyCode}.`),
      );
      send(req, res, 200, { [resource]: [record, ...c.conformAll(below, definition.type)] });
      return;
    }

    notFound('The resource');
  }

  await reload();
  return {
    handle,
    reload,
    put,
    /** Removes a framework by CFDocument identifier. */
    remove(identifier) {
      packages.delete(identifier.toLowerCase());
      rebuildItems();
    },
    get size() {
      return packages.size;
    },
  };
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

/** This provider's origin as the client reached it (`Host`), for the URIs it derives. */
function originOf(req) {
  const host = typeof req.headers.host === 'string' ? req.headers.host : '';
  return /^(?:[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i.test(host) ? `http://${host.toLowerCase()}` : 'http://localhost';
}

/** Documents in the order of one property (missing values last), as `sort` and `orderBy` ask. */
function sortBy(documents, field, descending) {
  const key = d => (d[field] === undefined ? undefined : typeof d[field] === 'string' ? d[field] : JSON.stringify(d[field]));
  return [...documents].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return (descending ? -1 : 1) * x.localeCompare(y, 'en', { numeric: true });
  });
}

/** CASE requires CFDocumentURI on a CFItem served alone; packages often leave it implied. */
function withDocumentUri({ item, pkg }) {
  if (item.CFDocumentURI) return item;
  const doc = pkg.json.CFDocument;
  return { ...item, CFDocumentURI: { title: doc.title, identifier: doc.identifier, uri: doc.uri } };
}

/** `Authorization: Bearer <token>`, the scheme in any case, the token compared in constant time. */
function validBearer(header, token) {
  const match = /^bearer\s+(\S+)\s*$/i.exec(typeof header === 'string' ? header : '');
  if (!match) return false;
  const digest = value => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

/** Whether `Accept-Encoding` accepts gzip (listed, with no `q=0`). */
function acceptsGzip(req) {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string' || header.length > 1000) return false;
  return header.split(',').some(part => {
    const [name, ...params] = part.split(';').map(p => p.trim().toLowerCase());
    const q = params.find(p => p.startsWith('q='));
    return (name === 'gzip' || name === 'x-gzip') && (!q || Number(q.slice(2)) > 0);
  });
}

function clampInt(value, fallback, min, max) {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) return undefined;
  return Math.min(max, Math.max(min, Number(value)));
}

function notModified(req, etag, lastModified) {
  const inm = req.headers['if-none-match'];
  if (typeof inm === 'string') return inm.split(/\s*,\s*/).some(tag => tag === etag || tag === `W/${etag}` || tag === '*');
  const ims = req.headers['if-modified-since'];
  if (typeof ims === 'string') {
    const since = Date.parse(ims);
    return Number.isFinite(since) && lastModified.getTime() <= since;
  }
  return false;
}
