import type { CaseItem } from '../model/framework.js';
import { yieldToEventLoop } from '../perf/yield.js';
import type { IndexTerms, SearchIndex } from './search-index.js';
import { lowerBound } from './rank-order.js';
import { stem, stemPrefix, stopWords } from './stem.js';
import { segments, words } from './text-fold.js';

export interface Suggestion {
  /** Item key (lower-cased identifier). */
  key: string;
  /** Position of the item in the index. */
  position: number;
  /** Higher is better; mentioned codes score above any word match. */
  score: number;
  /** 0: its code is mentioned in the context; 1: a standard; 2: a heading. */
  tier: 0 | 1 | 2;
}

export interface SuggestResult {
  suggestions: Suggestion[];
  /** The vocabulary words that matched (whole words, for highlighting). */
  words: string[];
}

export interface SuggestOptions {
  /** How many suggestions. Default 10. */
  limit?: number;
  /** Keeps only items for which this returns true (grade / type filters). */
  filter?: (item: CaseItem) => boolean;
  /** Items that cannot be aligned to (grade, domain or cluster headings) rank below standards. */
  isHeading?: (item: CaseItem, position: number) => boolean;
  /** Language of the stop words and stemming (the framework's, else the UI's). Default `en`. */
  language?: string;
}

/** BM25 constants: term-frequency saturation and length normalisation (statements vary a lot). */
const K1 = 1.2;
const B = 0.5;
/** Suggestions scoring below this share of the best one are noise. */
const RELATIVE_FLOOR = 0.2;
/** Most context words looked at (a long description: its first 2,000 distinct words). */
const MAX_TERMS = 2000;

/** Buckets of the score histogram that picks the best candidates. */
const HISTOGRAM = 1024;
/** Letters a stem can lose: `-ing` with a doubled consonant, `-ies`, `-ment`. */
const MAX_SUFFIX = 5;

/** The stems of a vocabulary, per language, computed as they are first needed and kept with the index. */
const stemTables = new WeakMap<readonly string[], Map<string, (string | undefined)[]>>();
function vocabularyStems(vocabulary: readonly string[], language: string): (string | undefined)[] {
  let byLanguage = stemTables.get(vocabulary);
  if (!byLanguage) stemTables.set(vocabulary, (byLanguage = new Map()));
  let table = byLanguage.get(language);
  if (!table) byLanguage.set(language, (table = new Array<string | undefined>(vocabulary.length)));
  return table;
}

/** Per item and field class, the BM25 gain of one occurrence; per posting, its field class. */
interface Bm25Tables {
  gain: Float32Array;
  fieldClass: Uint8Array;
  /** Scratch per item, reused across calls (zero between them). */
  score: Float64Array;
  best: Float64Array;
}
const bm25Cache = new WeakMap<Int32Array, Bm25Tables>();

/**
 * BM25 with a term frequency of one (the index keeps each word once per item, with the best
 * field it is in): the field stands in for the frequency (a code or short statement counts a
 * little more than the full statement, keywords and notes less), normalised by statement length.
 * Computed once per index: four gains per item, one class per posting.
 */
function bm25Tables(terms: IndexTerms): Bm25Tables {
  let tables = bm25Cache.get(terms.postingItems);
  if (tables) return tables;
  const { statementLength, postingWeights, fieldWeight } = terms;
  const n = statementLength.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += statementLength[i];
  const average = total / n || 1;
  const unit = fieldWeight.full;
  const classes = [4 / unit, fieldWeight.full / unit, fieldWeight.keywords / unit, fieldWeight.notes / unit];
  const gain = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const norm = 1 - B + (B * statementLength[i]) / average;
    for (let c = 0; c < 4; c++) gain[i * 4 + c] = (classes[c] * (K1 + 1)) / (classes[c] + K1 * norm);
  }
  const fieldClass = new Uint8Array(postingWeights.length);
  for (let k = 0; k < postingWeights.length; k++) {
    const w = postingWeights[k];
    fieldClass[k] = w >= 4 ? 0 : w >= fieldWeight.full ? 1 : w >= fieldWeight.keywords ? 2 : 3;
  }
  bm25Cache.set(terms.postingItems, (tables = { gain, fieldClass, score: new Float64Array(n), best: new Float64Array(n) }));
  return tables;
}

