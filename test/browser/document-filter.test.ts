import { expect } from '@open-wc/testing';
import { documentFacets, filterDocuments, firstByTitle } from '../../src/model/document-filter.js';
import type { CaseDocument } from '../../src/model/framework.js';
import { naturalCompare } from '../../src/text/natural-compare.js';

const doc = (n: number, title: string, subject = 'Science'): CaseDocument => ({
  identifier: `d${n}`,
  key: `d${n}`,
  uri: `https://example.test/d${n}`,
  title,
  subject: [subject],
  raw: { identifier: `d${n}`, uri: `https://example.test/d${n}`, title },
});

/** 500 frameworks in no order, with repeated titles (a stable sort keeps their order). */
function shuffled(): CaseDocument[] {
  let seed = 11;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: 500 }, (_, n) =>
    doc(n, `${['Science', 'math', 'Math', 'Arts'][Math.floor(next() * 4)]} ${Math.floor(next() * 60)}`, n % 3 ? 'Science' : 'Math'),
  );
}

const sortedByTitle = (list: CaseDocument[]) => [...list].sort((a, b) => naturalCompare(a.title, b.title));
const ids = (list: CaseDocument[]) => list.map(d => d.identifier);

describe('framework list filter', () => {
  it('picks out the first frameworks by title as a stable sort orders them', () => {
    const list = shuffled();
    for (const n of [0, 1, 7, 20, 499, 500, 600]) {
      expect(ids(firstByTitle(list, n)), `first ${n}`).to.deep.equal(ids(sortedByTitle(list).slice(0, n)));
    }
  });

  it('gives the same frameworks for a screen of a new list as once the list is sorted', () => {
    const list = shuffled();
    const science = (d: CaseDocument) => d.subject.includes('Science');
    // A new list: a screen of it is picked out, without sorting.
    const before = filterDocuments(list, { subject: 'Science' });
    expect(before.count).to.equal(list.filter(science).length);
    const screen = ids(before.first(20));
    expect(screen).to.deep.equal(ids(sortedByTitle(list.filter(science)).slice(0, 20)));
    // Asking for more sorts the list, and later filters read it sorted.
    expect(ids(before.first(200))).to.deep.equal(ids(sortedByTitle(list.filter(science)).slice(0, 200)));
    const after = filterDocuments(list, { subject: 'Science' });
    expect(ids(after.first(20))).to.deep.equal(screen);
    const texts = filterDocuments(list, { text: 'MATH 1' });
    expect(ids(texts.first(1000))).to.deep.equal(ids(sortedByTitle(list.filter(d => /math 1/i.test(d.title)))));
  });

  it('lists each facet value once, in natural order, and whether any framework is retired', () => {
    const list: CaseDocument[] = [
      { ...doc(1, 'A', 'Science'), creator: 'Agency 10', adoptionStatus: 'Adopted', endpoint: 'https://b.test/ims/case/v1p0' },
      { ...doc(2, 'B', 'Math'), publisher: 'Agency 9', adoptionStatus: 'Draft', endpoint: 'https://a.test/ims/case/v1p0' },
      { ...doc(3, 'C', 'Science'), creator: 'Agency 10', endpoint: 'https://b.test/ims/case/v1p1' },
      { ...doc(4, 'D', 'math'), subject: ['math', 'Arts'], creator: 'agency 9' },
    ];
    const facets = documentFacets(list);
    expect(facets.subjects).to.deep.equal(['Arts', 'Math', 'math', 'Science']);
    expect(facets.creators).to.deep.equal(['Agency 9', 'agency 9', 'Agency 10']);
    expect(facets.statuses).to.deep.equal(['Adopted', 'Draft']);
    // Two endpoints of one host are one provider.
    expect(facets.providers).to.deep.equal(['a.test', 'b.test']);
    expect(facets.hasRetired).to.equal(false);
    expect(documentFacets([...list, { ...doc(5, 'E'), adoptionStatus: 'Deprecated' }]).hasRetired).to.equal(true);
  });
});
