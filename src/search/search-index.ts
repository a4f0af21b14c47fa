import Fuse from 'fuse.js/basic';
import type { CaseItem } from '../model/framework.js';
import { naturalCompare } from '../text/natural-compare.js';
import { yieldToEventLoop } from '../perf/yield.js';
import { demote, lowerBound, sortByTierAndScore } from './rank-order.js';
import { exactCodeKeys, isCodeToken, tailQuery } from './code-query.js';
import { CodeTails } from './code-tails.js';
import { FIRST_KEYS, FirstKeyResults } from './first-keys.js';
import { fromState, type IndexData, type SearchIndexState, toState } from './index-state.js';
import { PostingsBuilder } from './postings-builder.js';
import { compact, fold, indexWords, isTypoOf, segments, words } from './text-fold.js';

/** The searchable fields of an item, folded, as fuse.js scores them. */
interface Doc {
  code: string;
  abbreviated: string;
  full: string;
  keywords: string;
  notes: string;
}

export interface SearchHit {
  /** Item key (lower-cased identifier). */
  key: string;
  /** The item. */
  item: CaseItem;
  /** 0 exact code, 1 code prefix, 2 every word, 3 some words. */
  tier: 0 | 1 | 2 | 3;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches before `limit` was applied. */
  total: number;
  /** Folded query words and the vocabulary words they matched with a typo: for highlighting. */
  terms: string[];
  /** Typo matches of query words that match no word as typed (so `line` never marks `like`). */
  typos: string[];
  /** The query without punctuation when it matched codes (`4nfa1`): for highlighting codes. */
  code: string;
}

export interface SearchOptions {
  /** Most hits returned (all matches are still counted in `total`). Default 500. */
  limit?: number;
  /** Keeps only items for which this returns true (grade / type filters). */
  filter?: (item: CaseItem) => boolean;
  /**
   * Per item (in the index's order), 1 when it is outdated (replaced, deprecated, expired):
   * within a tier, current items rank above outdated ones with the same match.
   */
  outdated?: Uint8Array;
}

/** The first `limit` of a list made for the purpose: itself when it is no longer (no copy of thousands). */
const upTo = (list: number[], limit: number) => (list.length > limit ? list.slice(0, limit) : list);

const FUSE_KEYS = [
  { name: 'code', weight: 5 },
  { name: 'abbreviated', weight: 2 },
  { name: 'full', weight: 1.5 },
  { name: 'keywords', weight: 1 },
  { name: 'notes', weight: 0.3 },
];

/** Fields a word can come from, with the weight of a match there (cheap ranking). */
const FIELD_WEIGHT = { code: 8, abbreviated: 4, full: 3, keywords: 2, notes: 0.5 } as const;
export type Field = keyof typeof FIELD_WEIGHT;

/** What `SearchIndex.terms` shares: the sorted vocabulary and the postings of each word. */
export interface IndexTerms {
  /** Sorted folded words. */
  vocabulary: readonly string[];
  /**
   * Items of vocabulary word `p`: `postingItems[postingStart[p] … postingStart[p + 1])`
   * (ascending), with the weight of the best field the word occurs in (see `fieldWeight`).
   */
  postingStart: Int32Array;
  postingItems: Int32Array;
  postingWeights: Float32Array;
  /** Per item, the length of its full statement in characters. */
  statementLength: readonly number[];
  fieldWeight: Readonly<Record<Field, number>>;
}

/** Folded fields kept for fuse.js at most (those of recent candidates). */
const DOC_CACHE_SIZE = 4000;

/**
 * Search over one framework: a word-prefix and code index narrows the candidates, and fuse.js
 * ranks them (fuse scores each item on its own, so ranking candidates gives the same order as a
 * full scan over them). Case-, diacritic- and punctuation-insensitive; tolerates one typo per
 * word; exact and prefix code matches rank first.
 */
