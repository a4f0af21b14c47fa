import { compact, segments } from './text-fold.js';

/** Codes with at least this many segments can be found by a tail (`NF.A.1`, `6.RP.A`). */
const MIN_TAIL_SEGMENTS = 3;

/**
 * How many tails a code of `segmentCount` segments has (see `codeTails`): the whole code, and for
 * codes of four or more segments one more per segment a tail can start at.
 */
export function tailCount(segmentCount: number): number {
  return segmentCount >= MIN_TAIL_SEGMENTS + 1 ? segmentCount - MIN_TAIL_SEGMENTS + 1 : Math.min(segmentCount, 1);
}

/**
 * The compact codes a query names exactly: the query itself and, after a leading namespace of
 * words (`CCSS.MATH.CONTENT.4.NF.A.1`), what is left when that is still a code (two segments, or
 * one like `MP1`).
 */
export function exactCodeKeys(query: string): string[] {
  const querySegments = segments(query);
  const keys: string[] = [];
  for (let s = 0; s < querySegments.length; s++) {
    const rest = querySegments.slice(s);
    if (s === 0 || rest.length > 1 || /\p{L}/u.test(rest[0])) keys.push(rest.join(''));
    if (/\d/.test(querySegments[s])) break; // a namespace is words only: stop at the first number
  }
  return keys;
}

/** What code tails are matched against: the compact query, or '' when it is too short to be a code. */
export function tailQuery(query: string): string {
  const queryCompact = compact(query);
  return queryCompact.length >= 2 || /\d/.test(queryCompact) ? queryCompact : '';
}

/**
 * The compact tails of a code a query can start with: the whole code and, for codes of four or
 * more segments, each tail of at least three (`nfa1` and `4nfa1` for `4.NF.A.1`).
 */
export function codeTails(codeSegments: readonly string[]): string[] {
  const lastTail = tailCount(codeSegments.length) - 1;
  const tails: string[] = [];
  let tail = '';
  for (let s = codeSegments.length - 1; s >= 0; s--) {
    tail = codeSegments[s] + tail;
    if (s <= lastTail) tails.push(tail);
  }
  return tails.reverse();
}

/** Whether a query is one code token naming an exact code: it then needs no word matching. */
export function isCodeToken(query: string): boolean {
  return !/\s/.test(query.trim()) && /\d/.test(compact(query));
}
