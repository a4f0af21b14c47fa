import { CaseApiError, CaseErrorCode, codeForStatus, isAbortError } from './case-api-error.js';
import type { RawCFAssociation, RawCFDocument, RawCFItem, RawCFPackage } from './case-types.js';
import { identifierKey } from '../model/normalize.js';

/**
 * Gives the bearer token for a request to `endpoint` (the CASE base the client was made for), so
 * a picker with several endpoints never sends one endpoint's token to another. `undefined` (or
 * `null`): this endpoint is public, and no Authorization header is sent to it.
 */
export type TokenProvider = (endpoint: string) => string | null | undefined | Promise<string | null | undefined>;
export type CaseVersion = 'v1p0' | 'v1p1';

export interface CaseClientOptions {
  /** Versioned base (`…/ims/case/v1p0`, `…/ims/case/v1p1`) or service root. */
  endpoint: string;
  /** Bearer token source. `Authorization` is sent only when this is given. */
  tokenProvider?: TokenProvider;
  /** Replaces the global `fetch` for every request. */
  fetch?: typeof fetch;
  /** Milliseconds before a request (token included) fails with `network`. Default 30 000. */
  timeout?: number;
  /** Retries after 429 / 5xx / 408. Default 2. */
  retries?: number;
  /** First backoff delay in ms (doubled per retry) when no `Retry-After` is sent. Default 500. */
  retryDelay?: number;
  /** Longest wait honoured from `Retry-After`, in ms. Default 10 000. */
  maxRetryDelay?: number;
  /** Page size for `listDocuments`. Default 1000. */
  pageSize?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface PackageRequestOptions extends RequestOptions {
  /** Validators from a cached copy: a 304 answer returns `notModified: true`. */
  etag?: string;
  lastModified?: string;
  /** Called as the body downloads. `total` is 0 when the provider sent no length. */
  onProgress?: (received: number, total: number) => void;
}

export interface PackageResponse {
  notModified: false;
  package: RawCFPackage;
  etag?: string;
  lastModified?: string;
  url: string;
}

export interface NotModifiedResponse {
  notModified: true;
  url: string;
}

export interface ItemAssociationsResponse {
  CFItem?: RawCFItem;
  CFAssociations: RawCFAssociation[];
}

const VERSIONED = /\/ims\/case\/(v1p[01])\/?$/i;

interface Fetched {
  response: Response;
  url: string;
}

/**
 * A typed client for CASE 1.0 and 1.1 REST APIs (CFDocuments, CFPackages, CFItems,
 * CFItemAssociations). Every error is a `CaseApiError` carrying one of the contract's codes.
 */
/** Pages of CFDocuments asked for at once once the total is known. */
const PARALLEL_PAGES = 4;

export class CaseClient {
  readonly endpoint: string;
  private readonly options: CaseClientOptions;
  private basePromise?: Promise<{ base: string; version: CaseVersion }>;

  constructor(options: CaseClientOptions) {
    this.options = options;
    this.endpoint = options.endpoint.trim().replace(/\/+$/, '');
  }

  /**
   * The versioned base URL. A service root is probed once (`/ims/case/v1p1`, then `/v1p0`) and
   * the answer remembered.
   */
  resolveBase(options: RequestOptions = {}): Promise<{ base: string; version: CaseVersion }> {
    const match = VERSIONED.exec(this.endpoint);
    if (match) {
      return Promise.resolve({ base: this.endpoint, version: match[1].toLowerCase() as CaseVersion });
    }
    if (!this.endpoint) {
      return Promise.reject(new CaseApiError(CaseErrorCode.network, 'No CASE endpoint is set.'));
    }
    this.basePromise ??= this.probe(options).catch(error => {
      this.basePromise = undefined; // a failed probe is retried next time
      throw error;
    });
    return this.basePromise;
  }

