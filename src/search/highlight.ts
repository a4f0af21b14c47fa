import { fold, UNSPACED } from './text-fold.js';

export interface TextSegment {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const ALNUM = /[\p{L}\p{N}]/u;

/**
 * Splits `text` into plain and marked segments: the part of each word that a query word
 * prefix-matches, whole words matched through a typo, and, in scripts written without spaces,
 * every place a query word occurs. A one-letter query word marks only a word that is that
 * letter (never every word starting with it). Returns plain text segments only: the caller
 * renders them as text, never as HTML.
 */
export function highlight(text: string, terms: readonly string[], typos: readonly string[] = []): TextSegment[] {
  if (!text || (terms.length === 0 && typos.length === 0)) return [{ text, mark: false }];
  const typoSet = new Set(typos);
  const unspacedTerms = terms.filter(t => UNSPACED.test(t));
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index ?? 0;
    const folded = fold(word);
    if (unspacedTerms.length && UNSPACED.test(word) && folded.length === word.length) {
      for (const term of unspacedTerms) {
        for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length))
          ranges.push([start + at, start + at + term.length]);
      }
      continue;
    }
    let length = 0;
    if (typoSet.has(folded)) length = word.length;
    else {
      for (const term of terms) {
        if (term.length === 1 ? folded === term : term.length > length && folded.startsWith(term)) length = Math.max(length, term.length);
      }
      // Folding changed the length (decomposed accents): mark the whole word.
      if (length && folded.length !== word.length) length = word.length;
    }
    if (length) ranges.push([start, start + length]);
  }
  return segmentsOf(text, ranges);
}

/**
 * Marks the part of a code that a code query matched: `4nfa1` (or `4.NF.A.1`) marks all of
 * `4.NF.A.1`, `nfa` marks `NF.A`. Letters and digits are compared without case or punctuation.
 */
export function highlightCode(code: string, query: string): TextSegment[] {
  const positions: number[] = []; // index in `code` of each letter or digit
  let compactCode = '';
  for (let i = 0; i < code.length; i++) {
    if (!ALNUM.test(code[i])) continue;
    const folded = fold(code[i]);
    for (let k = 0; k < folded.length; k++) positions.push(i);
    compactCode += folded;
  }
  const at = query ? compactCode.indexOf(query) : -1;
  if (at < 0) return [{ text: code, mark: false }];
  return segmentsOf(code, [[positions[at], positions[at + query.length - 1] + 1]]);
}

function segmentsOf(text: string, ranges: [number, number][]): TextSegment[] {
  if (ranges.length === 0) return [{ text, mark: false }];
  ranges.sort((a, b) => a[0] - b[0]);
  const segments: TextSegment[] = [];
  const push = (from: number, to: number, mark: boolean) => {
    if (to <= from) return;
    const prev = segments[segments.length - 1];
    if (prev && prev.mark === mark) prev.text += text.slice(from, to);
    else segments.push({ text: text.slice(from, to), mark });
  };
  let last = 0;
  for (const [from, to] of ranges) {
    if (to <= last) continue;
    push(last, Math.max(from, last), false);
    push(Math.max(from, last), to, true);
    last = to;
  }
  push(last, text.length, false);
  return segments;
}
