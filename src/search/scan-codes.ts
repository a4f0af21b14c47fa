import { tailCount } from './code-query.js';
import { itemAt } from './code-tails.js';
import { isAsciiAlnum, NON_ASCII, segments } from './text-fold.js';

/** Scratch for `ScanCodes.add`: where a code's segments start. */
let segmentStarts = new Int32Array(64);
const grow = (a: Int32Array) => {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
};

/**
 * The items' compact codes for the plain scan, found as `CodeTails` finds them (whole codes, and
 * tails of long codes by prefix) with less to prepare: each code once, in item order, one per
 * line, with the places where its tails start marked, instead of every tail as a string of its
 * own grouped by first character. The scan must be ready as the first row paints: in a trace of
 * that first key at 20,000 items, preparing the tails took about 36 ms, and in Node this takes
 * about half as long. The index still keeps `CodeTails`.
 */
export class ScanCodes {
  /** While adding: each code compact, and where its tails start in it (offsets, 0 first). */
  private codes: string[] = [];
  private tailOffsets: number[] = [];
  private tailCounts: number[] = [];
  /** Once finished: `\n` + the compact codes joined by `\n` + `\n`, and where each item's starts. */
  private text = '\n';
  private starts = new Int32Array(1);
  /** Per position of `text`: 1 where a tail starts. */
  private tailStart = new Uint8Array(0);

  /** Adds the next item's code (items in order). */
  add(code: string | undefined): void {
    if (!code) {
      this.codes.push('');
      this.tailCounts.push(0);
      return;
    }
    if (NON_ASCII.test(code)) {
      const parts = segments(code);
      const tails = tailCount(parts.length);
      for (let s = 0, at = 0; s < tails; at += parts[s++].length) this.tailOffsets.push(at);
      this.tailCounts.push(tails);
      this.codes.push(parts.join(''));
      return;
    }
    // One pass over the characters, not `segments` (about 10 ms more on a page's first key at
    // 20,000 items, in A/B runs) nor a regular expression replace (11-15 ms for 20,000 codes in
    // Node): the letters and digits, lowered, and where each segment starts among them.
    const lower = code.toLowerCase();
    let compact = '';
    let count = 0;
    let at = 0;
    for (let i = 0, run = -1; i <= lower.length; i++) {
      if (i < lower.length && isAsciiAlnum(lower.charCodeAt(i))) {
        if (run < 0) {
          run = i;
          if (count === segmentStarts.length) segmentStarts = grow(segmentStarts);
          segmentStarts[count++] = at;
        }
        at++;
      } else if (run >= 0) {
        compact += run === 0 && i === lower.length ? lower : lower.slice(run, i);
        run = -1;
      }
    }
    const tails = tailCount(count);
    for (let t = 0; t < tails; t++) this.tailOffsets.push(segmentStarts[t]);
    this.tailCounts.push(tails);
    this.codes.push(compact);
  }

  /** Joins what was added. */
  finish(): void {
    const { codes, tailOffsets, tailCounts } = this;
    this.text = `\n${codes.join('\n')}\n`;
    this.starts = new Int32Array(codes.length + 1);
    this.tailStart = new Uint8Array(this.text.length);
    for (let i = 0, at = 1, t = 0; i < codes.length; i++) {
      this.starts[i] = at;
      for (const end = t + tailCounts[i]; t < end; t++) this.tailStart[at + tailOffsets[t]] = 1;
      at += codes[i].length + 1;
    }
    this.starts[codes.length] = this.text.length;
    this.codes = [];
    this.tailOffsets = [];
    this.tailCounts = [];
  }

  /** The items whose whole compact code is `key`, ascending. */
  withCode(key: string): number[] {
    const found: number[] = [];
    if (!key) return found;
    const needle = `\n${key}\n`;
    let item = 0;
    for (let p = this.text.indexOf(needle); p >= 0; p = this.text.indexOf(needle, p + 1)) {
      item = itemAt(this.starts, p + 1, item);
      found.push(item);
    }
    return found;
  }

  /** Calls `visit` for each tail that starts with `prefix`, with its item and whether the tail is `prefix` itself. */
  forEachWithPrefix(prefix: string, visit: (item: number, exact: boolean) => void): void {
    if (!prefix || prefix.includes('\n')) return;
    const { text, tailStart, starts } = this;
    let item = 0;
    for (let p = text.indexOf(prefix); p >= 0; p = text.indexOf(prefix, p + 1)) {
      if (!tailStart[p]) continue;
      item = itemAt(starts, p, item);
      visit(item, text[p + prefix.length] === '\n');
    }
  }
}
