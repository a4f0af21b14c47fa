import { expect } from '@open-wc/testing';
import { generateFramework } from '../../scripts/generate-framework.mjs';
import { naturalCompare } from '../../src/text/natural-compare.js';
import { loadJson } from '../helpers.js';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

interface Coded {
  CFItems: { humanCodingScheme?: string; listEnumeration?: string }[];
}

/** Deterministic pseudo-random numbers (tests must not depend on Math.random). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function expectSameSigns(strings: string[]): void {
  let mismatches = 0;
  const examples: string[] = [];
  for (const a of strings) {
    for (const b of strings) {
      const expected = Math.sign(collator.compare(a, b));
      if (naturalCompare(a, b) !== expected) {
        mismatches++;
        if (examples.length < 5) examples.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}: expected ${expected}`);
      }
    }
  }
  expect(mismatches, examples.join('; ')).to.equal(0);
}

describe('naturalCompare', () => {
  it('orders numbers by value, without case', () => {
    expect(naturalCompare('3.NF.A.2', '3.NF.A.10')).to.equal(-1);
    expect(naturalCompare('3.nf.a.1', '3.NF.A.1')).to.equal(0);
    expect(naturalCompare('K.CC.1', '1.OA.1')).to.equal(1);
    expect(naturalCompare('a007', 'a7')).to.equal(Math.sign(collator.compare('a007', 'a7')));
  });

  it('gives the collator’s signs for the codes of real and generated frameworks', async () => {
    const codes = new Set<string>();
    for (const file of ['data/frameworks/ccss-math-casenetwork-v1p0.json', 'data/frameworks/ngss-science-opensalt-v1p0.json']) {
      const pkg = await loadJson<Coded>(file);
      for (const item of pkg.CFItems) {
        if (item.humanCodingScheme) codes.add(item.humanCodingScheme);
        if (item.listEnumeration) codes.add(item.listEnumeration);
      }
    }
    const generated = generateFramework(400, { seed: 7 }) as unknown as Coded;
    for (const item of generated.CFItems) if (item.humanCodingScheme) codes.add(item.humanCodingScheme);
    const sample = [...codes].filter((_, i) => i % 3 === 0);
    expect(sample.length).to.be.greaterThan(300);
    expectSameSigns(sample);
  });

  it('gives the collator’s signs for printable ASCII, leading zeros, long numbers and other scripts', () => {
    const next = random(42);
    const alphabet = ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~0123456789aAzZmM';
    const strings = [
      '',
      '0',
      '00',
      '000',
      '01',
      '1',
      '10',
      '010',
      '9'.repeat(70),
      `${'9'.repeat(70)}1`,
      'é',
      'e',
      'Ä1',
      'a\u0000b',
      'ab',
      '光合',
    ];
    for (let c = 32; c < 127; c++) strings.push(String.fromCharCode(c));
    for (let n = 0; n < 300; n++) {
      const length = 1 + Math.floor(next() * 6);
      let s = '';
      for (let k = 0; k < length; k++) s += alphabet[Math.floor(next() * alphabet.length)];
      strings.push(s);
    }
    expectSameSigns(strings);
  });
});
