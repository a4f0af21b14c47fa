import { fold } from './text-fold.js';

export interface TextSegment {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Splits `text` into plain and marked segments: the part of each word that a query word
 * prefix-matches, and whole words matched through a typo. Returns plain text segments only:
 * the caller renders them as text, never as HTML.
 */
export function highlight(text: string, terms: readonly string[], typos: readonly string[] = []): TextSegment[] {
  if (!text || (terms.length === 0 && typos.length === 0)) return [{ text, mark: false }];
  const typoSet = new Set(typos);
  const segments: TextSegment[] = [];
  let last = 0;
  const push = (from: number, to: number, mark: boolean) => {
    if (to <= from) return;
    const prev = segments[segments.length - 1];
    if (prev && prev.mark === mark) prev.text += text.slice(from, to);
    else segments.push({ text: text.slice(from, to), mark });
  };
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index ?? 0;
    const folded = fold(word);
    let length = 0;
    if (typoSet.has(folded)) length = word.length;
    else {
      for (const term of terms) {
        if (term.length > length && folded.startsWith(term)) length = term.length;
      }
      // Folding changed the length (decomposed accents): mark the whole word.
      if (length && folded.length !== word.length) length = word.length;
    }
    if (!length) continue;
    push(last, start, false);
    push(start, start + length, true);
    last = start + length;
  }
  push(last, text.length, false);
  return segments.length ? segments : [{ text, mark: false }];
}
