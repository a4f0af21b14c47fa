import { expect } from '@open-wc/testing';
import { generateFramework } from '../../scripts/generate-framework.mjs';
import type { RawCFPackage } from '../../src/api/case-types.js';
import { normalizePackage, PackageNormalizer } from '../../src/model/normalize.js';
import { naturalCompare } from '../../src/text/natural-compare.js';
import { FrameworkTree, OTHER_ITEMS_KEY } from '../../src/tree/tree-model.js';
import { loadJson } from '../helpers.js';

const FILES = [
  'data/frameworks/ccss-math-casenetwork-v1p0.json',
  'data/frameworks/ngss-science-opensalt-v1p0.json',
  'data/frameworks/opensalt-sample-what-standards-could-be.json',
  'data/frameworks/act-holistic-math-excerpt.json',
  'test/fixtures/edge-cases/opensalt-item-type.json',
  'test/fixtures/edge-cases/opensalt-markdown-latex.json',
  'test/fixtures/edge-cases/opensalt-sequence-number.json',
  'test/fixtures/edge-cases/opensalt-smartlevel-flat-statements.json',
  'test/fixtures/edge-cases/opensalt-utf8-astral.json',
  'test/fixtures/hostile/hostile.json',
];

const id = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Every key reachable by expanding everything. */
function reachable(tree: FrameworkTree): Set<string> {
  return new Set(tree.visibleRows(new Set([...tree.branchKeys(), OTHER_ITEMS_KEY])).map(r => r.key));
}

describe('normalizePackage', () => {
  for (const file of FILES) {
    it(`normalises ${file} and keeps every item reachable`, async () => {
      const raw = await loadJson<{ CFItems: unknown[] }>(file);
      const framework = normalizePackage(raw);
      expect(framework.items.length).to.be.greaterThan(0);
      const tree = new FrameworkTree(framework);
      const keys = reachable(tree);
      for (const item of framework.items) expect(keys.has(item.key), item.identifier).to.equal(true);
      expect(framework.raw).to.equal(raw); // nothing dropped: the provider's record is kept
    });
  }

  it('counts real data: CCSS Math has 746 items, 3 roots and no diagnostics', async () => {
    const framework = normalizePackage(await loadJson('data/frameworks/ccss-math-casenetwork-v1p0.json'));
    expect(framework.items.length).to.equal(746);
    const tree = new FrameworkTree(framework);
    expect(tree.roots.length).to.equal(3);
    expect(framework.diagnostics).to.deep.equal({});
  });

  it('reads the early OpenSALT quirks (educationalLevel, string LinkURIs)', async () => {
    const framework = normalizePackage(await loadJson('data/frameworks/opensalt-sample-what-standards-could-be.json'));
    const item = framework.itemsByKey.get('edfce0e7-dbbf-40d5-af1a-baccabef85e9')!;
    expect(item.educationLevel).to.deep.equal(['06']);
    expect(item.itemType).to.equal('Cluster');
    expect(item.raw.CFItemAssociationURI).to.be.a('string');
  });

  it('tolerates the hostile fixture, counting what it skipped', async () => {
    const framework = normalizePackage(await loadJson('test/fixtures/hostile/hostile.json'));
    const d = framework.diagnostics;
    expect(d['item-not-object']).to.equal(1);
    expect(d['item-without-identifier']).to.equal(1);
    expect(d['duplicate-item']).to.equal(1);
    expect(d['association-not-object']).to.equal(1);
    expect(d['association-missing-end']).to.equal(1);
    expect(d['association-without-type']).to.equal(1);
    expect(d['duplicate-association']).to.equal(1);
    expect(d['wrong-field-type']).to.be.greaterThan(0);
    // Mixed-case identifiers compare case-insensitively.
    expect(framework.itemsByKey.get(id(2))?.identifier).to.equal(id(2).toUpperCase());
    // Strings for lists, misspelt field names, numbers for text.
    expect(framework.itemsByKey.get(id(1))!.educationLevel).to.deep.equal(['KG', '01', '02']);
    expect(framework.itemsByKey.get(id(2))!.educationLevel).to.deep.equal(['03']);
    expect(framework.itemsByKey.get(id(13))!.humanCodingScheme).to.equal('42');
    expect(framework.itemsByKey.get(id(13))!.fullStatement).to.equal('');
    expect(framework.itemsByKey.get(id(13))!.raw['ext:custom']).to.deep.equal({ anything: [1, 2, 3] });
    expect(framework.raw['ext:vendor']).to.deep.equal({ kept: true });
  });

  it('normalises a package given in batches exactly as in one go', async () => {
    for (const file of ['data/frameworks/ngss-science-opensalt-v1p0.json', 'test/fixtures/hostile/hostile.json']) {
      const raw = await loadJson<RawCFPackage & { CFItems: unknown[]; CFAssociations: unknown[] }>(file);
      const whole = normalizePackage(raw);
      const normalizer = new PackageNormalizer(raw.CFDocument);
      for (let i = 0; i < raw.CFItems.length; i += 7) normalizer.addItems(raw.CFItems.slice(i, i + 7));
      for (let i = 0; i < raw.CFAssociations.length; i += 5) normalizer.addAssociations(raw.CFAssociations.slice(i, i + 5));
      const parts = normalizer.finish(raw);
      expect(parts.items).to.deep.equal(whole.items);
      expect(parts.associations).to.deep.equal(whole.associations);
      expect(parts.diagnostics).to.deep.equal(whole.diagnostics);
      expect([...parts.itemTypeTitles]).to.deep.equal([...whole.itemTypeTitles]);
    }
  });

  it('rejects a package without a CFDocument as invalid-data', () => {
    expect(() => normalizePackage({ CFItems: [] }))
      .to.throw()
      .with.property('code', 'invalid-data');
    expect(() => normalizePackage([]))
      .to.throw()
      .with.property('code', 'invalid-data');
    expect(() => normalizePackage({ CFDocument: { title: 'x' } }))
      .to.throw()
      .with.property('code', 'invalid-data');
  });
});

