const MARKS = /[\u0300-\u036f]/g;
const TAGS = /<\/?[a-z][^>]*>/gi;
const WORD = /[\p{L}\p{N}]+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const NON_ASCII = /[^\0-\x7f]/;
const ASCII_NON_WORD = /[^a-z0-9]+/;

/** Case- and diacritic-insensitive form of a text. */
export function fold(text: string): string {
  // ASCII has nothing to decompose (most statements): half the time of the full fold.
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(MARKS, '').toLowerCase() : text.toLowerCase();
}

/** Scripts written without spaces between words: their runs are split by `Intl.Segmenter`. */
export const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Scripts whose words are also found from inside (`作用` in `光合作用`): Chinese and Japanese. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

let segmenter: Intl.Segmenter | null | undefined;
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined)
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;
  return segmenter;
}

/**
 * Folded words of a text; inline HTML tags are not words. Runs of Chinese, Japanese, Thai and
 * other scripts written without spaces are split into words by `Intl.Segmenter` (without it,
 * into characters).
 */
export function words(text: string): string[] {
  const folded = fold(text.includes('<') ? text.replace(TAGS, ' ') : text);
  const runs = folded.match(WORD) ?? [];
  if (!NON_ASCII.test(folded) || !UNSPACED.test(folded)) return runs;
  const out: string[] = [];
  for (const run of runs) {
    if (!UNSPACED.test(run)) out.push(run);
    else {
      const seg = wordSegmenter();
      if (!seg) out.push(...run);
      else for (const part of seg.segment(run)) if (part.isWordLike) out.push(...(part.segment.match(WORD) ?? []));
    }
  }
  return out;
}

/**
 * The words an item is indexed under: `words(text)`, plus every suffix of a Chinese or
 * Japanese word, so a query for a word inside a compound (`作用` in `光合作用`) prefix-matches.
 */
export function indexWords(text: string): string[] {
  const list = words(text);
  if (!CJK.test(text)) return list;
  const out: string[] = [];
  for (const word of list) {
    out.push(word);
    if (!CJK.test(word)) continue;
    const chars = [...word];
    for (let i = 1; i < chars.length; i++) out.push(chars.slice(i).join(''));
  }
  return out;
}

/** A code without punctuation or spaces: `4.NF.A.1` → `4nfa1`. */
export function compact(text: string): string {
  return fold(text).replace(NON_WORD, '');
}

/** Folded code segments: `CCSS.Math.6.RP.A` → `['ccss', 'math', '6', 'rp', 'a']`. */
export function segments(text: string): string[] {
  if (!NON_ASCII.test(text)) return text.toLowerCase().split(ASCII_NON_WORD).filter(Boolean); // most codes: faster
  return fold(text).split(NON_WORD).filter(Boolean);
}

/**
 * Optimal string alignment distance, stopping early once it exceeds `max`.
 * One transposition counts as one edit.
 */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = new Array<number>(cols);
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, current[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = current;
  }
  return prev[cols - 1];
}

/**
 * A text as a plain scan searches it: folded and without tags, and for scripts written without
 * spaces, `indexWords(text)` joined by spaces. A query word found at the start of a word of it is
 * exactly a prefix of one of `indexWords(text)`.
 */
export function scanText(text: string): string {
  const plain = text.includes('<') ? text.replace(TAGS, ' ') : text;
  if (!NON_ASCII.test(plain)) return plain.toLowerCase();
  const folded = fold(plain);
  return UNSPACED.test(folded) ? indexWords(text).join(' ') : folded;
}
