// The local CASE provider under hostile requests: every malformed path, escape, query, method or
// header gets a 4xx imsx_StatusInfo answer (never a crash, never a stack trace), and a generated
// flood of such requests leaves it serving. Bounded in count and time; loopback only.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { createCaseProvider } from '../../server/case-provider.mjs';

const dataDir = fileURLToPath(new URL('../../data/frameworks', import.meta.url));
const CCSS = 'c6496676-d7cb-11e8-824f-0242ac160002';
const TOKEN = 's3cret-token';

async function start(options) {
  const logs = [];
  const provider = await createCaseProvider({ dirs: [dataDir], log: line => logs.push(line), ...options });
  const server = createServer((req, res) => {
    if (!provider.handle(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return { server, logs, port: server.address().port };
}

/** One raw HTTP request (any method, path and headers); resolves status, headers and body. */
function send(port, { method = 'GET', path, headers = {} }) {
  return new Promise(resolve => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, timeout: 5000 }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', () => resolve({ status: 0 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', error => resolve({ status: 0, error }));
    req.end();
  });
}

/** Bytes written straight to the socket (a request line the HTTP client would refuse to send). */
function raw(port, text) {
  return new Promise(resolve => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.setTimeout(3000, () => socket.destroy());
    socket.on('data', d => (out += d));
    socket.on('close', () => resolve(out));
    socket.on('error', () => resolve(out));
    socket.end(text);
  });
}

const json = r => JSON.parse(r.body.toString('utf8'));

