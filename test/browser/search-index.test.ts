import { expect } from '@open-wc/testing';
import { generateFramework } from '../../scripts/generate-framework.mjs';
import type { CaseItem, Framework } from '../../src/model/framework.js';
import { normalizePackage } from '../../src/model/normalize.js';
import { highlight, highlightCode } from '../../src/search/highlight.js';
import { CodeTails } from '../../src/search/code-tails.js';
import { packStrings, unpackStrings } from '../../src/search/packed-strings.js';
import { FIRST_KEYS } from '../../src/search/first-keys.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { editDistance, fold, words } from '../../src/search/text-fold.js';
import { loadJson } from '../helpers.js';

let ccss: Framework;
let index: SearchIndex;
const code = (key: string) => ccss.itemsByKey.get(key)!.humanCodingScheme;
const top = (query: string, n = 1) =>
  index
    .search(query)
    .hits.slice(0, n)
    .map(h => code(h.key));

before(async () => {
  ccss = normalizePackage(await loadJson('data/frameworks/ccss-math-casenetwork-v1p0.json'));
  index = SearchIndex.build(ccss.items);
});

describe('SearchIndex', () => {
  describe('codes', () => {
    it('ranks an exact code first', () => {
      expect(top('4.NF.A.1')).to.deep.equal(['4.NF.A.1']);
      expect(index.search('4.NF.A.1').hits[0].tier).to.equal(0);
    });

    it('finds codes without punctuation or with spaces', () => {
      expect(top('4nfa1')).to.deep.equal(['4.NF.A.1']);
      expect(top('4 nf a 1')).to.deep.equal(['4.NF.A.1']);
      expect(top('4 NF A 1')).to.deep.equal(['4.NF.A.1']);
    });

    it('finds a code given with its namespace', () => {
      expect(top('CCSS.MATH.CONTENT.4.NF.A.1')).to.deep.equal(['4.NF.A.1']);
    });

    it('ranks code prefixes before statement matches', () => {
      const hits = index.search('3.NF').hits;
      expect(code(hits[0].key)).to.equal('3.NF.A');
      expect(hits.slice(0, 5).every(h => code(h.key)?.startsWith('3.NF'))).to.equal(true);
    });

    it('finds a code by its tail (NF.A.1 in every grade)', () => {
      const codes = index
        .search('nf.a.1')
        .hits.filter(h => h.tier <= 1)
        .map(h => code(h.key));
      expect(codes).to.include('3.NF.A.1').and.to.include('4.NF.A.1');
    });
  });

  describe('words', () => {
    it('tolerates one typo or transposition', () => {
      const typo = index.search('fractoins');
      expect(typo.total).to.be.greaterThan(10);
      expect(typo.typos).to.include('fractions');
      expect(index.search('equivalnet').total).to.be.greaterThan(0);
    });

    it('ranks items that match every word first, in any order', () => {
      const result = index.search('fractions equivalent');
      expect(result.total).to.be.greaterThan(0);
      for (const hit of result.hits) {
        const text = fold(ccss.itemsByKey.get(hit.key)!.fullStatement);
        expect(text).to.contain('fraction');
        expect(text).to.contain('equivalen');
      }
    });

    it('is case- and diacritic-insensitive', () => {
      expect(index.search('FRACTIONS').total).to.equal(index.search('fractions').total);
      expect(index.search('fráctions').total).to.equal(index.search('fractions').total);
    });

    it('matches prefixes while typing', () => {
      expect(index.search('frac').total).to.be.at.least(index.search('fractions').total);
    });

    it('finds nothing for nonsense', () => {
      expect(index.search('zzzqqq').total).to.equal(0);
    });
  });

  describe('filters', () => {
    it('combines a filter with a query, and lists filtered items for an empty query', () => {
      const grade3 = (i: { educationLevel: readonly string[] }) => i.educationLevel.includes('03');
      const filtered = index.search('fractions', { filter: grade3 });
      expect(filtered.total).to.be.greaterThan(0);
      for (const hit of filtered.hits) expect(ccss.itemsByKey.get(hit.key)!.educationLevel).to.include('03');
      const all = index.search('', { filter: grade3 });
      expect(all.total).to.equal(ccss.items.filter(grade3).length);
    });
  });

  it('builds asynchronously in slices to the same result', async () => {
    const sliced = await SearchIndex.buildAsync(ccss.items);
    expect(sliced.search('place value').hits).to.deep.equal(index.search('place value').hits);
  });

  it('answers every query on 20,000 items', () => {
    const framework = normalizePackage(generateFramework(20_000));
    const big = SearchIndex.build(framework.items);
    const bigCode = (q: string) => framework.itemsByKey.get(big.search(q).hits[0].key)!.humanCodingScheme;
    expect(bigCode('nbt a 1')).to.match(/^\d+\.NBT\.A\.1$/); // not the grade "1"
    expect(bigCode('3.NF.A.1')).to.equal('3.NF.A.1');
    for (const q of ['f', 'fr', 'fra', 'frac', 'equivalent fractions', '3.NF.A.1', 'nbt a 1', 'fractoins', 'the']) {
      expect(big.search(q, { limit: 50 }).hits.length, q).to.be.greaterThan(0);
    }
    expect(big.search('3.NF.A.1').hits[0].tier).to.equal(0);
  });

  it('restores from its stored state with the same results, and refuses a state of other items', () => {
    const state = structuredClone(index.exportState()); // as IndexedDB would store it
    const restored = SearchIndex.fromState(ccss.items, state)!;
    expect(restored.restored).to.equal(true);
    for (const q of ['4.NF.A.1', '4nfa1', 'equivalent fractions', 'fractoins', 'the', 'ratio', 'mp1']) {
      expect(restored.search(q), q).to.deep.equal(index.search(q));
    }
    expect(SearchIndex.fromState(ccss.items.slice(1), state)).to.equal(undefined);
    expect(SearchIndex.fromState(ccss.items, { ...state, format: 0 })).to.equal(undefined);
    expect(SearchIndex.fromState(ccss.items, { ...state, postingItems: new Int32Array([ccss.items.length]) })).to.equal(undefined);
    expect(SearchIndex.fromState(ccss.items, undefined)).to.equal(undefined);
    // Damaged packed words or codes
    const { vocabulary, codeTails } = state;
    expect(SearchIndex.fromState(ccss.items, { ...state, vocabulary: { text: vocabulary.text.slice(1), ends: vocabulary.ends } })).to.equal(
      undefined,
    );
    expect(
      SearchIndex.fromState(ccss.items, { ...state, vocabulary: { text: vocabulary.text, ends: Array.from(vocabulary.ends) } }),
    ).to.equal(undefined);
    expect(
      SearchIndex.fromState(ccss.items, { ...state, codeTails: { ...codeTails, items: codeTails.items.map(() => ccss.items.length) } }),
    ).to.equal(undefined);
  });

  it('looks codes up by prefix and by whole code in one text of tails (CodeTails)', () => {
    const tails = new CodeTails();
    tails.add(0, '4.NF.A.1'); // tails 4nfa1 (whole) and nfa1
    tails.add(1, 'NF.A.1'); // nfa1 (whole)
    tails.add(2, undefined);
    tails.add(3, '4.NF.A.1');
    tails.finish();
    expect(tails.withCode('4nfa1')).to.deep.equal([0, 3]);
    expect(tails.withCode('nfa1')).to.deep.equal([1]);
    expect(tails.withCode('nfa')).to.deep.equal([]);
    const seen: [number, boolean][] = [];
    tails.forEachWithPrefix('nfa', (i, exact) => seen.push([i, exact]));
    tails.forEachWithPrefix('nfa1', (i, exact) => seen.push([i, exact]));
    expect(seen).to.deep.equal([
      [0, false],
      [1, false],
      [3, false],
      [0, true],
      [1, true],
      [3, true],
    ]);
    const state = structuredClone(tails.toState());
    expect(CodeTails.fromState(state, 4)!.withCode('4nfa1')).to.deep.equal([0, 3]);
    expect(CodeTails.fromState(state, 3)).to.equal(undefined); // an item beyond the framework
    expect(CodeTails.fromState({ ...state, text: state.text.slice(1) }, 4)).to.equal(undefined);
  });

  it('stores its words and codes packed: one string and one typed array each, however many there are', () => {
    const state = index.exportState();
    expect(state.codeTails.text).to.be.a('string');
    expect(state.codeTails.items).to.be.instanceOf(Int32Array);
    for (const packed of [state.vocabulary, state.codeOf]) {
      expect(packed.text).to.be.a('string');
      expect(packed.ends).to.be.instanceOf(Int32Array);
    }
    expect(unpackStrings(packStrings(['', 'a', 'bc', '', '光合作用']))).to.deep.equal(['', 'a', 'bc', '', '光合作用']);
    expect(unpackStrings({ text: 'abc', ends: new Int32Array([2, 1]) })).to.equal(undefined);
    expect(unpackStrings({ text: 'abc', ends: new Int32Array([2]) })).to.equal(undefined);
  });

  it('warms up without changing any result, and stops when aborted', async () => {
    const queries = ['fractions', 'equivalent fr', 'fractoins', '3.nf', 'the', 'a'];
    const before = queries.map(q => index.search(q, { limit: 100 }));
    await index.warmUp();
    expect(queries.map(q => index.search(q, { limit: 100 }))).to.deep.equal(before);
    const controller = new AbortController();
    const search = index.search;
    let calls = 0;
    index.search = (...args) => (calls++, search.apply(index, args));
    const warming = index.warmUp(controller.signal);
    controller.abort();
    await warming;
    index.search = search;
    expect(calls).to.equal(0);
  });

  it('keeps every one-character query ranked, with the results a fresh ranking gives', async () => {
    const fresh = SearchIndex.build(ccss.items);
    const warmed = SearchIndex.build(ccss.items);
    const outdated = new Uint8Array(ccss.items.length);
    for (let i = 0; i < outdated.length; i += 7) outdated[i] = 1;
    await warmed.keepFirstKeys(undefined, outdated);
    const grade3 = (i: CaseItem) => i.educationLevel.includes('03');
    const optionsList = [
      { limit: Infinity, outdated },
      { limit: 5, outdated },
      { limit: Infinity }, // other outdated flags: ranked afresh
      { limit: Infinity, outdated, filter: grade3 },
    ];
    let matched = 0;
    for (const query of [...FIRST_KEYS, 'E', 'eq']) {
      for (const options of optionsList) {
        // A limit other than Infinity: the fresh index keeps nothing, and ranks every time.
        const expected = fresh.search(query, { ...options, limit: Math.min(options.limit, Number.MAX_SAFE_INTEGER) });
        // Twice: the first search of a key not kept yet keeps it.
        for (let round = 0; round < 2; round++) expect(warmed.search(query, options), `${query} ${round}`).to.deep.equal(expected);
        matched += expected.hits.length;
      }
    }
    expect(matched).to.be.greaterThan(10_000);
  });
});

