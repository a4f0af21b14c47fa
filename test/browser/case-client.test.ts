import { expect } from '@open-wc/testing';
import { CaseApiError } from '../../src/api/case-api-error.js';
import { CaseClient } from '../../src/api/case-client.js';
import { CCSS_ID, countingFetch, NGSS_ID, providerOrigin, v1p0 } from '../helpers.js';

async function failure(promise: Promise<unknown>): Promise<CaseApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CaseApiError);
    return error as CaseApiError;
  }
  throw new Error('expected a CaseApiError');
}

describe('CaseClient', () => {
  describe('endpoint resolution', () => {
    it('uses a versioned base as it is', async () => {
      const client = new CaseClient({ endpoint: `${v1p0}/` });
      expect(await client.resolveBase()).to.deep.equal({ base: v1p0, version: 'v1p0' });
    });

    it('probes a service root for v1p1 first', async () => {
      const client = new CaseClient({ endpoint: providerOrigin });
      expect((await client.resolveBase()).version).to.equal('v1p1');
    });

    it('falls back to v1p0 and remembers the answer', async () => {
      const fetch = countingFetch();
      const client = new CaseClient({ endpoint: `${providerOrigin}/v1p0-only`, fetch });
      expect((await client.resolveBase()).version).to.equal('v1p0');
      const probes = fetch.calls.length;
      expect(probes).to.equal(2);
      await client.getDocument(CCSS_ID);
      expect(fetch.calls.length).to.equal(probes + 1);
      expect(fetch.calls.at(-1)).to.contain('/v1p0-only/ims/case/v1p0/CFDocuments/');
    });
  });

  describe('requests', () => {
    it('lists every document across pages', async () => {
      const fetch = countingFetch();
      const client = new CaseClient({ endpoint: v1p0, fetch, pageSize: 3 });
      const docs = await client.listDocuments();
      const ids = docs.map(d => d.identifier);
      expect(ids).to.include(CCSS_ID).and.to.include(NGSS_ID);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(fetch.calls.length).to.equal(Math.ceil(docs.length / 3) + (docs.length % 3 === 0 ? 0 : 0));
      expect(fetch.calls[1]).to.contain('offset=3');
    });

    it('follows X-Total-Count past pages a provider cut short, and a 1.1 "not found" past the end', async () => {
      const docs = Array.from({ length: 5 }, (_, i) => ({ identifier: `d000000${i}-0000-4000-8000-000000000000`, title: `Doc ${i}` }));
      const seen: string[] = [];
      const capped = (async (input: RequestInfo | URL) => {
        const url = new URL(String(input));
        seen.push(url.search);
        const offset = Number(url.searchParams.get('offset'));
        const page = docs.slice(offset, offset + 2); // the provider caps pages at 2, below the limit of 3
        const headers = { 'Content-Type': 'application/json', 'X-Total-Count': '5' };
        return page.length
          ? new Response(JSON.stringify({ CFDocuments: page }), { headers })
          : new Response(JSON.stringify({ imsx_codeMajor: 'failure' }), { status: 404, headers });
      }) as typeof fetch;
      const client = new CaseClient({ endpoint: 'https://example.test/ims/case/v1p1', fetch: capped, pageSize: 3 });
      expect((await client.listDocuments()).map(d => d.title)).to.deep.equal(['Doc 0', 'Doc 1', 'Doc 2', 'Doc 3', 'Doc 4']);
      expect(seen).to.deep.equal(['?limit=3&offset=0', '?limit=3&offset=2', '?limit=3&offset=4']);
    });

    it('gets a document, a package, an item and its associations', async () => {
      const client = new CaseClient({ endpoint: v1p0 });
      expect((await client.getDocument(CCSS_ID)).title).to.equal('Common Core State Standards for Math');
      const pkg = await client.getPackage(CCSS_ID);
      if (pkg.notModified) throw new Error('unexpected 304');
      expect((pkg.package.CFItems as unknown[]).length).to.equal(746);
      expect(pkg.etag).to.match(/^"/);
      expect(JSON.stringify(pkg.package).length).to.be.greaterThan(900_000); // 1.4 MB as sent, less without whitespace
      const itemId = (pkg.package.CFItems as { identifier: string }[])[10].identifier;
      expect((await client.getItem(itemId.toUpperCase())).identifier).to.equal(itemId);
      const assoc = await client.getItemAssociations(itemId);
      expect(assoc.CFAssociations.length).to.be.greaterThan(0);
    });

    it('revalidates a package with If-None-Match', async () => {
      const client = new CaseClient({ endpoint: v1p0 });
      const first = await client.getPackage(CCSS_ID);
      if (first.notModified) throw new Error('unexpected 304');
      const second = await client.getPackage(CCSS_ID, { etag: first.etag });
      expect(second.notModified).to.equal(true);
    });

    it('reports download progress', async () => {
      const client = new CaseClient({ endpoint: v1p0 });
      const seen: number[] = [];
      await client.getPackage(CCSS_ID, { onProgress: received => seen.push(received) });
      expect(seen.length).to.be.greaterThan(0);
      expect(seen.at(-1)).to.equal(1_191_347);
    });

    it('sends Authorization only with a token provider', async () => {
      const headers: (string | null)[] = [];
      const spy = ((input: RequestInfo | URL, init?: RequestInit) => {
        headers.push(new Headers(init?.headers).get('Authorization'));
        return fetch(input, init);
      }) as typeof fetch;
      await new CaseClient({ endpoint: v1p0, fetch: spy }).getDocument(CCSS_ID);
      await new CaseClient({
        endpoint: `${providerOrigin}/auth/ims/case/v1p0`,
        fetch: spy,
        tokenProvider: async () => 'secret-token',
      }).getDocument(CCSS_ID);
      expect(headers).to.deep.equal([null, 'Bearer secret-token']);
    });
  });

  describe('errors', () => {
    const fault = (kind: string) => new CaseClient({ endpoint: `${providerOrigin}/fault/${kind}/ims/case/v1p0`, retries: 0 });

    it('network: the server cannot be reached', async () => {
      const error = await failure(new CaseClient({ endpoint: 'http://127.0.0.1:9/ims/case/v1p0' }).listDocuments());
      expect(error.code).to.equal('network');
    });

    it('network: a dropped connection', async () => {
      expect((await failure(fault('drop').getPackage(CCSS_ID))).code).to.equal('network');
    });

    it('network: CORS refused', async () => {
      expect((await failure(fault('no-cors').getDocument(CCSS_ID))).code).to.equal('network');
    });

    it('network: timeout', async () => {
      const client = new CaseClient({ endpoint: `${providerOrigin}/fault/slow/2000/ims/case/v1p0`, timeout: 200 });
      const error = await failure(client.getDocument(CCSS_ID));
      expect(error.code).to.equal('network');
      expect(error.message).to.contain('did not answer');
    });

    for (const [status, code] of [
      [401, 'auth'],
      [403, 'auth'],
      [404, 'not-found'],
      [500, 'http'],
      [429, 'http'],
      [400, 'http'],
    ] as const) {
      it(`${code}: HTTP ${status}, with the provider's imsx_description`, async () => {
        const error = await failure(fault(`status/${status}`).getDocument(CCSS_ID));
        expect(error.code).to.equal(code);
        expect(error.status).to.equal(status);
        expect(error.description).to.equal(`Injected ${status}.`);
        expect(error.url).to.contain('/CFDocuments/');
        expect(error.codeMinor).to.be.a('string');
      });
    }

    it('not-found: a real unknown identifier', async () => {
      const error = await failure(new CaseClient({ endpoint: v1p0 }).getPackage('00000000-0000-0000-0000-00000000beef'));
      expect(error.code).to.equal('not-found');
      expect(error.codeMinor).to.equal('unknownobject');
    });

    it('auth: without a token, and when the token provider rejects', async () => {
      const endpoint = `${providerOrigin}/auth/ims/case/v1p0`;
      expect((await failure(new CaseClient({ endpoint }).getDocument(CCSS_ID))).code).to.equal('auth');
      const rejecting = new CaseClient({ endpoint, tokenProvider: () => Promise.reject(new Error('no')) });
      expect((await failure(rejecting.getDocument(CCSS_ID))).code).to.equal('auth');
    });

    it('network: a token provider that never answers times out', async () => {
      const client = new CaseClient({ endpoint: v1p0, timeout: 200, tokenProvider: () => new Promise<string>(() => {}) });
      expect((await failure(client.getDocument(CCSS_ID))).code).to.equal('network');
    });

    for (const kind of ['html', 'empty', 'truncated']) {
      it(`parse: ${kind} body`, async () => {
        expect((await failure(fault(kind).getPackage(CCSS_ID))).code).to.equal('parse');
      });
    }

    it('invalid-data: JSON of the wrong shape', async () => {
      expect((await failure(fault('wrong-shape').listDocuments())).code).to.equal('invalid-data');
      expect((await failure(fault('wrong-shape').getPackage(CCSS_ID))).code).to.equal('invalid-data');
    });

    it('retries 503 with backoff, honouring Retry-After', async () => {
      const client = new CaseClient({ endpoint: `${providerOrigin}/fault/flaky/2/ims/case/v1p0`, retries: 2, retryDelay: 10 });
      expect((await client.getDocument(NGSS_ID)).identifier).to.equal(NGSS_ID);
    });

    it('gives up after the configured retries', async () => {
      const client = new CaseClient({ endpoint: `${providerOrigin}/fault/flaky/5/ims/case/v1p0`, retries: 1, retryDelay: 10 });
      const error = await failure(client.getDocument(CCSS_ID));
      expect(error.code).to.equal('http');
      expect(error.status).to.equal(503);
    });

    it('aborts with the caller signal', async () => {
      const controller = new AbortController();
      const client = new CaseClient({ endpoint: `${providerOrigin}/fault/slow/2000/ims/case/v1p0` });
      const promise = client.getDocument(CCSS_ID, { signal: controller.signal });
      controller.abort();
      try {
        await promise;
        throw new Error('expected an abort');
      } catch (error) {
        expect((error as Error).name).to.equal('AbortError');
      }
    });
  });
});
