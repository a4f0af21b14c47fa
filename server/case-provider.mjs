// A small CASE 1.0 / 1.1 REST provider that serves CFPackage JSON files from folders.
// Used by `npm start`, the tests and the benchmark; districts can run it on their own files:
//   npx case-provider ./my-frameworks --port 5174
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

const BASES = ['/ims/case/v1p0', '/ims/case/v1p1'];
const EXPOSED = 'X-Total-Count, ETag, Last-Modified, Content-Length';

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

/** The error body CASE specifies (imsx_StatusInfo). */
export function imsxStatus(status, description) {
  const minor =
    status === 404
      ? 'unknownobject'
      : status === 401
        ? 'unauthorisedrequest'
        : status === 403
          ? 'forbidden'
          : status === 400
            ? 'invalid_selection_field'
            : status === 429
              ? 'server_busy'
              : 'internal_server_error';
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

  function send(res, status, body, headers = {}) {
    const buffer = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': buffer.length,
      ...headers,
    });
    res.end(buffer);
  }

  function notFound(res, what) {
    send(res, 404, imsxStatus(404, `${what} was not found.`));
  }

  /** Node `(req, res)` handler. Returns false for paths outside the CASE API. */
  function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const base = BASES.find(b => url.pathname === b || url.pathname.startsWith(`${b}/`));
    if (!base) return false;

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
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, imsxStatus(405, 'Only GET is supported.'), { Allow: 'GET, HEAD, OPTIONS' });
      return true;
    }
    if (token && req.headers.authorization !== `Bearer ${token}`) {
      send(res, 401, imsxStatus(401, 'A valid bearer token is required.'), { 'WWW-Authenticate': 'Bearer' });
      return true;
    }

    const [resource, rawId, ...rest] = url.pathname.slice(base.length + 1).split('/');
    const id = rawId ? decodeURIComponent(rawId).toLowerCase() : undefined;
    if (rest.length > 0) {
      notFound(res, 'The resource');
      return true;
    }

    if (resource === 'CFDocuments' && !id) {
      const limit = clampInt(url.searchParams.get('limit'), 100, 1, 1000);
      const offset = clampInt(url.searchParams.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
      if (limit === undefined || offset === undefined) {
        send(res, 400, imsxStatus(400, 'limit and offset must be whole numbers.'));
        return true;
      }
      const all = [...packages.values()].map(p => p.json.CFDocument);
      send(res, 200, { CFDocuments: all.slice(offset, offset + limit) }, { 'X-Total-Count': String(all.length) });
      return true;
    }

    if (resource === 'CFDocuments' && id) {
      const pkg = packages.get(id);
      if (!pkg) notFound(res, `CFDocument ${rawId}`);
      else send(res, 200, pkg.json.CFDocument);
      return true;
    }

    if (resource === 'CFPackages' && id) {
      const pkg = packages.get(id);
      if (!pkg) {
        notFound(res, `CFPackage ${rawId}`);
        return true;
      }
      const validators = { ETag: pkg.etag, 'Last-Modified': pkg.lastModified.toUTCString(), 'Cache-Control': 'no-cache' };
      if (notModified(req, pkg)) {
        res.writeHead(304, validators);
        res.end();
        return true;
      }
      send(res, 200, req.method === 'HEAD' ? Buffer.alloc(0) : pkg.body, validators);
      return true;
    }

    if (resource === 'CFItems' && id) {
      const found = items.get(id);
      if (!found) notFound(res, `CFItem ${rawId}`);
      else send(res, 200, withDocumentUri(found));
      return true;
    }

    if (resource === 'CFItemAssociations' && id) {
      const found = items.get(id);
      if (!found) {
        notFound(res, `CFItem ${rawId}`);
        return true;
      }
      const associations = (Array.isArray(found.pkg.json.CFAssociations) ? found.pkg.json.CFAssociations : []).filter(
        a => lower(a?.originNodeURI?.identifier) === id || lower(a?.destinationNodeURI?.identifier) === id,
      );
      send(res, 200, { CFItem: withDocumentUri(found), CFAssociations: associations });
      return true;
    }

    if (resource === 'CFAssociations' && id) {
      for (const pkg of packages.values()) {
        const association = (Array.isArray(pkg.json.CFAssociations) ? pkg.json.CFAssociations : []).find(a => lower(a?.identifier) === id);
        if (association) {
          send(res, 200, association);
          return true;
        }
      }
      notFound(res, `CFAssociation ${rawId}`);
      return true;
    }

    notFound(res, 'The resource');
    return true;
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
