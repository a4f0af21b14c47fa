// The local CASE provider, started through its CLI exactly as `npm start` does, over real HTTP.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateFramework } from '../../scripts/generate-framework.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CCSS = 'c6496676-d7cb-11e8-824f-0242ac160002';
const NGSS = 'c608881b-d7cb-11e8-824f-0242ac160002';

function startCli(args) {
  const child = spawn(process.execPath, ['server/cli.mjs', ...args, '--port', '0'], { cwd: root });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', chunk => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/ims\/case\/v1p0/.exec(out);
      if (match) resolve({ child, origin: match[1] });
    });
    child.on('exit', code => reject(new Error(`provider exited ${code}: ${out}`)));
  });
}

describe('case-provider CLI', () => {
  let provider;
  let base;
  before(async () => {
    provider = await startCli(['data/frameworks']);
    base = `${provider.origin}/ims/case/v1p0`;
  });
  after(() => provider.child.kill());

  it('lists CCSS Math and NGSS under v1p0 and v1p1', async () => {
    for (const version of ['v1p0', 'v1p1']) {
      const response = await fetch(`${provider.origin}/ims/case/${version}/CFDocuments`);
      assert.equal(response.status, 200);
      const { CFDocuments } = await response.json();
      const titles = CFDocuments.map(d => d.title);
      assert.ok(titles.includes('Common Core State Standards for Math'), titles.join());
      assert.ok(titles.includes('Next Generation Science Standards'), titles.join());
      assert.equal(response.headers.get('x-total-count'), String(CFDocuments.length));
    }
  });

  it('pages with limit and offset', async () => {
    const all = (await (await fetch(`${base}/CFDocuments`)).json()).CFDocuments;
    const page = await fetch(`${base}/CFDocuments?limit=1&offset=1`);
    assert.deepEqual((await page.json()).CFDocuments, [all[1]]);
    assert.equal(page.headers.get('x-total-count'), String(all.length));
    assert.equal((await fetch(`${base}/CFDocuments?limit=x`)).status, 400);
  });

  it('serves packages with ETag, Last-Modified and 304', async () => {
    const response = await fetch(`${base}/CFPackages/${CCSS}`);
    assert.equal(response.status, 200);
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    assert.ok(etag && lastModified);
    assert.equal((await response.json()).CFItems.length, 746);
    assert.equal((await fetch(`${base}/CFPackages/${CCSS}`, { headers: { 'If-None-Match': etag } })).status, 304);
    assert.equal((await fetch(`${base}/CFPackages/${CCSS}`, { headers: { 'If-Modified-Since': lastModified } })).status, 304);
  });

  it('serves documents, items (case-insensitive ids) and item associations', async () => {
    assert.equal((await (await fetch(`${base}/CFDocuments/${NGSS.toUpperCase()}`)).json()).identifier, NGSS);
    const pkg = await (await fetch(`${base}/CFPackages/${CCSS}`)).json();
    const item = pkg.CFItems[5];
    assert.equal((await (await fetch(`${base}/CFItems/${item.identifier}`)).json()).identifier, item.identifier);
    const assoc = await (await fetch(`${base}/CFItemAssociations/${item.identifier}`)).json();
    assert.equal(assoc.CFItem.identifier, item.identifier);
    assert.ok(assoc.CFAssociations.length >= 1);
    const association = pkg.CFAssociations[0];
    assert.equal((await (await fetch(`${base}/CFAssociations/${association.identifier}`)).json()).identifier, association.identifier);
  });

  it('answers unknown records with imsx_StatusInfo 404', async () => {
    const response = await fetch(`${base}/CFItems/00000000-0000-0000-0000-000000000000`);
    assert.equal(response.status, 404);
    const body = await response.json();
    assert.equal(body.imsx_codeMajor, 'failure');
    assert.equal(body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue, 'unknownobject');
  });

  it('allows CORS with Authorization and exposes the paging and validator headers', async () => {
    const response = await fetch(`${base}/CFDocuments`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.test', 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-headers'), /Authorization/);
    const get = await fetch(`${base}/CFDocuments`);
    assert.match(get.headers.get('access-control-expose-headers'), /X-Total-Count/);
  });
});

describe('case-provider CLI with --token', () => {
  it('requires the bearer token', async () => {
    const { child, origin } = await startCli(['data/frameworks', '--token', 's3cret']);
    try {
      const url = `${origin}/ims/case/v1p1/CFDocuments`;
      assert.equal((await fetch(url)).status, 401);
      assert.equal((await fetch(url, { headers: { Authorization: 'Bearer s3cret' } })).status, 200);
    } finally {
      child.kill();
    }
  });
});

describe('generateFramework', () => {
  it('is deterministic and exact in size', () => {
    const a = generateFramework(1234, { seed: 7 });
    const b = generateFramework(1234, { seed: 7 });
    assert.equal(a.CFItems.length, 1234);
    assert.equal(a.CFAssociations.length, 1234);
    assert.deepEqual(a, b);
    assert.notDeepEqual(generateFramework(100, { seed: 8 }).CFItems[0], a.CFItems[0]);
  });
});
