const MARKS = /[\u0300-\u036f]/g;
const TAGS = /<\/?[a-z][^>]*>/gi;
const WORD = /[\p{L}\p{N}]+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
export const NON_ASCII = /[^\0-\x7f]/;

/** Whether character code `c` is an ASCII letter or digit. */
export const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

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
  if (NON_ASCII.test(text)) return fold(text).split(NON_WORD).filter(Boolean);
  // Most codes: one pass over the characters (a regular expression split costs more).
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const word = isAsciiAlnum(c);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.push(text.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return out;
}

/**
 * Whether `candidate` (a word) is what search takes for `word` with one typo: the same first
 * letter, and within one edit of `word` as a whole word or as a word still being typed (its first
 * `word.length` or `word.length + 1` letters).
 */
export function isTypoOf(word: string, candidate: string): boolean {
  if (candidate[0] !== word[0] || candidate.length < word.length - 1) return false;
  return (
    editDistance(word, candidate) <= 1 ||
    editDistance(word, candidate.slice(0, word.length)) <= 1 ||
    editDistance(word, candidate.slice(0, word.length + 1)) <= 1
  );
}

let rowScratch = new Int32Array(64 * 3);

/**
 * Optimal string alignment distance, stopping early once it exceeds `max`.
 * One transposition counts as one edit.
 */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  // Three rows of scratch, reused (this runs for thousands of words per keystroke).
  if (rowScratch.length < cols * 3) rowScratch = new Int32Array(cols * 6);
  let prevPrev = 0;
  let prev = cols;
  let current = cols * 2;
  for (let j = 0; j < cols; j++) rowScratch[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rowScratch[current] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rowScratch[prev + j] + 1, rowScratch[current + j - 1] + 1, rowScratch[prev + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rowScratch[prevPrev + j - 2] + 1);
      rowScratch[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return rowScratch[prev + cols - 1];
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

/**
 * `scanText(text)`, except that plain ASCII without tags comes back as it is: lower-casing it is
 * left to the caller (one `toLowerCase` of many texts joined costs less than one per text).
 */
export function scanTextOrAscii(text: string): string {
  return text.includes('<') || NON_ASCII.test(text) ? scanText(text) : text;
}
