import { expect } from '@open-wc/testing';
import { generateFramework } from '../../scripts/generate-framework.mjs';
import type { CaseItem, Framework } from '../../src/model/framework.js';
import { normalizePackage } from '../../src/model/normalize.js';
import { ScanSearch } from '../../src/search/scan-search.js';
import { SearchIndex, type SearchResult } from '../../src/search/search-index.js';
import { codeTails } from '../../src/search/code-query.js';
import { segments, words } from '../../src/search/text-fold.js';
import { loadJson } from '../helpers.js';

/** What must not differ between the scan and the index: which items, in which tier, and what is marked. */
function found(result: SearchResult) {
  const tiers = Object.fromEntries(result.hits.map(h => [h.key, h.tier]));
  return { tiers, total: result.total, terms: result.terms, code: result.code };
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Queries as people type them: words of the framework cut short, with typos, several together, codes. */
function queriesFor(items: readonly CaseItem[], count: number, seed: number): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const typo = (word: string) => {
    const at = 1 + Math.floor(next() * Math.max(1, word.length - 1));
    switch (Math.floor(next() * 4)) {
      case 0:
        return word.slice(0, at) + word.slice(at + 1);
      case 1:
        return word.slice(0, at) + pick([...letters]) + word.slice(at + 1);
      case 2:
        return word.slice(0, at) + pick([...letters]) + word.slice(at);
      default:
        return word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
    }
  };
  const queries: string[] = [];
  while (queries.length < count) {
    const item = pick(items);
    const ws = words(item.fullStatement);
    if (!ws.length) continue;
    const word = pick(ws);
    switch (queries.length % 6) {
      case 0:
        queries.push(word.slice(0, 1 + Math.floor(next() * word.length)));
        break;
      case 1:
        queries.push(typo(word));
        break;
      case 2:
        queries.push(`${word} ${pick(words(pick(items).fullStatement)) ?? ''}`);
        break;
      case 3:
        queries.push(`${pick(ws)} ${typo(word)} ${pick(ws).slice(0, 3)}`);
        break;
      case 4:
        if (item.humanCodingScheme)
          queries.push(item.humanCodingScheme, item.humanCodingScheme.slice(0, 4), item.humanCodingScheme.replace(/\W/g, ' '));
        break;
      default:
        queries.push(word.toUpperCase());
    }
  }
  return queries;
}

function expectSame(framework: Framework, queries: readonly string[], filter?: (item: CaseItem) => boolean) {
  const index = SearchIndex.build(framework.items);
  const scan = ScanSearch.build(framework.items);
  for (const query of queries) {
    const options = { filter, limit: Infinity };
    expect(found(scan.search(query, options)), query).to.deep.equal(found(index.search(query, options)));
  }
}

