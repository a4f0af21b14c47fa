// Every CASE 1.1 answer of the local provider, for every file in data/frameworks, validates
// against the official 1EdTech CASE 1.1 schemas (test/fixtures/schemas/case-v1p1-openapi3.json),
// and CASE 1.0 packages are still served byte for byte.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createCaseProvider } from '../../server/case-provider.mjs';

const dataDir = fileURLToPath(new URL('../../data/frameworks', import.meta.url));
const api = JSON.parse(readFileSync(new URL('../fixtures/schemas/case-v1p1-openapi3.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'case', components: api.components });
const validators = new Map();
function validate(type, body, where) {
  if (!validators.has(type)) validators.set(type, ajv.getSchema(`case#/components/schemas/${type}`));
  const check = validators.get(type);
  assert.ok(check(body), `${where} is not a valid ${type}: ${ajv.errorsText(check.errors?.slice(0, 5))}`);
}

describe('CASE 1.1 answers by the official schemas', () => {
  let server;
  let origin;
  let packages;
  const get = async path => {
    const response = await fetch(`${origin}${path}`);
    return { status: response.status, body: await response.json().catch(() => undefined), text: () => response.text() };
  };
  before(async () => {
    const provider = await createCaseProvider({ dirs: [dataDir], token: undefined });
    server = createServer((req, res) => provider.handle(req, res) || (res.writeHead(404), res.end()));
    await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    const list = await get('/ims/case/v1p0/CFDocuments');
    packages = list.body.CFDocuments.map(d => d.identifier);
    assert.ok(packages.length >= 4);
  });
  after(() => server.close());

  it('CFDocuments, and a page past the end is a valid error', async () => {
    const list = await get('/ims/case/v1p1/CFDocuments');
    assert.equal(list.status, 200);
    validate('CFDocumentSetDType', list.body, 'CFDocuments');
    const past = await get('/ims/case/v1p1/CFDocuments?offset=9999');
    assert.equal(past.status, 404);
    validate('imsx_StatusInfoDType', past.body, 'the empty page');
    const sorted = await get('/ims/case/v1p1/CFDocuments?sort=title&orderBy=desc');
    const titles = sorted.body.CFDocuments.map(d => d.title);
    assert.deepEqual(
      titles,
      [...titles].sort((a, b) => b.localeCompare(a, 'en', { numeric: true })),
    );
    for (const bad of ['?filter=title%3DMath', '?sort=nope', '?orderBy=sideways', '?fields=nope', '?limit=x']) {
      const answer = await get(`/ims/case/v1p1/CFDocuments${bad}`);
      assert.equal(answer.status, 400, bad);
      validate('imsx_StatusInfoDType', answer.body, bad);
    }
    const projected = await get('/ims/case/v1p1/CFDocuments?fields=identifier,title');
    assert.ok(projected.body.CFDocuments.every(d => Object.keys(d).join() === 'identifier,title'));
  });

  it('every document, package, item, association and definition of every served file', async () => {
    let checked = 0;
    for (const id of packages) {
      const doc = await get(`/ims/case/v1p1/CFDocuments/${id}`);
      validate('CFDocumentDType', doc.body, `CFDocuments/${id}`);
      const pkg = await get(`/ims/case/v1p1/CFPackages/${id}`);
      validate('CFPackageDType', pkg.body, `CFPackages/${id}`);
      const { CFItems = [], CFAssociations = [], CFDefinitions = {}, CFRubrics = [] } = pkg.body;
      for (const item of CFItems) {
        validate('CFItemDType', (await get(`/ims/case/v1p1/CFItems/${item.identifier}`)).body, `CFItems/${item.identifier}`);
        const related = await get(`/ims/case/v1p1/CFItemAssociations/${item.identifier}`);
        validate(
          related.status === 200 ? 'CFAssociationSetDType' : 'imsx_StatusInfoDType',
          related.body,
          `CFItemAssociations/${item.identifier}`,
        );
        checked += 2;
      }
      for (const association of CFAssociations) {
        validate(
          'CFAssociationDType',
          (await get(`/ims/case/v1p1/CFAssociations/${association.identifier}`)).body,
          `CFAssociations/${association.identifier}`,
        );
        checked++;
      }
      const sets = {
        CFItemTypes: 'CFItemTypeSetDType',
        CFSubjects: 'CFSubjectSetDType',
        CFConcepts: 'CFConceptSetDType',
        CFLicenses: 'CFLicenseDType',
        CFAssociationGroupings: 'CFAssociationGroupingDType',
      };
      for (const [resource, type] of Object.entries(sets)) {
        for (const record of CFDefinitions[resource] ?? []) {
          const answer = await get(`/ims/case/v1p1/${resource}/${record.identifier}`);
          assert.equal(answer.status, 200, `${resource}/${record.identifier}`);
          validate(type, answer.body, `${resource}/${record.identifier}`);
          checked++;
        }
      }
      for (const rubric of CFRubrics)
        validate('CFRubricDType', (await get(`/ims/case/v1p1/CFRubrics/${rubric.identifier}`)).body, 'CFRubrics');
    }
    assert.ok(checked > 3000, `${checked} answers checked`);
  });

  it('errors are valid imsx_StatusInfo: not found, malformed, unauthorised', async () => {
    validate('imsx_StatusInfoDType', (await get('/ims/case/v1p1/CFItems/00000000-0000-4000-8000-000000000000')).body, '404');
    validate('imsx_StatusInfoDType', (await get('/ims/case/v1p1/CFItems/%ZZ')).body, '400');
    const secured = await createCaseProvider({ dirs: [dataDir], token: 't' });
    const s2 = createServer((req, res) => secured.handle(req, res));
    await new Promise(resolve => s2.listen(0, '127.0.0.1', resolve));
    const r = await fetch(`http://127.0.0.1:${s2.address().port}/ims/case/v1p1/CFDocuments`);
    assert.equal(r.status, 401);
    validate('imsx_StatusInfoDType', await r.json(), '401');
    s2.close();
  });

  it('CASE 1.0 packages pass through byte for byte', async () => {
    const file = readFileSync(fileURLToPath(new URL('../../data/frameworks/ccss-math-casenetwork-v1p0.json', import.meta.url)));
    const response = await fetch(`${origin}/ims/case/v1p0/CFPackages/c6496676-d7cb-11e8-824f-0242ac160002`, {
      headers: { 'Accept-Encoding': 'identity' },
    });
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), file);
  });
});