  /**
   * Every CFDocument on the endpoint, following limit/offset pages. With `X-Total-Count` the
   * pages after the first are asked for a few at a time, in parallel, until that many were seen
   * (a provider may cap a page below `limit`: its first page's length is the step); without it,
   * pages follow one another until a short one.
   */
  async listDocuments(options: RequestOptions = {}): Promise<RawCFDocument[]> {
    const { base } = await this.resolveBase(options);
    const pageSize = this.options.pageSize ?? 1000;
    const documents: RawCFDocument[] = [];
    const seen = new Set<string>();
    const add = (page: unknown[]) => {
      let added = 0;
      for (const doc of page as RawCFDocument[]) {
        const id = typeof doc?.identifier === 'string' ? identifierKey(doc.identifier) : undefined;
        if (id && seen.has(id)) continue;
        if (id) seen.add(id);
        documents.push(doc);
        added++;
      }
      return added;
    };
    let offset = 0;
    for (;;) {
      const first = await this.documentsPage(base, pageSize, offset, options);
      if (!first) return documents;
      const added = add(first.page);
      offset += first.page.length;
      if (first.page.length === 0 || added === 0) return documents;
      if (first.total === undefined) {
        if (first.page.length < pageSize) return documents;
        continue;
      }
      // The rest in parallel, a few pages at a time, in order.
      const step = first.page.length;
      while (offset < first.total) {
        const offsets = Array.from({ length: PARALLEL_PAGES }, (_, i) => offset + i * step).filter(o => o < first.total!);
        const pages = await Promise.all(offsets.map(o => this.documentsPage(base, pageSize, o, options)));
        let stop = false;
        for (const page of pages) {
          if (!page || page.page.length === 0 || add(page.page) === 0) stop = true;
          else offset += page.page.length;
          if (stop) break;
        }
        if (stop) return documents;
      }
      return documents;
    }
  }

  /** One page of CFDocuments, with the provider's `X-Total-Count`; `undefined` past the end (a CASE 1.1 404). */
  private async documentsPage(
    base: string,
    limit: number,
    offset: number,
    options: RequestOptions,
  ): Promise<{ page: unknown[]; total?: number } | undefined> {
    let fetched: Fetched;
    try {
      fetched = await this.request(`${base}/CFDocuments?limit=${limit}&offset=${offset}`, options);
    } catch (error) {
      // CASE 1.1 has no empty document set: a page past the end may be a 404.
      if (offset > 0 && error instanceof CaseApiError && error.code === CaseErrorCode.notFound) return undefined;
      throw error;
    }
    const { response, url } = fetched;
    const body = await readJson(response, url);
    const page = (body as { CFDocuments?: unknown })?.CFDocuments;
    if (!Array.isArray(page)) {
      throw new CaseApiError(CaseErrorCode.invalidData, 'The provider did not return a CFDocuments list.', {
        url,
        status: response.status,
      });
    }
    const total = Number(response.headers.get('X-Total-Count'));
    return { page, total: response.headers.has('X-Total-Count') && Number.isFinite(total) ? total : undefined };
  }

  /** One CFDocument (`CFDocuments/{id}`). */
  getDocument(identifier: string, options: RequestOptions = {}): Promise<RawCFDocument> {
    return this.getRecord('CFDocuments', 'CFDocument', identifier, options);
  }

  /** A whole framework (`CFPackages/{id}`), with the validators for revalidating a cached copy. */
  async getPackage(identifier: string, options: PackageRequestOptions = {}): Promise<PackageResponse | NotModifiedResponse> {
    const { base } = await this.resolveBase(options);
    const headers: Record<string, string> = {};
    if (options.etag) headers['If-None-Match'] = options.etag;
    if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
    const { response, url } = await this.request(`${base}/CFPackages/${encodeURIComponent(identifier)}`, options, headers);
    if (response.status === 304) return { notModified: true, url };
    const text = await readText(response, url, options.onProgress);
    const body = parseJson(text, url, response.status);
    if (!isRecord(body) || !isRecord(body.CFDocument)) {
      throw new CaseApiError(CaseErrorCode.invalidData, 'The provider did not return a CFPackage.', { url });
    }
    return {
      notModified: false,
      package: body as RawCFPackage,
      etag: response.headers.get('ETag') ?? undefined,
      lastModified: response.headers.get('Last-Modified') ?? undefined,
      url,
    };
  }

  /** One CFItem (`CFItems/{id}`). */
  getItem(identifier: string, options: RequestOptions = {}): Promise<RawCFItem> {
    return this.getRecord('CFItems', 'CFItem', identifier, options);
  }