describe('ScanSearch finds what the finished index finds', () => {
  let ccss: Framework;
  let ngss: Framework;
  before(async () => {
    ccss = normalizePackage(await loadJson('data/frameworks/ccss-math-casenetwork-v1p0.json'));
    ngss = normalizePackage(await loadJson('data/frameworks/ngss-science-opensalt-v1p0.json'));
  });

  it('for codes, their tails, prefixes and namespaces', () => {
    expectSame(ccss, ['4.NF.A.1', '4nfa1', '4 nf a 1', 'NF.A.1', 'CCSS.MATH.CONTENT.4.NF.A.1', '4.NF', '4', 'K.CC', 'MP1', 'mp', 'hsf']);
    expectSame(ngss, ['MS-LS1-6', 'ms-ls1', 'LS1', '3-5-ETS1-1', 'hs']);
  });

  it('for words, word prefixes, typos and several words', () => {
    expectSame(ccss, [
      'fractions',
      'fraction',
      'fractons',
      'frcations',
      'equivalent fractions',
      'equivalnt fracions',
      'denominator',
      'add',
      'a',
      'the',
      'area perimeter',
      'unknown xyzzy',
      'xyzzy',
      'Modèle',
    ]);
    expectSame(ngss, ['photosynthesis', 'energy', 'enrgy flow', 'ecosystems matter', 'earth']);
  });

  it('for hundreds of typed queries on real and generated frameworks', () => {
    expectSame(ccss, queriesFor(ccss.items, 300, 1));
    expectSame(ngss, queriesFor(ngss.items, 200, 2));
    const generated = normalizePackage(generateFramework(3000, { seed: 7 }));
    expectSame(generated, queriesFor(generated.items, 200, 3));
  });

  it('with a grade filter, and for an empty query', () => {
    const grade3 = (i: CaseItem) => i.educationLevel.includes('03');
    expectSame(ccss, ['fractions', 'add', '3.NF', '', 'equivalnt'], grade3);
  });

  it('in Chinese, Japanese and Thai', () => {
    const framework = normalizePackage({
      CFDocument: { identifier: 'e2000000-0000-4000-8000-000000000000', title: '科学' },
      CFItems: [
        {
          identifier: 'e2000000-0000-4000-8000-000000000001',
          fullStatement: '通过实验探究植物的光合作用及其条件',
          humanCodingScheme: '7.生.1',
        },
        { identifier: 'e2000000-0000-4000-8000-000000000002', fullStatement: '理解细胞的结构' },
        { identifier: 'e2000000-0000-4000-8000-000000000003', fullStatement: 'อธิบายการสังเคราะห์ด้วยแสงของพืช' },
        { identifier: 'e2000000-0000-4000-8000-000000000004', fullStatement: '光合作用を調べる' },
        { identifier: 'e2000000-0000-4000-8000-000000000005', fullStatement: 'Photosynthèse des <em>plantes</em>' },
      ],
      CFAssociations: [],
    });
    expectSame(framework, ['光合作用', '光合', '作用', '植物', '作用及', 'แสง', 'สังเคราะห์', 'photosynthese', 'plantes', 'em', '7.生.1']);
  });

  it('finds codes as the code tails do, for odd codes too', () => {
    const odd = [
      'A.B.A.B.C',
      'a.b.a.b.a',
      'HSF-IF.C.7e',
      'É.1',
      'Modèle.2.b.c',
      '7.生.1',
      '...',
      'MP1',
      'K',
      'k-2 / ess_1',
      '1.1.1.1.1',
      'MS-LS1-6',
    ];
    const framework = normalizePackage({
      CFDocument: { identifier: 'e3000000-0000-4000-8000-000000000000', title: 'Codes' },
      CFItems: [...odd, ...odd.map(c => `X.${c}`)].map((humanCodingScheme, n) => ({
        identifier: `e3000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`,
        fullStatement: `Statement ${n}`,
        humanCodingScheme,
      })),
      CFAssociations: [],
    });
    // Every tail of every code, and prefixes of them, as queries.
    const tails = odd.flatMap(code => codeTails(segments(code)));
    expectSame(framework, [...new Set([...tails, ...tails.flatMap(t => [t.slice(0, 2), t.slice(0, -1)])])].filter(Boolean));
  });

  it('a fresh scan prepared by its first search finds what the index finds', () => {
    const index = SearchIndex.build(ccss.items);
    for (const query of ['e', 'k', '4', 'f', 'm', '3.', 'nf', 'K.CC.A.1', 'mp1']) {
      const scan = new ScanSearch(ccss.items); // nothing prepared: this search prepares it
      expect(found(scan.search(query, { limit: Infinity })), query).to.deep.equal(found(index.search(query, { limit: Infinity })));
    }
  });

  it('prepares in slices, and a search before the slices are done still sees every item', async () => {
    const scan = new ScanSearch(ccss.items);
    const preparing = scan.prepare(undefined, 0);
    const index = SearchIndex.build(ccss.items);
    expect(found(scan.search('fractions', { limit: Infinity }))).to.deep.equal(found(index.search('fractions', { limit: Infinity })));
    await preparing;
    expect(found(scan.search('add', { limit: Infinity }))).to.deep.equal(found(index.search('add', { limit: Infinity })));
  });
});
