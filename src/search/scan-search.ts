import type { CaseItem } from '../model/framework.js';
import { yieldToEventLoop } from '../perf/yield.js';
import { naturalCompare } from '../text/natural-compare.js';
import { exactCodeKeys, isCodeToken, tailQuery } from './code-query.js';
import { itemAt } from './code-tails.js';
import { demote } from './rank-order.js';
import { ScanCodes } from './scan-codes.js';
import type { SearchHit, SearchOptions, SearchResult } from './search-index.js';
import { compact, fold, isAsciiAlnum, isTypoOf, scanTextOrAscii, segments, words } from './text-fold.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds where `word` with one typo (one letter left out, replaced, added, or two swapped after
 * the first letter) or the word itself may start, for `isTypoOf` to decide: plain letters and
 * `.`, so it compiles fast (a fresh pattern is compiled on every keystroke).
 */
function typoCandidates(word: string): RegExp {
  const w = [...word];
  const alternatives = new Set<string>();
  for (let i = 1; i < w.length; i++) {
    const before = escape(w.slice(0, i).join(''));
    alternatives.add(`${before}${escape(w.slice(i + 1).join(''))}`); // a letter left out
    alternatives.add(`${before}.${escape(w.slice(i + 1).join(''))}`); // one replaced
    alternatives.add(`${before}.${escape(w.slice(i).join(''))}`); // one added
    if (i < w.length - 1) alternatives.add(escape([...w.slice(0, i), w[i + 1], w[i], ...w.slice(i + 2)].join(''))); // two swapped
  }
  return new RegExp([...alternatives].join('|'), 'gu');
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether position `p` of `text` starts a word (the character before is no letter or digit). */
function startsWord(text: string, p: number): boolean {
  if (p === 0) return true;
  const c = text.charCodeAt(p - 1);
  if (c < 128) return !isAsciiAlnum(c);
  return !LETTER_OR_DIGIT.test(c >= 0xdc00 && c <= 0xdfff && p >= 2 ? text.slice(p - 2, p) : text[p - 1]);
}

/** The word that starts at position `p` of `text`. */
function wordAt(text: string, p: number): string {
  let end = p;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c < 128 ? !isAsciiAlnum(c) : !LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(end)!))) break;
    end += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return text.slice(p, end);
}

/**
 * Search by a plain scan over each item's folded text, for the moments before the framework's
 * index is ready (it takes tens of milliseconds to prepare where the index takes hundreds). It
 * finds exactly the items the index finds, in the same tiers (codes, every word with at most one
 * typo per word, some words); within a tier it keeps framework order instead of ranking by
 * relevance.
 */
export class ScanSearch {
  readonly items: readonly CaseItem[];
  /**
   * While preparing, per item, its searchable fields, one per line, as `scanText`, except that
   * plain ASCII is left for one `toLowerCase` of all of them at the end.
   */
  private text: string[] = [];
  /** How many items are prepared. */
  private prepared = 0;
  /** The items' codes, for code lookups (finding what the index's code tails find). */
  private readonly codes = new ScanCodes();
  /** Every item's text, joined by new lines, and where each starts in it (and where the last ends). */
  private all = '';
  private starts = new Int32Array(1);
  private tierScratch?: Int8Array;
  private countScratch?: Uint8Array;
  /** Per item, the last query word it matched (so a word counts once per item). */
  private wordScratch?: Int32Array;

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

  /** Prepares the scan in slices of about `sliceMs`, yielding between them, and joins it in a task of its own. */
  async prepare(signal?: AbortSignal, sliceMs = 6): Promise<void> {
    let start = performance.now();
    while (this.prepared < this.items.length) {
      this.add(this.prepared++);
      if ((this.prepared & 255) === 0 && performance.now() - start > sliceMs) {
        await yieldToEventLoop();
        signal?.throwIfAborted();
        start = performance.now();
      }
    }
    await yieldToEventLoop();
    signal?.throwIfAborted();
    this.complete();
  }

  /** Keys of the items whose code is exactly `code` (compared without case or punctuation). */
  itemsWithCode(code: string): string[] {
    this.complete();
    return this.codes.withCode(segments(code).join('')).map(i => this.items[i].key);
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
      for (let i = 0; i < n; i++) if (!filter || filter(this.items[i])) all.push({ key: this.items[i].key, item: this.items[i], tier: 2 });
      return { hits: all.slice(0, limit), total: all.length, terms: [], typos: [], code: '' };
    }
    const tier = (this.tierScratch ??= new Int8Array(n)).fill(-1);
    const count = (this.countScratch ??= new Uint8Array(n)).fill(0);
    const setTier = (i: number, t: number) => {
      if (tier[i] === -1 || t < tier[i]) tier[i] = t;
    };