export class SearchIndex {
  readonly items: readonly CaseItem[];
  /** Whether this index was restored from a stored state rather than built. */
  readonly restored: boolean;
  /** Per item, its folded code ('' without one). */
  private readonly codeOf: string[];
  /** Per item, the length of its full statement (a tie-breaker: shorter first). */
  private readonly statementLength: number[];
  /** The sorted vocabulary. */
  private vocabulary: string[];
  /**
   * Postings of vocabulary word `p`: items `postingItems[postingStart[p] … postingStart[p + 1])`
   * (ascending) with the weight of their best field. Typed arrays: compact, and not traced by
   * the garbage collector.
   */
  private postingStart: Int32Array;
  private postingItems: Int32Array;
  private postingWeights: Float32Array;
  /** The items' code tails, for code lookups. */
  private readonly codeTails: CodeTails;
  /** Words of the items while building; dropped by `finish`. */
  private building?: PostingsBuilder;
  /** Folded fields of recently ranked items. */
  private readonly docCache = new Map<number, Doc>();
  private readonly firstKeys: FirstKeyResults;
  private tierScratch?: Int8Array;
  private countScratch?: Uint8Array;
  private seenScratch?: Uint8Array;
  private scoreScratch?: Float64Array;
  private fieldScratch?: Float64Array;
  private bestScratch?: Float64Array;

  private constructor(items: readonly CaseItem[], state?: IndexData) {
    this.items = items;
    this.restored = !!state;
    this.codeOf = state?.codeOf ?? [];
    this.statementLength = state?.statementLength ?? [];
    this.vocabulary = state?.vocabulary ?? [];
    this.postingStart = state?.postingStart ?? new Int32Array(1);
    this.postingItems = state?.postingItems ?? new Int32Array(0);
    this.postingWeights = state?.postingWeights ?? new Float32Array(0);
    this.codeTails = state?.codeTails ?? new CodeTails();
    this.firstKeys = new FirstKeyResults(items);
    if (!state) this.building = new PostingsBuilder();
  }

  /** The index as plain data, to store with its framework. */
  exportState(): SearchIndexState {
    const { codeOf, statementLength, vocabulary, postingStart, postingItems, postingWeights, codeTails } = this;
    return toState({ codeOf, statementLength, vocabulary, postingStart, postingItems, postingWeights, codeTails }, this.items.length);
  }

  /**
   * An index restored from `exportState()` of the same items (in the same order); `undefined`
   * when the state is not one (another format, other items, damaged).
   */
  static fromState(items: readonly CaseItem[], state: unknown): SearchIndex | undefined {
    const data = fromState(state, items.length);
    return data && new SearchIndex(items, data);
  }

  /** Builds the index synchronously. */
  static build(items: readonly CaseItem[]): SearchIndex {
    const index = new SearchIndex(items);
    for (let i = 0; i < items.length; i++) index.add(i);
    index.finish();
    return index;
  }

  /**
   * Builds the index in slices of about `sliceMs`, yielding to the event loop between them so
   * typing and scrolling stay responsive on 20,000-item frameworks.
   */
  static async buildAsync(items: readonly CaseItem[], signal?: AbortSignal, sliceMs = 8): Promise<SearchIndex> {
    const index = new SearchIndex(items);
    let start = performance.now();
    for (let i = 0; i < items.length; i++) {
      index.add(i);
      if ((i & 63) === 63 && performance.now() - start > sliceMs) {
        await yieldToEventLoop();
        signal?.throwIfAborted();
        start = performance.now();
      }
    }
    // The last steps in tasks of their own (together about 70 ms at 50,000 items, in a trace): a
    // key typed or a frame scrolled meanwhile waits for one of them alone.
    for (const step of [() => index.packPostings(), () => index.codeTails.finish()]) {
      await yieldToEventLoop();
      signal?.throwIfAborted();
      step();
    }
    return index;
  }

  /**
   * Runs a few searches built from the index's own words and codes, one per task, so the
   * engine has compiled the search code before the first real keystroke (the first queries
   * in a page otherwise run several times slower).
   */
  async warmUp(signal?: AbortSignal): Promise<void> {
    const vocabulary = this.vocabulary;
    const word = vocabulary.find((w, p) => w.length >= 6 && p >= vocabulary.length / 2) ?? vocabulary[0];
    if (!word) return;
    const other = vocabulary[Math.floor(vocabulary.length / 3)] ?? word;
    const typo = word[0] + word[2] + word[1] + word.slice(3);
    const code = this.codeOf.find(Boolean) ?? '';
    const queries = [word[0], word.slice(0, 3), word, typo, `${word} ${other.slice(0, 2)}`, `${other} ${typo}`, code, code.slice(0, 2)];
    for (let round = 0; round < 2; round++) {
      for (const query of queries) {
        await yieldToEventLoop();
        if (signal?.aborted) return;
        this.search(query, { limit: 1000 });
      }
    }
  }