  /** An item's associations (`CFItemAssociations/{id}`). */
  async getItemAssociations(identifier: string, options: RequestOptions = {}): Promise<ItemAssociationsResponse> {
    const { base } = await this.resolveBase(options);
    const { response, url } = await this.request(`${base}/CFItemAssociations/${encodeURIComponent(identifier)}`, options);
    const body = await readJson(response, url);
    if (!isRecord(body) || !Array.isArray(body.CFAssociations)) {
      throw new CaseApiError(CaseErrorCode.invalidData, 'The provider did not return CFAssociations.', { url });
    }
    return body as unknown as ItemAssociationsResponse;
  }

  /** A single record with an identifier. CASE returns it bare; some providers wrap it (`{ CFItem: … }`). */
  private async getRecord(resource: string, type: string, identifier: string, options: RequestOptions): Promise<Record<string, unknown>> {
    const { base } = await this.resolveBase(options);
    const { response, url } = await this.request(`${base}/${resource}/${encodeURIComponent(identifier)}`, options);
    const body = await readJson(response, url);
    const record = isRecord(body) && isRecord(body[type]) ? body[type] : body;
    if (!isRecord(record) || typeof record.identifier !== 'string') {
      throw new CaseApiError(CaseErrorCode.invalidData, `The provider did not return a ${type}.`, { url });
    }
    return record;
  }

  private async probe(options: RequestOptions): Promise<{ base: string; version: CaseVersion }> {
    let lastError: unknown;
    for (const version of ['v1p1', 'v1p0'] as const) {
      const base = `${this.endpoint}/ims/case/${version}`;
      try {
        const { response, url } = await this.request(`${base}/CFDocuments?limit=1&offset=0`, options);
        const body = await readJson(response, url);
        if (isRecord(body) && Array.isArray(body.CFDocuments)) return { base, version };
        lastError = new CaseApiError(CaseErrorCode.invalidData, 'The provider did not return a CFDocuments list.', { url });
      } catch (error) {
        // Auth, network and aborts are answers about the server, not about the version.
        if (!(error instanceof CaseApiError) || !['not-found', 'parse', 'invalid-data', 'http'].includes(error.code)) {
          throw error;
        }
        lastError = error;
      }
    }
    throw lastError;
  }

  /** fetch with token, timeout, retries and error mapping. Returns only 2xx and 304. */
  private async request(url: string, options: RequestOptions, extraHeaders: Record<string, string> = {}): Promise<Fetched> {
    const retries = this.options.retries ?? 2;
    for (let attempt = 0; ; attempt++) {
      const response = await this.fetchOnce(url, options, extraHeaders);
      if (response.ok || response.status === 304) return { response, url };
      const retryable = response.status === 429 || response.status === 408 || response.status >= 500;
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      if (retryable && attempt < retries) {
        const fallback = (this.options.retryDelay ?? 500) * 2 ** attempt;
        const wait = Math.min(retryAfter !== undefined ? retryAfter * 1000 : fallback, this.options.maxRetryDelay ?? 10_000);
        await sleep(wait, options.signal);
        continue;
      }
      throw await httpError(response, url, retryAfter);
    }
  }