describe('highlight', () => {
  it('marks the matched prefix of each word', () => {
    expect(highlight('Equivalent fractions and fractional parts', ['frac'])).to.deep.equal([
      { text: 'Equivalent ', mark: false },
      { text: 'frac', mark: true },
      { text: 'tions and ', mark: false },
      { text: 'frac', mark: true },
      { text: 'tional parts', mark: false },
    ]);
  });

  it('marks whole words matched by a typo, and leaves markup as text', () => {
    const segments = highlight('<b>Fractions</b>', [], ['fractions']);
    expect(segments.map(s => s.text).join('')).to.equal('<b>Fractions</b>');
    expect(segments.find(s => s.mark)?.text).to.equal('Fractions');
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('fractoins', 'fractions')).to.equal(1);
    expect(editDistance('abc', 'abd')).to.equal(1);
    expect(editDistance('abc', 'xyz')).to.be.greaterThan(1);
  });
});

describe('unspaced scripts', () => {
  const statement = '通过实验探究植物的光合作用及其条件';
  const thai = 'อธิบายการสังเคราะห์ด้วยแสงของพืช';
  const framework = normalizePackage({
    CFDocument: { identifier: 'e1000000-0000-4000-8000-000000000000', title: '科学' },
    CFItems: [
      { identifier: 'e1000000-0000-4000-8000-000000000001', fullStatement: statement, humanCodingScheme: '7.生.1' },
      { identifier: 'e1000000-0000-4000-8000-000000000002', fullStatement: '理解细胞的结构' },
      { identifier: 'e1000000-0000-4000-8000-000000000003', fullStatement: thai },
      { identifier: 'e1000000-0000-4000-8000-000000000004', fullStatement: '光合作用を調べる' },
      { identifier: 'e1000000-0000-4000-8000-000000000005', fullStatement: 'Photosynthèse des plantes' },
    ],
    CFAssociations: [],
  });
  const cjk = SearchIndex.build(framework.items);
  const found = (query: string) => cjk.search(query).hits.map(h => framework.itemsByKey.get(h.key)!.fullStatement);

  it('splits Chinese, Japanese and Thai runs into words', () => {
    expect(words(statement)).to.include('光合作用').and.to.include('植物');
    expect(words(thai)).to.include('แสง');
    expect(words('Photosynthèse, 光合作用')).to.deep.equal(['photosynthese', '光合作用']);
  });

  it('finds a statement by any word inside a run: 光合作用, 光合 and 作用', () => {
    for (const query of ['光合作用', '光合', '作用', '植物']) expect(found(query), query).to.include(statement);
    expect(found('作用')).to.not.include('理解细胞的结构');
    expect(found('光合作用')).to.include('光合作用を調べる');
  });

  it('finds Thai words, and keeps diacritic folding', () => {
    expect(found('แสง')).to.deep.equal([thai]);
    expect(found('photosynthese')).to.deep.equal(['Photosynthèse des plantes']);
  });

  it('highlights a word inside a run', () => {
    const marked = highlight(statement, cjk.search('作用').terms)
      .filter(s => s.mark)
      .map(s => s.text);
    expect(marked).to.deep.equal(['作用']);
  });
});

