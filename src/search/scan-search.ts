import type { CaseItem } from '../model/framework.js';
import { yieldToEventLoop } from '../perf/yield.js';
import { naturalCompare } from '../text/natural-compare.js';
import { codeTails, exactCodeKeys, isCodeToken, tailQuery } from './code-query.js';
import { demote } from './rank-order.js';
import type { SearchHit, SearchOptions, SearchResult } from './search-index.js';
import { compact, fold, scanText, segments, words } from './text-fold.js';

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_CHAR = '[\\p{L}\\p{N}]';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches, at the start of a word, what the index takes for `word` with one typo: a prefix
 * within one substitution, transposition or insertion of it, or the whole word without one of
 * its letters; never a different first letter. (It matches the word's own prefix too.)
 */
function typoPattern(word: string): RegExp {
  const w = [...word];
  const alternatives: string[] = [];
  for (let i = 1; i < w.length; i++) {
    const before = escape(w.slice(0, i).join(''));
    alternatives.push(`${before}${escape(w.slice(i + 1).join(''))}(?!${WORD_CHAR})`); // a letter left out
    alternatives.push(`${before}${WORD_CHAR}${escape(w.slice(i + 1).join(''))}`); // one replaced
    alternatives.push(`${before}${WORD_CHAR}${escape(w.slice(i).join(''))}`); // one added
    if (i < w.length - 1) alternatives.push(escape([...w.slice(0, i), w[i + 1], w[i], ...w.slice(i + 2)].join(''))); // two swapped
  }
  alternatives.push(`${escape(word)}${WORD_CHAR}`); // one added at the end
  return new RegExp(`${WORD_START}(?:${alternatives.join('|')})`, 'u');
}

/**
 * Search by a plain scan over each item's folded text, for the moments before the framework's
 * index is ready (it takes a few milliseconds to prepare where the index takes hundreds). It finds
 * exactly the items the index finds, in the same tiers (codes, every word with at most one typo
 * per word, some words); within a tier it keeps framework order instead of ranking by relevance.
 */
export class ScanSearch {
  readonly items: readonly CaseItem[];
  /** Per item, its searchable fields as `scanText`, one per line. */
  private readonly text: string[] = [];
  private readonly codeOf: string[] = [];
  private readonly codes = new Map<string, number[]>();
  private readonly tails: string[] = [];
  private readonly tailItem: number[] = [];
  private tierScratch?: Int8Array;
  private countScratch?: Uint8Array;

  /** A scan over `items`, prepared by `prepare()` in slices, or all at once by the first search. */
  constructor(items: readonly CaseItem[]) {
    this.items = items;
  }

  /** A scan prepared synchronously. */
  static build(items: readonly CaseItem[]): ScanSearch {
    const scan = new ScanSearch(items);
    scan.complete();
    return scan;
  }

  /** Prepares the scan in slices of about `sliceMs`, yielding between them. */
  async prepare(signal?: AbortSignal, sliceMs = 6): Promise<void> {
    let start = performance.now();
    while (this.text.length < this.items.length) {
      this.add(this.text.length);
      if ((this.text.length & 255) === 0 && performance.now() - start > sliceMs) {
        await yieldToEventLoop();
        signal?.throwIfAborted();
        start = performance.now();
      }
    }
  }

  /** Keys of the items whose code is exactly `code` (compared without case or punctuation). */
  itemsWithCode(code: string): string[] {
    this.complete();
    return (this.codes.get(segments(code).join('')) ?? []).map(i => this.items[i].key);
  }

  /** The same contract as `SearchIndex.search`; see the class comment for the order. */
  search(query: string, options: SearchOptions = {}): SearchResult {
    this.complete();
    const limit = options.limit ?? 500;
    const filter = options.filter;
    const n = this.items.length;
    const queryCompact = compact(query);
    if (!queryCompact) {
      const all: SearchHit[] = [];
      for (let i = 0; i < n; i++) if (!filter || filter(this.items[i])) all.push({ key: this.items[i].key, tier: 2 });
      return { hits: all.slice(0, limit), total: all.length, terms: [], typos: [], code: '' };
    }
    const tier = (this.tierScratch ??= new Int8Array(n)).fill(-1);
    const count = (this.countScratch ??= new Uint8Array(n)).fill(0);
    const setTier = (i: number, t: number) => {
      if (tier[i] === -1 || t < tier[i]) tier[i] = t;
    };

    for (const key of exactCodeKeys(query)) for (const i of this.codes.get(key) ?? []) setTier(i, 0);
    const tailKey = tailQuery(query);
    if (tailKey) {
      for (let p = 0; p < this.tails.length; p++) {
        if (this.tails[p].startsWith(tailKey)) setTier(this.tailItem[p], this.tails[p] === tailKey ? 0 : 1);
      }
    }
    let exactCode = false;
    if (isCodeToken(query)) for (let i = 0; i < n && !exactCode; i++) exactCode = tier[i] === 0;

    const uniqueWords = exactCode ? [] : [...new Set(words(query))];
    const shownTypos: string[] = [];
    for (const word of uniqueWords) {
      const prefix = new RegExp(WORD_START + escape(word), 'u');
      const pattern = word.length >= 4 ? typoPattern(word) : prefix;
      const matched: number[] = [];
      for (let i = 0; i < n; i++) {
        if (pattern.test(this.text[i])) {
          count[i]++;
          matched.push(i);
        }
      }
      // Typo matches are marked only for a word that no word starts with.
      if (pattern !== prefix && !matched.some(i => prefix.test(this.text[i]))) shownTypos.push(...this.typoWords(matched, pattern));
    }

    for (let i = 0; i < n; i++) if (count[i]) setTier(i, count[i] === uniqueWords.length ? 2 : 3);
    let hasFull = false;
    for (let i = 0; i < n && !hasFull; i++) hasFull = tier[i] !== -1 && tier[i] <= 2;
    const candidates: number[] = [];
    for (let i = 0; i < n; i++) {
      if (tier[i] === -1 || (tier[i] === 3 && (hasFull || uniqueWords.length < 2))) continue;
      if (filter && !filter(this.items[i])) continue;
      candidates.push(i);
    }
    // Codes shortest first in natural order, as the index ranks them; words in framework order.
    const byCode = (a: number, b: number) =>
      this.codeOf[a].length - this.codeOf[b].length || naturalCompare(this.codeOf[a], this.codeOf[b]) || a - b;
    const ranked = [
      ...candidates.filter(i => tier[i] < 2).sort((a, b) => tier[a] - tier[b] || byCode(a, b)),
      ...candidates.filter(i => tier[i] === 2),
      ...candidates.filter(i => tier[i] === 3),
    ];
    const shown = demote(ranked, tier, options.outdated).slice(0, limit);
    return {
      hits: shown.map(i => ({ key: this.items[i].key, tier: tier[i] as SearchHit['tier'] })),
      total: candidates.length,
      terms: exactCode ? [] : uniqueWords,
      typos: [...new Set(shownTypos)],
      code: candidates.some(i => tier[i] <= 1) ? queryCompact : '',
    };
  }

  /** The whole words a typo pattern matched in these items (a few, for highlighting). */
  private typoWords(matched: readonly number[], pattern: RegExp): string[] {
    const found = new Set<string>();
    const global = new RegExp(`${pattern.source}${WORD_CHAR}*`, 'gu');
    for (const i of matched) {
      for (const match of this.text[i].matchAll(global)) found.add(match[0]);
      if (found.size >= 20) break;
    }
    return [...found];
  }

  /** Prepares whatever is left: a search can come before `prepare()` is done. */
  private complete(): void {
    while (this.text.length < this.items.length) this.add(this.text.length);
  }

  private add(i: number): void {
    const item = this.items[i];
    const fields = [item.humanCodingScheme, item.abbreviatedStatement, item.fullStatement, item.conceptKeywords.join(' '), item.notes];
    this.text.push(fields.map(field => (field ? scanText(field) : '')).join('\n'));
    const code = item.humanCodingScheme;
    this.codeOf.push(code ? fold(code) : '');
    if (!code) return;
    const segs = segments(code);
    const full = segs.join('');
    let list = this.codes.get(full);
    if (!list) this.codes.set(full, (list = []));
    list.push(i);
    for (const tail of codeTails(segs)) {
      this.tails.push(tail);
      this.tailItem.push(i);
    }
  }
}