  private async fetchOnce(url: string, options: RequestOptions, extraHeaders: Record<string, string>): Promise<Response> {
    const timeoutMs = this.options.timeout ?? 30_000;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException('Timed out', 'TimeoutError')), timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
    try {
      const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
      if (this.options.tokenProvider) {
        const token = await this.token(signal, url);
        if (token) headers.Authorization = `Bearer ${token}`;
      }
      const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
      return await doFetch(url, { headers, signal, credentials: 'omit' });
    } catch (error) {
      if (error instanceof CaseApiError) throw error;
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      if (timeout.signal.aborted) {
        throw new CaseApiError(CaseErrorCode.network, `The CASE server did not answer within ${Math.round(timeoutMs / 1000)} s.`, {
          url,
          cause: error,
        });
      }
      if (isAbortError(error)) throw error;
      throw new CaseApiError(CaseErrorCode.network, 'The CASE server could not be reached (offline, DNS, CORS or connection failure).', {
        url,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The endpoint's token; `undefined` when the provider says it needs none. */
  private async token(signal: AbortSignal, url: string): Promise<string | undefined> {
    const provider = this.options.tokenProvider!;
    let token: string | null | undefined;
    try {
      token = await raceAbort(
        Promise.resolve().then(() => provider(this.endpoint)),
        signal,
      );
    } catch (error) {
      if (signal.aborted) throw error;
      throw new CaseApiError(CaseErrorCode.auth, 'The token provider failed, so no credentials could be sent.', {
        url,
        cause: error,
      });
    }
    if (token === undefined || token === null) return undefined; // a public endpoint
    if (typeof token !== 'string' || !token) {
      throw new CaseApiError(CaseErrorCode.auth, 'The token provider returned no token.', { url });
    }
    return token;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return raceAbort(new Promise<void>(resolve => setTimeout(resolve, ms)), signal ?? new AbortController().signal);
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, (date - Date.now()) / 1000) : undefined;
}

const STATUS_MESSAGES: Record<string, string> = {
  auth: 'The CASE server needs credentials (HTTP {status}). Pass a bearer token through the tokenProvider property.',
  'not-found': 'The CASE server has no such record (HTTP 404).',
  http: 'The CASE server answered with an error (HTTP {status}).',
};

/** Reads imsx_StatusInfo (CASE 1.0 and 1.1 spellings) from an error body, when there is one. */
async function httpError(response: Response, url: string, retryAfter?: number): Promise<CaseApiError> {
  let description: string | undefined;
  let codeMinor: string | undefined;
  try {
    const body = JSON.parse(await response.text()) as unknown;
    const info = isRecord(body) && isRecord(body.imsx_StatusInfo) ? body.imsx_StatusInfo : body;
    if (isRecord(info)) {
      if (typeof info.imsx_description === 'string') description = info.imsx_description;
      const minorKey = Object.keys(info).find(k => k.toLowerCase() === 'imsx_codeminor');
      const minor = minorKey ? info[minorKey] : undefined;
      const fields = isRecord(minor) ? minor.imsx_codeMinorField : undefined;
      const first = Array.isArray(fields) ? fields[0] : fields;
      if (isRecord(first) && typeof first.imsx_codeMinorFieldValue === 'string') {
        codeMinor = first.imsx_codeMinorFieldValue;
      }
    }
  } catch {
    // Not JSON: the status alone tells the story.
  }
  const code = codeForStatus(response.status);
  const message = STATUS_MESSAGES[code].replace('{status}', String(response.status));
  return new CaseApiError(code, description ? `${message} ${description}` : message, {
    status: response.status,
    url,
    description,
    codeMinor,
    retryAfter,
  });
}

async function readText(response: Response, url: string, onProgress?: (received: number, total: number) => void): Promise<string> {
  try {
    if (!onProgress || !response.body) return await response.text();
    // A compressed body's Content-Length counts compressed bytes, the stream yields decompressed
    // ones: the total is then unknown (when the provider exposes Content-Encoding; otherwise the
    // count is capped below).
    const encoding = response.headers.get('Content-Encoding');
    const total = encoding && encoding !== 'identity' ? 0 : Number(response.headers.get('Content-Length')) || 0;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let received = 0;
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      text += decoder.decode(value, { stream: true });
      onProgress(received, total && received > total ? 0 : total);
    }
    return text + decoder.decode();
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new CaseApiError(CaseErrorCode.network, 'The connection dropped while the framework was downloading.', {
      url,
      status: response.status,
      cause: error,
    });
  }
}

function parseJson(text: string, url: string, status: number): unknown {
  const trimmed = text.trimStart();
  if (!trimmed) {
    throw new CaseApiError(CaseErrorCode.parse, 'The CASE server sent an empty response.', { url, status });
  }
  if (trimmed.startsWith('<')) {
    throw new CaseApiError(CaseErrorCode.parse, 'The CASE server sent an HTML page instead of JSON (a login page or a wrong endpoint?).', {
      url,
      status,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CaseApiError(CaseErrorCode.parse, 'The CASE server sent invalid or truncated JSON.', { url, status, cause: error });
  }
}

async function readJson(response: Response, url: string): Promise<unknown> {
  return parseJson(await readText(response, url), url, response.status);
}