  /**
   * Ranks every one-character query once, a task each (2-3 ms at 20,000 items), and keeps the
   * results (`FirstKeyResults`) for searches with these `outdated` flags. To be run after what
   * else is warmed up (suggestions): run before it, at 20,000 items, it delayed the first
   * suggestions (p95 20 → 56 ms in a full benchmark run). Not in idle callbacks: in the
   * benchmark, busy after `ready`, the keys typed next seemed to come before they ran.
   */
  async keepFirstKeys(signal?: AbortSignal, outdated?: Uint8Array): Promise<void> {
    const options = { limit: Infinity, outdated };
    for (const query of FIRST_KEYS) {
      if (!this.firstKeys.wanted(query, options)) continue; // typed already
      await yieldToEventLoop();
      if (signal?.aborted) return;
      this.find(query, options, false);
    }
  }

  /** Positions in `items` of the items whose code is exactly `code` (compared without case or punctuation). */
  positionsWithCode(code: string): readonly number[] {
    return this.codeTails.withCode(segments(code).join(''));
  }

  /** Keys of the items whose code is exactly `code`. */
  itemsWithCode(code: string): string[] {
    return this.positionsWithCode(code).map(i => this.items[i].key);
  }

  /** The vocabulary and its postings, read-only, for other rankers (suggestions) to share. */
  get terms(): IndexTerms {
    const { vocabulary, postingStart, postingItems, postingWeights, statementLength } = this;
    return { vocabulary, postingStart, postingItems, postingWeights, statementLength, fieldWeight: FIELD_WEIGHT };
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    return this.find(query, options, true);
  }

  /** `search`; `withHits` false ranks and keeps a first key without making its hits (no garbage while idle). */
  private find(query: string, options: SearchOptions, withHits: boolean): SearchResult {
    const kept = this.firstKeys.get(query, options);
    if (kept) return kept;
    const limit = options.limit ?? 500;
    const filter = options.filter;
    const n = this.items.length;
    const queryWords = words(query);
    const queryCompact = compact(query);
    if (!queryCompact) {
      // No query: list what the filter keeps, in framework order.
      const hits: SearchHit[] = [];
      let total = 0;
      for (let i = 0; i < n; i++) {
        if (filter && !filter(this.items[i])) continue;
        total++;
        if (hits.length < limit) hits.push({ key: this.items[i].key, item: this.items[i], tier: 2 });
      }
      return { hits, total, terms: [], typos: [], code: '' };
    }

    // Scratch arrays, reused across queries: tier per item (-1 = no match) and matched words.
    const tier = (this.tierScratch ??= new Int8Array(n));
    const count = (this.countScratch ??= new Uint8Array(n));
    const seen = (this.seenScratch ??= new Uint8Array(n));
    tier.fill(-1);
    count.fill(0);
    const touched: number[] = [];
    const setTier = (i: number, t: 0 | 1 | 2 | 3) => {
      if (tier[i] === -1) touched.push(i);
      if (tier[i] === -1 || t < tier[i]) tier[i] = t;
    };

    // Codes: exact (also without a leading namespace of words), then tails by prefix.
    for (const key of exactCodeKeys(query)) for (const i of this.codeTails.withCode(key)) setTier(i, 0);
    const tailKey = tailQuery(query);
    if (tailKey) this.codeTails.forEachWithPrefix(tailKey, (i, exact) => setTier(i, exact ? 0 : 1));

    // Words: each query word prefix-matches a word of the item, or matches one with one typo.
    // A query typed as one code (`3.NF.A.1`) that names an exact code needs no word matching.
    const typos: string[] = [];
    const shownTypos: string[] = [];
    const exactCode = isCodeToken(query) && touched.some(i => tier[i] === 0);
    const uniqueWords = exactCode ? [] : [...new Set(queryWords)];
    const wordTouched: number[] = [];
    // Per item: the sum, over query words, of the weight of the best field a word starting with
    // that query word occurs in (a typo match adds nothing here).
    const fieldScore = (this.fieldScratch ??= new Float64Array(n));
    const best = (this.bestScratch ??= new Float64Array(n));
    for (const word of uniqueWords) {
      // Vocabulary positions: the words starting with the query word, then its typo neighbours.
      const matched: number[] = [];
      for (let p = lowerBound(this.vocabulary, word); p < this.vocabulary.length; p++) {
        if (!this.vocabulary[p].startsWith(word)) break;
        matched.push(p);
      }
      const prefixMatches = matched.length;
      if (word.length >= 4) {
        for (const p of this.typoNeighbours(word)) {
          typos.push(this.vocabulary[p]);
          if (prefixMatches === 0) shownTypos.push(this.vocabulary[p]);
          matched.push(p);
        }
      }
      seen.fill(0);
      const wordItems: number[] = [];
      const { postingStart: start, postingItems: items, postingWeights: weights } = this;
      for (let m = 0; m < matched.length; m++) {
        const prefix = m < prefixMatches;
        for (let k = start[matched[m]]; k < start[matched[m] + 1]; k++) {
          const i = items[k];
          if (!seen[i]) {
            seen[i] = 1;
            best[i] = 0;
            wordItems.push(i);
            if (count[i]++ === 0) {
              wordTouched.push(i);
              fieldScore[i] = 0;
            }
          }
          if (prefix && weights[k] > best[i]) best[i] = weights[k];
        }
      }
      for (const i of wordItems) fieldScore[i] += best[i];
    }
    for (const i of wordTouched) setTier(i, count[i] === uniqueWords.length ? 2 : 3);

    // Partial word matches only count when nothing matches every word.
    let hasFull = false;
    for (const i of touched) if (tier[i] <= 2) hasFull = true;
    const candidates: number[] = [];
    for (const i of touched) {
      if (tier[i] === 3 && (hasFull || uniqueWords.length < 2)) continue;
      if (filter && !filter(this.items[i])) continue;
      candidates.push(i);
    }
    // Outdated items move after current ones before the limit applies, so the first `limit` are
    // the first of the whole ranking.
    const outdated = options.outdated;
    const rankLimit = outdated ? Infinity : limit;
    const ranked = upTo(demote(this.rank(candidates, tier, query, uniqueWords, typos, count, rankLimit), tier, outdated), limit);
    const found = {
      total: candidates.length,
      // A code query marks the code, not its letters in statements.
      terms: exactCode ? [] : uniqueWords,
      typos: shownTypos,
      code: candidates.some(i => tier[i] <= 1) ? queryCompact : '',
    };
    if (this.firstKeys.wanted(query, options)) this.firstKeys.keep(query, options, ranked, tier, found);
    if (!withHits) return { hits: [], ...found };
    return { hits: ranked.map(i => ({ key: this.items[i].key, item: this.items[i], tier: tier[i] as SearchHit['tier'] })), ...found };
  }

