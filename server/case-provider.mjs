// A small CASE 1.0 / 1.1 REST provider that serves CFPackage JSON files from folders.
// Used by `npm start`, the tests and the benchmark; districts can run it on their own files:
//   npx case-provider ./my-frameworks --port 5174
import { createHash, timingSafeEqual } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BASES = ['/ims/case/v1p0', '/ims/case/v1p1'];
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
 * Creates a provider over the CFPackage files in `dirs`.
 *
 * @param {{ dirs: string[], token?: string, log?: (line: string) => void }} options
 *   `token`: when set, every request needs `Authorization: Bearer <token>`.
 */
export async function createCaseProvider({ dirs, token, log = () => {} }) {
  /** @type {Map<string, LoadedPackage>} */
  let packages = new Map();
  /** @type {Map<string, { item: Record<string, unknown>, pkg: LoadedPackage }>} */
  let items = new Map();

  function index(pkg) {
    packages.set(pkg.id, pkg);
    for (const item of Array.isArray(pkg.json.CFItems) ? pkg.json.CFItems : []) {
      const id = lower(item?.identifier);
      if (id && !items.has(id)) items.set(id, { item, pkg });
    }
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
    all.forEach(index);
  }

  /** (Re)reads every folder. Files that are not CFPackages (schemas, notes) are skipped. */
  async function reload() {
    packages = new Map();
    items = new Map();
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

    if (resource === 'CFDocuments' && !id) {
      const limit = clampInt(url.searchParams.get('limit'), 100, 1, 1000);
      const offset = clampInt(url.searchParams.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
      if (limit === undefined || offset === undefined) {
        fail(400, 'limit and offset must be whole numbers.');
        return;
      }
      const all = [...packages.values()].map(p => p.json.CFDocument);
      send(req, res, 200, { CFDocuments: all.slice(offset, offset + limit) }, { 'X-Total-Count': String(all.length) });
      return;
    }

    if (resource === 'CFDocuments' && id) {
      const pkg = packages.get(id);
      if (!pkg) notFound(`CFDocument ${rawIdText}`);
      else send(req, res, 200, pkg.json.CFDocument);
      return;
    }

    if (resource === 'CFPackages' && id) {
      const pkg = packages.get(id);
      if (!pkg) {
        notFound(`CFPackage ${rawIdText}`);
        return;
      }
      const validators = { ETag: pkg.etag, 'Last-Modified': pkg.lastModified.toUTCString(), 'Cache-Control': 'no-cache' };
      if (notModified(req, pkg)) {
        res.writeHead(304, validators);
        res.end();
        return;
      }
      send(req, res, 200, pkg.body, validators, () => (pkg.gzipped ??= gzipSync(pkg.body)));
      return;
    }

    if (resource === 'CFItems' && id) {
      const found = items.get(id);
      if (!found) notFound(`CFItem ${rawIdText}`);
      else send(req, res, 200, withDocumentUri(found));
      return;
    }

    if (resource === 'CFItemAssociations' && id) {
      const found = items.get(id);
      if (!found) {
        notFound(`CFItem ${rawIdText}`);
        return;
      }
      const associations = (Array.isArray(found.pkg.json.CFAssociations) ? found.pkg.json.CFAssociations : []).filter(
        a => lower(a?.originNodeURI?.identifier) === id || lower(a?.destinationNodeURI?.identifier) === id,
      );
      send(req, res, 200, { CFItem: withDocumentUri(found), CFAssociations: associations });
      return;
    }

    if (resource === 'CFAssociations' && id) {
      for (const pkg of packages.values()) {
        const association = (Array.isArray(pkg.json.CFAssociations) ? pkg.json.CFAssociations : []).find(a => lower(a?.identifier) === id);
        if (association) {
          send(req, res, 200, association);
          return;
        }
      }
      notFound(`CFAssociation ${rawIdText}`);
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

function notModified(req, pkg) {
  const inm = req.headers['if-none-match'];
  if (inm) return inm.split(/\s*,\s*/).some(tag => tag === pkg.etag || tag === `W/${pkg.etag}` || tag === '*');
  const ims = req.headers['if-modified-since'];
  if (ims) {
    const since = Date.parse(ims);
    return Number.isFinite(since) && pkg.lastModified.getTime() <= since;
  }
  return false;
}