describe('highlighting rules', () => {
  it('never marks a stray single letter inside words', () => {
    const marked = highlight('A place value chart and a number line', ['a']).filter(s => s.mark);
    expect(marked.map(s => s.text)).to.deep.equal(['A', 'a']); // whole words only
  });

  it('marks typo matches only for query words that match nothing as typed', () => {
    const line = index.search('line');
    expect(line.total).to.be.greaterThan(0);
    expect(line.typos).to.deep.equal([]);
    const marked = highlight('Use a number line like a ruler for life', line.terms, line.typos).filter(s => s.mark);
    expect(marked.map(s => s.text)).to.deep.equal(['line']);
    expect(index.search('fractoins').typos).to.include('fractions');
  });

  it('a code query marks the code: 4nfa1 and 4.NF.A.1 mark 4.NF.A.1; nfa marks NF.A', () => {
    for (const query of ['4nfa1', '4.NF.A.1']) {
      const result = index.search(query);
      expect(result.code, query).to.equal('4nfa1');
      expect(result.terms, query).to.deep.equal([]);
      expect(highlightCode('4.NF.A.1', result.code)).to.deep.equal([{ text: '4.NF.A.1', mark: true }]);
    }
    expect(highlightCode('4.NF.A.1', 'nfa')).to.deep.equal([
      { text: '4.', mark: false },
      { text: 'NF.A', mark: true },
      { text: '.1', mark: false },
    ]);
    expect(index.search('fractions').code).to.equal('');
  });
});