describe('FrameworkTree', () => {
  it('orders CCSS Math siblings in natural code order (all sequenceNumbers are 0)', async () => {
    const framework = normalizePackage(await loadJson('data/frameworks/ccss-math-casenetwork-v1p0.json'));
    const tree = new FrameworkTree(framework);
    let checked = 0;
    for (const parent of tree.branchKeys()) {
      const codes = tree.childrenOf(parent).map(k => framework.itemsByKey.get(k)!);
      for (let i = 1; i < codes.length; i++) {
        const [a, b] = [codes[i - 1], codes[i]];
        const keyA = a.listEnumeration ?? a.humanCodingScheme;
        const keyB = b.listEnumeration ?? b.humanCodingScheme;
        if (keyA && keyB && (a.listEnumeration === undefined) === (b.listEnumeration === undefined)) {
          expect(naturalCompare(keyA, keyB), `${keyA} before ${keyB}`).to.be.at.most(0);
          checked++;
        }
      }
    }
    expect(checked).to.be.greaterThan(400);
    // The third-grade fraction standards: 3.NF.A.1, 3.NF.A.2, 3.NF.A.3
    const nfa = framework.items.find(i => i.humanCodingScheme === '3.NF.A')!;
    expect(tree.childrenOf(nfa.key).map(k => framework.itemsByKey.get(k)!.humanCodingScheme)).to.deep.equal([
      '3.NF.A.1',
      '3.NF.A.2',
      '3.NF.A.3',
    ]);
  });

  it('orders by sequenceNumber when present and not all equal', async () => {
    const framework = normalizePackage(await loadJson('test/fixtures/edge-cases/opensalt-sequence-number.json'));
    const tree = new FrameworkTree(framework);
    const seqs = tree.roots.map(k => {
      const a = framework.associations.find(x => x.origin.key === k && x.type === 'isChildOf');
      return a?.sequenceNumber;
    });
    expect([...seqs].sort((a, b) => a! - b!)).to.deep.equal(seqs);
  });

  it('orders 2 before 10 and keeps hostile structures reachable without hanging', async () => {
    const framework = normalizePackage(await loadJson('test/fixtures/hostile/hostile.json'));
    const tree = new FrameworkTree(framework);
    expect(tree.childrenOf(id(1))).to.deep.equal([id(3), id(2)]); // H.1.2 before H.1.10
    expect(tree.roots.at(-1)).to.equal(OTHER_ITEMS_KEY);
    const other = tree.childrenOf(OTHER_ITEMS_KEY);
    expect(other).to.include(id(7)); // orphan
    expect(other).to.include(id(8)); // dangling parent
    expect(other.filter(k => k === id(5) || k === id(6)).length).to.equal(1); // one cycle member opens the cycle
    expect(framework.diagnostics['self-loop']).to.equal(1);
    expect(framework.diagnostics['dangling-parent']).to.equal(1);
    expect(framework.diagnostics.cycle).to.equal(1);
    // Self-loop item still sits under the document through its other association.
    expect(tree.roots).to.include(id(4));
    // The cycle is shown once per path, never endlessly.
    const rows = tree.visibleRows(new Set([OTHER_ITEMS_KEY, id(5), id(6)]));
    expect(rows.filter(r => r.key === id(5) || r.key === id(6)).length).to.equal(2);
  });

  it('gives rows their ARIA position and breadcrumbs', async () => {
    const framework = normalizePackage(await loadJson('test/fixtures/hostile/hostile.json'));
    const tree = new FrameworkTree(framework);
    const rows = tree.visibleRows(new Set([id(1)]));
    const child = rows.find(r => r.key === id(2))!;
    expect(child).to.include({ level: 2, posinset: 2, setsize: 2, parentKey: id(1), hasChildren: false });
    expect(rows[0]).to.include({ key: id(1), level: 1, posinset: 1, expanded: true, hasChildren: true });
    expect(tree.pathTo(id(2))).to.deep.equal([id(1)]);
    expect(tree.revealPath(id(6))[0]).to.equal(OTHER_ITEMS_KEY);
  });

  it('indexes other association types in both directions', async () => {
    const framework = normalizePackage(await loadJson('test/fixtures/hostile/hostile.json'));
    const tree = new FrameworkTree(framework);
    const out = tree.relationsOf(id(2));
    expect(out.map(r => [r.association.type, r.direction])).to.deep.equal([['isRelatedTo', 'outgoing']]);
    expect(
      tree
        .relationsOf(id(3))
        .map(r => r.direction)
        .sort(),
    ).to.deep.equal(['incoming', 'outgoing']);
    expect(tree.relationsOf(id(1)).map(r => r.association.type)).to.include('exactMatchOf');
  });

  it('places an item with several parents under each', () => {
    const doc = 'd0000000-0000-4000-8000-000000000001';
    const link = (i: string) => ({ identifier: i, uri: `u:${i}` });
    const framework = normalizePackage({
      CFDocument: { identifier: doc, title: 'Multi' },
      CFItems: [1, 2, 3].map(n => ({ identifier: id(n), fullStatement: `S${n}` })),
      CFAssociations: [
        { associationType: 'isChildOf', originNodeURI: link(id(1)), destinationNodeURI: link(doc) },
        { associationType: 'isChildOf', originNodeURI: link(id(2)), destinationNodeURI: link(doc) },
        { associationType: 'isChildOf', originNodeURI: link(id(3)), destinationNodeURI: link(id(1)) },
        { associationType: 'isChildOf', originNodeURI: link(id(3)), destinationNodeURI: link(id(2)) },
      ],
    });
    const tree = new FrameworkTree(framework);
    const rows = tree.visibleRows(new Set([id(1), id(2)]));
    expect(rows.filter(r => r.key === id(3)).map(r => r.parentKey)).to.deep.equal([id(1), id(2)]);
    expect(tree.parentsOf(id(3))).to.have.length(2);
  });

  it('builds a generated 50,000-item framework well under a second', () => {
    const raw = generateFramework(50_000);
    const start = performance.now();
    const framework = normalizePackage(raw);
    const tree = new FrameworkTree(framework);
    const rows = tree.visibleRows(new Set(tree.branchKeys()));
    const elapsed = performance.now() - start;
    expect(framework.items.length).to.equal(50_000);
    expect(rows.length).to.equal(50_000);
    // Not a benchmark (see `npm run bench`); a guard against accidental quadratic work.
    expect(elapsed).to.be.below(5_000);
  });

  it('reads the CASE 1.1 fields: status dates, licence, subjects, framework type, notes, rubrics, targetType', () => {
    const doc = 'f0000000-0000-4000-8000-000000000001';
    const item = 'f0000000-0000-4000-8000-000000000002';
    const license = {
      title: 'CC BY 4.0',
      identifier: 'f0000000-0000-4000-8000-000000000003',
      uri: 'https://creativecommons.org/licenses/by/4.0/',
    };
    const framework = normalizePackage({
      CFDocument: {
        identifier: doc,
        title: 'T',
        frameworkType: 'State standards',
        caseVersion: '1.1',
        statusStartDate: '2020-07-01',
        statusEndDate: '2026-06-30',
        licenseURI: license,
      },
      CFItems: [
        {
          identifier: item,
          fullStatement: 'S',
          subjectURI: [{ title: 'Math', identifier: 'f0000000-0000-4000-8000-000000000004', uri: 'https://x.test/s' }],
          statusEndDate: '2024-06-30',
          licenseURI: license,
        },
      ],
      CFAssociations: [
        {
          identifier: 'f0000000-0000-4000-8000-000000000005',
          associationType: 'exemplar',
          notes: 'A video',
          originNodeURI: { title: 'S', identifier: item, uri: 'https://x.test/i' },
          destinationNodeURI: { title: 'Lesson video', identifier: item, uri: 'https://video.test/1', targetType: 'ext:video' },
        },
      ],
      CFRubrics: [{ identifier: 'f0000000-0000-4000-8000-000000000006', title: 'Rubric' }],
    });
    const d = framework.document;
    expect([d.frameworkType, d.caseVersion, d.statusStartDate, d.statusEndDate, d.license?.title]).to.deep.equal([
      'State standards',
      '1.1',
      '2020-07-01',
      '2026-06-30',
      'CC BY 4.0',
    ]);
    const i = framework.items[0];
    expect([i.subject, i.statusEndDate, i.license?.uri]).to.deep.equal([['Math'], '2024-06-30', license.uri]);
    const a = framework.associations[0];
    expect(a.notes).to.equal('A video');
    // Not a CASE object: an external link that never matches an item, even with an item's identifier.
    expect([a.destination.targetType, a.destination.external, a.destination.key]).to.deep.equal(['ext:video', true, undefined]);
    expect(framework.rubrics).to.deep.equal([
      { identifier: 'f0000000-0000-4000-8000-000000000006', title: 'Rubric', description: undefined },
    ]);
  });
});