  private rank(
    candidates: number[],
    tier: Int8Array,
    query: string,
    queryWords: string[],
    typos: string[],
    count: Uint8Array,
    limit: number,
  ): number[] {
    // Code matches: shortest code first (`3.NF.A` before `3.NF.A.1`), in natural order.
    const byCode = (a: number, b: number) =>
      this.codeOf[a].length - this.codeOf[b].length || naturalCompare(this.codeOf[a], this.codeOf[b]) || a - b;
    const codeTier = candidates.filter(i => tier[i] < 2).sort((a, b) => tier[a] - tier[b] || byCode(a, b));
    const wordTiers = candidates.filter(i => tier[i] >= 2);
    const folded = fold(query).trim();

    // Very short queries, and queries matching a large part of the framework ("the"): framework
    // order within each tier, which needs no scoring at all.
    if (folded.length <= 2 || wordTiers.length > Math.max(2000, this.items.length / 4)) {
      // Bucket by tier in one pass over the (few) candidates' marks: no sort of thousands.
      const marked = (this.seenScratch ??= new Uint8Array(this.items.length));
      marked.fill(0);
      for (const i of wordTiers) marked[i] = tier[i];
      const ordered = [...codeTier];
      for (const wanted of [2, 3]) {
        for (let i = 0; i < marked.length && ordered.length < limit; i++) if (marked[i] === wanted) ordered.push(i);
      }
      return upTo(ordered, limit);
    }

    // A quick relevance score: words matched, the fields they start a word in, whole-word
    // matches (twice), shorter statements first.
    const cheap = (this.scoreScratch ??= new Float64Array(this.items.length));
    const fieldScore = this.fieldScratch!;
    const length = this.statementLength;
    for (const i of wordTiers) cheap[i] = count[i] * 10 + fieldScore[i] - length[i] / 1000;
    const { postingStart: start, postingItems: items, postingWeights: weights } = this;
    for (const word of [...queryWords, ...typos]) {
      const p = lowerBound(this.vocabulary, word);
      if (this.vocabulary[p] !== word) continue;
      // Entries of items that are not candidates are overwritten before any later use.
      for (let k = start[p]; k < start[p + 1]; k++) cheap[items[k]] += weights[k] * 2;
    }
    sortByTierAndScore(wordTiers, tier, cheap);

    // fuse.js ranks the best candidates once the query says enough (5+ characters). Its cost
    // grows with the number of candidates times the query's length (measured: ~15 µs per item
    // for 3 letters, ~55 µs for 20), so the cap keeps it under 2 ms: ~90 items for 5 letters,
    // 40 for 20.
    if (folded.length < 5) return upTo([...codeTier, ...wordTiers], limit);
    const cap = Math.min(200, Math.max(40, Math.round(1800 / (8 + 2.4 * folded.length))));
    const head = wordTiers.slice(0, cap);
    if (head.length < 2) return upTo([...codeTier, ...wordTiers], limit);
    const fuse = new Fuse(
      head.map(i => this.doc(i)),
      { keys: FUSE_KEYS, includeScore: true, ignoreLocation: true, threshold: 0.4, shouldSort: false },
    );
    const fuseScore = new Map<number, number>();
    for (const result of fuse.search(folded)) fuseScore.set(head[result.refIndex], result.score ?? 1);
    // Items fuse did not score keep their cheap order after the scored ones.
    const score = (i: number) => fuseScore.get(i) ?? 1 + 1 / (1 + Math.max(0, cheap[i]));
    head.sort((a, b) => tier[a] - tier[b] || score(a) - score(b) || a - b);
    return upTo([...codeTier, ...head, ...wordTiers.slice(cap)], limit);
  }

