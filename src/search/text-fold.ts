const MARKS = /[\u0300-\u036f]/g;
const TAGS = /<\/?[a-z][^>]*>/gi;
const WORD = /[\p{L}\p{N}]+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Case- and diacritic-insensitive form of a text. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Folded words of a text; inline HTML tags are not words. */
export function words(text: string): string[] {
  return fold(text.replace(TAGS, ' ')).match(WORD) ?? [];
}

/** A code without punctuation or spaces: `4.NF.A.1` → `4nfa1`. */
export function compact(text: string): string {
  return fold(text).replace(NON_WORD, '');
}

/** Folded code segments: `CCSS.Math.6.RP.A` → `['ccss', 'math', '6', 'rp', 'a']`. */
export function segments(text: string): string[] {
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