describe('case-provider: hostile requests', () => {
  let ctx;
  before(async () => (ctx = await start({})));
  after(() => ctx.server.close());

  for (const path of [
    '/ims/case/v1p0/CFPackages/%E0%A4%A',
    '/ims/case/v1p1/CFItems/%ZZ',
    '/ims/case/v1p0/CFDocuments/%',
    '/ims/case/v1p1/CFItems/%00',
  ]) {
    it(`answers 400 for the malformed identifier in ${path} and keeps serving`, async () => {
      const r = await send(ctx.port, { path });
      assert.equal(r.status, 400);
      const body = json(r);
      assert.equal(body.imsx_codeMajor, 'failure');
      assert.match(body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue, /^invalid_?uuid$/);
      assert.equal((await send(ctx.port, { path: `/ims/case/v1p0/CFDocuments/${CCSS}` })).status, 200);
    });
  }

  it('bounds what it echoes: a 16 KB identifier gets a short answer', async () => {
    const r = await send(ctx.port, { path: `/ims/case/v1p1/CFItems/${'x'.repeat(16_000)}` });
    assert.equal(r.status, 400);
    assert.ok(r.body.length < 1000, `answer of ${r.body.length} bytes`);
    const notFound = await send(ctx.port, { path: `/ims/case/v1p1/CFItems/${'y'.repeat(150)}` });
    assert.equal(notFound.status, 404);
    assert.ok(notFound.body.length < 1000);
  });

  it('speaks each version’s vocabulary: 1.1 says unauthorised_request, 1.0 unauthorisedrequest', async () => {
    const secured = await start({ token: TOKEN });
    try {
      const minor = r => json(r).imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue;
      assert.equal(minor(await send(secured.port, { path: '/ims/case/v1p1/CFDocuments' })), 'unauthorised_request');
      assert.equal(minor(await send(secured.port, { path: '/ims/case/v1p0/CFDocuments' })), 'unauthorisedrequest');
      // The scheme is case-insensitive; a wrong token of any length is refused.
      assert.equal(
        (await send(secured.port, { path: '/ims/case/v1p1/CFDocuments', headers: { Authorization: `bearer ${TOKEN}` } })).status,
        200,
      );
      assert.equal(
        (await send(secured.port, { path: '/ims/case/v1p1/CFDocuments', headers: { Authorization: `BEARER ${TOKEN}` } })).status,
        200,
      );
      for (const wrong of [`Bearer ${TOKEN}x`, 'Bearer s', `Basic ${TOKEN}`, `Bearer`, `Bearer ${'a'.repeat(5000)}`]) {
        assert.equal(
          (await send(secured.port, { path: '/ims/case/v1p1/CFDocuments', headers: { Authorization: wrong } })).status,
          401,
          wrong.slice(0, 20),
        );
      }
    } finally {
      secured.server.close();
    }
  });

  it('HEAD reports the real length; gzip is used when asked for and decodes to the same package', async () => {
    const path = `/ims/case/v1p0/CFPackages/${CCSS}`;
    const get = await send(ctx.port, { path });
    const head = await send(ctx.port, { method: 'HEAD', path });
    assert.equal(head.status, 200);
    assert.equal(Number(head.headers['content-length']), get.body.length);
    assert.equal(head.body.length, 0);
    const zipped = await send(ctx.port, { path, headers: { 'Accept-Encoding': 'br;q=1, gzip;q=0.8' } });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.ok(zipped.body.length < get.body.length / 4);
    assert.deepEqual(gunzipSync(zipped.body), get.body);
    const refused = await send(ctx.port, { path, headers: { 'Accept-Encoding': 'gzip;q=0' } });
    assert.equal(refused.headers['content-encoding'], undefined);
  });

  it('refuses other methods with 405 and an Allow header', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
      const r = await send(ctx.port, { method, path: '/ims/case/v1p1/CFDocuments' });
      assert.equal(r.status, 405, method);
      assert.equal(r.headers.allow, 'GET, HEAD, OPTIONS');
    }
  });

  it('warns about files that share a CFDocument identifier, naming both', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'case-dup-'));
    const doc = { CFDocument: { identifier: 'd0000000-0000-4000-8000-000000000001', title: 'One' }, CFItems: [], CFAssociations: [] };
    writeFileSync(join(dir, 'first.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'second.json'), JSON.stringify({ ...doc, CFDocument: { ...doc.CFDocument, title: 'Two' } }));
    const logs = [];
    await createCaseProvider({ dirs: [dir], log: line => logs.push(line) });
    rmSync(dir, { recursive: true, force: true });
    const warning = logs.find(l => l.startsWith('warning:'));
    assert.ok(warning, logs.join('\n'));
    assert.match(warning, /first\.json/);
    assert.match(warning, /second\.json/);
  });

  it('survives a generated flood of hostile requests and still serves CCSS Math', async () => {
    let seed = 42;
    const rand = n => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pick = list => list[rand(list.length)];
    const methods = ['GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'FOO'];
    const bases = ['/ims/case/v1p0', '/ims/case/v1p1', '/ims/case/v1p1/', '/ims/case/v1p0//', '/ims/case/v1p2', '/ims/CASE/v1p0'];
    const resources = [
      'CFDocuments',
      'CFPackages',
      'CFItems',
      'CFItemAssociations',
      'CFAssociations',
      'CFItemTypes',
      'CFRubrics',
      '..',
      '%2e%2e',
      '',
    ];
    const ids = [
      CCSS,
      '%E0%A4%A',
      '%ZZ',
      '%',
      '%%',
      '%00',
      '%0d%0aSet-Cookie:x',
      '..%2f..%2fetc%2fpasswd',
      'x'.repeat(rand(20_000) + 1),
      '%F0%9F%98%80',
      '\u00e9',
      encodeURIComponent('<script>alert(1)</script>'),
      'a/b/c',
      '',
      '%C0%AF',
      CCSS.toUpperCase(),
    ];
    const queries = [
      '',
      '?limit=-1',
      '?limit=abc',
      '?offset=1e99',
      '?limit=5&offset=99999999999999999999',
      `?x=${'q'.repeat(rand(4000))}`,
      '?%zz=1',
      '?limit=1&limit=2',
    ];
    const headerSets = [
      {},
      { Authorization: 'Bearer' },
      { Authorization: `Bearer ${'t'.repeat(3000)}` },
      { 'Accept-Encoding': 'gzip;q=abc, ,;;' },
      { 'If-None-Match': `"${'e'.repeat(2000)}", W/"x", *` },
      { 'If-Modified-Since': 'not a date' },
      Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`X-Flood-${i}`, 'v'.repeat(100)])),
      Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`X-Huge-${i}`, 'v'.repeat(200)])), // over Node's header limit
    ];
    const total = 2500;
    const deadline = Date.now() + 60_000;
    const statuses = new Map();
    let sent = 0;
    const worker = async () => {
      while (sent < total && Date.now() < deadline) {
        sent++;
        const path = `${pick(bases)}/${pick(resources)}/${pick(ids)}${pick(queries)}`.replace(/\/+$/, rand(2) ? '' : '/');
        const r = await send(ctx.port, { method: pick(methods), path, headers: pick(headerSets) });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    for (const garbage of ['GARBAGE\r\n\r\n', 'GET /ims/case/v1p0/CFDocuments HTTP/9.9\r\n\r\n', 'GET \x00 HTTP/1.1\r\nHost: x\r\n\r\n']) {
      assert.match(await raw(ctx.port, garbage), /^HTTP\/1\.1 4\d\d/);
    }
    assert.equal(statuses.get(0) ?? 0, 0, `requests without an answer: ${JSON.stringify([...statuses])}`);
    const serverErrors = [...statuses].filter(([status]) => status >= 500);
    assert.deepEqual(serverErrors, [], `5xx answers: ${JSON.stringify([...statuses])}`);
    assert.ok(sent >= 1000, `only ${sent} requests in the time allowed`);
    const ccss = await send(ctx.port, { path: `/ims/case/v1p0/CFPackages/${CCSS}` });
    assert.equal(ccss.status, 200);
    assert.equal(json(ccss).CFItems.length, 746);
    assert.deepEqual(
      ctx.logs.filter(l => l.startsWith('error:')),
      [],
    );
  });
});