  /** Positions of the vocabulary words within one edit (or transposition) of `word`, or of a prefix of theirs. */
  private typoNeighbours(word: string): number[] {
    const out: number[] = [];
    const first = word[0];
    // Typos are assumed after the first letter: scan only that letter's block.
    const start = lowerBound(this.vocabulary, first);
    for (let p = start; p < this.vocabulary.length; p++) {
      const v = this.vocabulary[p];
      if (v[0] !== first) break;
      if (!v.startsWith(word) && isTypoOf(word, v)) out.push(p);
    }
    return out;
  }

  private add(i: number) {
    const item = this.items[i];
    this.codeOf.push(item.humanCodingScheme ? fold(item.humanCodingScheme) : '');
    this.statementLength.push(item.fullStatement.length);
    // Each word once per item, with the weight of the best field it occurs in.
    const postings = this.building!;
    const addWords = (text: string | undefined, field: Field) => {
      if (!text) return;
      const weight = FIELD_WEIGHT[field];
      for (const word of indexWords(text)) postings.add(word, i, weight);
    };
    addWords(item.humanCodingScheme, 'code');
    addWords(item.abbreviatedStatement, 'abbreviated');
    addWords(item.fullStatement, 'full');
    addWords(item.conceptKeywords.join(' '), 'keywords');
    addWords(item.notes, 'notes');

    this.codeTails.add(i, item.humanCodingScheme);
  }

  /** Folded fields of item `i`, for fuse.js (made on demand for the few it ranks). */
  private doc(i: number): Doc {
    let doc = this.docCache.get(i);
    if (!doc) {
      if (this.docCache.size >= DOC_CACHE_SIZE) this.docCache.clear();
      const item = this.items[i];
      doc = {
        code: this.codeOf[i],
        abbreviated: item.abbreviatedStatement ? fold(item.abbreviatedStatement) : '',
        full: fold(item.fullStatement),
        keywords: fold(item.conceptKeywords.join(', ')),
        notes: item.notes ? fold(item.notes) : '',
      };
      this.docCache.set(i, doc);
    }
    return doc;
  }

  private finish() {
    this.packPostings();
    this.codeTails.finish();
  }

  private packPostings() {
    ({
      vocabulary: this.vocabulary,
      postingStart: this.postingStart,
      postingItems: this.postingItems,
      postingWeights: this.postingWeights,
    } = this.building!.pack());
    this.building = undefined;
  }
}