describe('outdated items', () => {
  it('rank after current items with the same match', async () => {
    const { searchSources } = await import('../../src/search/search-sources.js');
    const { FrameworkTree } = await import('../../src/tree/tree-model.js');
    const framework = normalizePackage({
      CFDocument: { identifier: 'e2000000-0000-4000-8000-000000000000', title: 'T' },
      CFItems: [
        // Each outdated one comes first in the framework, so only ranking can put it after item 2.
        { identifier: 'e2000000-0000-4000-8000-000000000004', fullStatement: 'Compare two fractions' },
        { identifier: 'e2000000-0000-4000-8000-000000000001', fullStatement: 'Compare two fractions', statusEndDate: '2001-01-01' },
        { identifier: 'e2000000-0000-4000-8000-000000000003', fullStatement: 'Compare two fractions', adoptionStatus: 'Deprecated' },
        { identifier: 'e2000000-0000-4000-8000-000000000002', fullStatement: 'Compare two fractions' },
      ],
      CFAssociations: [
        {
          identifier: 'e2000000-0000-4000-8000-0000000000a4',
          associationType: 'replacedBy',
          originNodeURI: { identifier: 'e2000000-0000-4000-8000-000000000004', uri: 'x:4', title: '4' },
          destinationNodeURI: { identifier: 'e2000000-0000-4000-8000-000000000002', uri: 'x:2', title: '2' },
        },
      ],
    });
    const source = { framework, tree: new FrameworkTree(framework), index: SearchIndex.build(framework.items) };
    const order = searchSources([source], 'compare fractions').hits.map(h => h.item.identifier.slice(-1));
    expect(order[0]).to.equal('2');
    expect(order.slice(1).sort()).to.deep.equal(['1', '3', '4']);
    // With a limit, too: the first of the whole ranking, not the first of the framework demoted.
    expect(searchSources([source], 'compare fractions', { limit: 1 }).hits.map(h => h.item.identifier.slice(-1))).to.deep.equal(['2']);
    expect(searchSources([source], 'co', { limit: 1 }).hits.map(h => h.item.identifier.slice(-1))).to.deep.equal(['2']);
  });
});