    const keys = exactCodeKeys(query);
    for (const key of keys) for (const i of this.codes.withCode(key)) setTier(i, 0);
    const tailKey = tailQuery(query);
    if (tailKey) this.codes.forEachWithPrefix(tailKey, (i, exact) => setTier(i, exact ? 0 : 1));
    let exactCode = false;
    if (isCodeToken(query)) for (let i = 0; i < n && !exactCode; i++) exactCode = tier[i] === 0;

    const uniqueWords = exactCode ? [] : [...new Set(words(query))];
    const shownTypos: string[] = [];
    const lastWord = (this.wordScratch ??= new Int32Array(n)).fill(-1);
    uniqueWords.forEach((word, w) => {
      const matched: number[] = [];
      const match = (i: number) => {
        if (lastWord[i] === w) return;
        lastWord[i] = w;
        count[i]++;
        matched.push(i);
      };
      this.forEachItemWithWord(word, match);
      if (word.length < 4) return;
      const prefixMatches = matched.length;
      const typos = new Set<string>();
      const { all, starts } = this;
      const candidates = typoCandidates(word);
      const verdicts = new Map<string, boolean>();
      let item = 0;
      for (let found = candidates.exec(all); found; found = candidates.exec(all)) {
        const p = found.index;
        candidates.lastIndex = p + 1;
        item = itemAt(starts, p, item);
        if (prefixMatches && lastWord[item] === w) {
          candidates.lastIndex = starts[item + 1]; // counted already: on to the next item
          continue;
        }
        if (!startsWord(all, p)) continue;
        const candidate = wordAt(all, p);
        // The same words recur across thousands of items (`equal` for `equi`): decided once each.
        let typo = verdicts.get(candidate);
        if (typo === undefined) verdicts.set(candidate, (typo = !candidate.startsWith(word) && isTypoOf(word, candidate)));
        if (!typo) continue;
        // Typo matches are marked only for a word that no word starts with (a few, for highlighting).
        if (!prefixMatches && typos.size < 50) typos.add(candidate);
        if (lastWord[item] !== w) match(item);
        // The item counts once: on to the next, unless its typos are still wanted for highlighting.
        if (prefixMatches || typos.size >= 50) candidates.lastIndex = starts[item + 1];
      }
      shownTypos.push(...typos);
    });

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
    const codeMatches = candidates.filter(i => tier[i] < 2);
    const codeOf = new Map(codeMatches.map(i => [i, fold(this.items[i].humanCodingScheme ?? '')]));
    const byCode = (a: number, b: number) =>
      codeOf.get(a)!.length - codeOf.get(b)!.length || naturalCompare(codeOf.get(a)!, codeOf.get(b)!) || a - b;
    const ranked = [
      ...codeMatches.sort((a, b) => tier[a] - tier[b] || byCode(a, b)),
      ...candidates.filter(i => tier[i] === 2),
      ...candidates.filter(i => tier[i] === 3),
    ];
    const shown = demote(ranked, tier, options.outdated).slice(0, limit);
    return {
      hits: shown.map(i => ({ key: this.items[i].key, item: this.items[i], tier: tier[i] as SearchHit['tier'] })),
      total: candidates.length,
      terms: exactCode ? [] : uniqueWords,
      typos: [...new Set(shownTypos)],
      code: candidates.some(i => tier[i] <= 1) ? queryCompact : '',
    };
  }

  /**
   * Calls `visit` once for each item, in order, with a word that starts with `needle`: one
   * `indexOf` pass over all the texts, skipping to the next item after a find.
   */
  private forEachItemWithWord(needle: string, visit: (i: number) => void): void {
    const { all, starts } = this;
    let item = 0;
    for (let p = all.indexOf(needle); p >= 0; p = all.indexOf(needle, p + 1)) {
      if (!startsWord(all, p)) continue;
      item = itemAt(starts, p, item);
      visit(item);
      p = starts[item + 1] - 1;
    }
  }

  /** Prepares whatever is left: a search can come before `prepare()` is done. */
  private complete(): void {
    if (this.starts.length === this.items.length + 1) return;
    while (this.prepared < this.items.length) this.add(this.prepared++);
    this.all = this.text.join('\n').toLowerCase();
    this.codes.finish();
    this.starts = new Int32Array(this.items.length + 1);
    for (let i = 0, at = 0; i < this.items.length; i++) this.starts[i + 1] = at += this.text[i].length + 1;
    this.text = [];
  }

  private add(i: number): void {
    const item = this.items[i];
    const code = item.humanCodingScheme;
    const fields = [code, item.abbreviatedStatement, item.fullStatement, item.conceptKeywords.join(' '), item.notes];
    this.text.push(scanTextOrAscii(fields.join('\n')));
    this.codes.add(code);
  }
}