/** Codes written in a text: `4.NF.A.1`, `4nfa1`, `MS-LS1-6`, `CCSS.MATH.CONTENT.4.NF.A.1`. */
function mentionedCodes(context: string): string[] {
  const tokens = context.match(/[\p{L}\p{N}]+(?:[.\-_/][\p{L}\p{N}]+)*/gu) ?? [];
  return tokens.filter(t => /\d/.test(t) && /\p{L}/u.test(t) && t.length <= 40);
}

/** Positions of the items whose code is mentioned: the whole token, or what follows a namespace of words. */
function codePositions(index: SearchIndex, code: string): readonly number[] {
  const segs = segments(code);
  for (let s = 0; s < segs.length; s++) {
    const found = index.positionsWithCode(segs.slice(s).join(''));
    if (found.length) return found;
    if (/\d/.test(segs[s])) break;
  }
  return [];
}

/**
 * At least the `count` candidates with the highest scores, in no order: a histogram of the
 * scores finds the threshold in one pass (sorting every candidate was most of the time on
 * large frameworks).
 */
function bestOf(candidates: readonly number[], score: Float64Array, count: number): number[] {
  if (candidates.length <= count) return [...candidates];
  let low = Infinity;
  let high = -Infinity;
  for (const i of candidates) {
    if (score[i] < low) low = score[i];
    if (score[i] > high) high = score[i];
  }
  const buckets = new Uint32Array(HISTOGRAM);
  const scale = high > low ? (HISTOGRAM - 1) / (high - low) : 0;
  for (const i of candidates) buckets[Math.floor((score[i] - low) * scale)]++;
  let bucket = HISTOGRAM - 1;
  for (let taken = buckets[bucket]; taken < count && bucket > 0;) taken += buckets[--bucket];
  return candidates.filter(i => Math.floor((score[i] - low) * scale) >= bucket);
}

function hasPosting(list: Int32Array, from: number, to: number, item: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < item) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && list[lo] === item;
}

/** Whether an item is a heading: typed as one, or untyped (or of an unknown type) with children. */
export function isHeadingItem(item: CaseItem, hasChildren: boolean): boolean {
  const type = (item.itemType ?? '').toLowerCase();
  if (/grade|domain|cluster|strand|categor|course|topic|heading|section|subject|core idea|chapter|theme/.test(type)) return true;
  if (/standard|component|expectation|benchmark|indicator|objective|outcome|element|skill|competenc|target/.test(type)) return false;
  return hasChildren;
}

/**
 * Ranks the items of one framework for a text (a resource's title and description), over the
 * search index's own vocabulary and postings: BM25 over statements, codes and keywords with
 * light stemming and stop words (rare words weigh more than common ones; the field a word is
 * in weighs like in search), codes mentioned in the text first, headings after standards.
 */
export function suggest(index: SearchIndex, context: string, options: SuggestOptions = {}): SuggestResult {
  const limit = options.limit ?? 10;
  const language = options.language ?? 'en';
  const { vocabulary, postingStart, postingItems } = index.terms;
  const items = index.items;
  const n = items.length;
  if (!n || !context.trim()) return { suggestions: [], words: [] };
  const stops = stopWords(language);

  // Context terms: stems with their count in the context.
  const termCount = new Map<string, number>();
  for (const word of words(context)) {
    if (stops.has(word) || /^\d+$/.test(word) || (word.length < 3 && /^[a-z]+$/.test(word))) continue;
    const s = stem(word, language);
    if (termCount.size >= MAX_TERMS && !termCount.has(s)) continue;
    termCount.set(s, (termCount.get(s) ?? 0) + 1);
  }

  // `best`: per item, a term's best gain over the words with its stem.
  const { gain, fieldClass, score, best } = bm25Tables(index.terms);
  const touched: number[] = [];
  const termTouched: number[] = [];
  const matchedPositions: number[] = []; // vocabulary positions of every term
  const stems = vocabularyStems(vocabulary, language);
  const stemOf = (p: number) => (stems[p] ??= stem(vocabulary[p], language));

  for (const [term, count] of termCount) {
    // The vocabulary words with this stem (the term itself for other scripts, as a prefix).
    const prefix = stemPrefix(term);
    const positions: number[] = [];
    let documents = 0;
    // A word with this stem is at most a few letters longer (`run` ← `running`).
    const longest = term.length + MAX_SUFFIX;
    for (let p = lowerBound(vocabulary, prefix); p < vocabulary.length && vocabulary[p].startsWith(prefix); p++) {
      if (vocabulary[p] === term || (vocabulary[p].length <= longest && stemOf(p) === term)) {
        positions.push(p);
        documents += postingStart[p + 1] - postingStart[p];
      }
    }
    if (!positions.length) continue;
    matchedPositions.push(...positions);
    const df = Math.min(n, documents);
    const weight = (1 + Math.log(count)) * Math.log(1 + (n - df + 0.5) / (df + 0.5)); // query frequency × idf
    if (positions.length === 1) {
      // One word: each item occurs once in its postings.
      const p = positions[0];
      for (let k = postingStart[p]; k < postingStart[p + 1]; k++) {
        const i = postingItems[k];
        if (score[i] === 0) touched.push(i);
        score[i] += weight * gain[(i << 2) | fieldClass[k]];
      }
      continue;
    }
    for (const p of positions) {
      for (let k = postingStart[p]; k < postingStart[p + 1]; k++) {
        const i = postingItems[k];
        const g = gain[(i << 2) | fieldClass[k]];
        if (best[i] === 0) termTouched.push(i);
        if (g > best[i]) best[i] = g;
      }
    }
    for (const i of termTouched) {
      if (score[i] === 0) touched.push(i);
      score[i] += weight * best[i];
      best[i] = 0;
    }
    termTouched.length = 0;
  }

  const keep = (i: number) => !options.filter || options.filter(items[i]);
  const tierOf = new Map<number, Suggestion['tier']>();
  // Mentioned codes: first, in the order the context names them.
  const mentioned: number[] = [];
  for (const code of mentionedCodes(context)) {
    for (const i of codePositions(index, code)) {
      if (!tierOf.has(i) && keep(i)) {
        tierOf.set(i, 0);
        mentioned.push(i);
      }
    }
  }
  let top = 0;
  for (const i of touched) if (score[i] > top && !tierOf.has(i)) top = score[i];
  const candidates = touched.filter(i => score[i] >= top * RELATIVE_FLOOR && !tierOf.has(i) && keep(i));
  // Standards in score order, then headings. Most contexts need only the best few dozen in
  // order (sorting every touched item was most of the time on large frameworks); more when
  // headings crowd the top.
  const byScore = (a: number, b: number) => score[b] - score[a] || a - b;
  const pick = (ranked: readonly number[]) => {
    const standards: number[] = [];
    const headings: number[] = [];
    for (const i of ranked) {
      if (mentioned.length + standards.length >= limit) break;
      const heading = !!options.isHeading?.(items[i], i);
      tierOf.set(i, heading ? 2 : 1);
      (heading ? headings : standards).push(i);
    }
    return { enough: mentioned.length + standards.length >= limit, list: [...standards, ...headings] };
  };
  let head = Math.max(64, limit * 4);
  let ranked = bestOf(candidates, score, head).sort(byScore);
  let picked = pick(ranked);
  while (!picked.enough && ranked.length < candidates.length) {
    head *= 4;
    ranked = bestOf(candidates, score, head).sort(byScore);
    picked = pick(ranked);
  }
  const chosen = [...mentioned, ...picked.list].slice(0, limit);
  const suggestions = chosen.map(i => {
    const tier = tierOf.get(i)!;
    return { key: items[i].key, position: i, score: tier === 0 ? Infinity : score[i], tier };
  });
  for (const i of touched) score[i] = 0; // the scratch is zero again for the next call

  // The words to highlight: those of the chosen items (a binary search in each ascending posting).
  const shown = new Set<string>();
  for (const p of matchedPositions) {
    if (chosen.some(i => hasPosting(postingItems, postingStart[p], postingStart[p + 1], i))) shown.add(vocabulary[p]);
  }
  return { suggestions, words: [...shown] };
}

/**
 * Ranks a few contexts like real ones (a few hundred words of the framework's own statements),
 * one per task, so the first real suggestion does not pay for compiling the ranking code (and
 * its tables are built).
 */
export async function warmUpSuggest(index: SearchIndex, signal?: AbortSignal): Promise<void> {
  const items = index.items;
  if (!items.length) return;
  for (let round = 0; round < 6; round++) {
    await yieldToEventLoop();
    if (signal?.aborted) return;
    const words: string[] = [];
    for (let k = 0; words.length < 300 && k < 1000; k++)
      words.push(...items[(round * 7919 + k * 104_729) % items.length].fullStatement.split(/\s+/));
    suggest(index, words.join(' '), { isHeading: () => false });
  }
}
