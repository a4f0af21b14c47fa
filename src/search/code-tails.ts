import { codeTails } from './code-query.js';
import { segments } from './text-fold.js';

/** The item whose text holds position `p` of texts joined with `starts` (at or after item `from`). */
export function itemAt(starts: Int32Array, p: number, from: number): number {
  let item = from;
  let hi = starts.length - 2;
  while (item < hi) {
    const mid = (item + hi + 1) >>> 1;
    if (starts[mid] <= p) item = mid;
    else hi = mid - 1;
  }
  return item;
}

/** `CodeTails` as plain data, as IndexedDB stores it (one string and typed arrays). */
export interface CodeTailsState {
  text: string;
  starts: Int32Array;
  items: Int32Array;
  whole: Uint8Array;
}

/**
 * The compact tails of the items' codes (`codeTails`: the whole code, and for long codes each
 * tail of at least three segments) as one text with each tail on its own line, grouped by first
 * character and in item order within a group.
 * The index looks codes up with `indexOf` over their first character's part of it: nothing to
 * sort (sorting 100,000 tails was a 50 ms task at 50,000 items), and it stores as it is. (The
 * plain scan finds the same with `ScanCodes`, which is quicker to prepare and slower to search.)
 */
export class CodeTails {
  /** While adding: the tails, each tail's item, and 1 when it is its item's whole code. */
  private tails: string[] = [];
  private tailItems: number[] = [];
  private tailWhole: number[] = [];
  /**
   * Once finished: `\n` + the tails joined by `\n` + `\n`; where each tail starts in it (and
   * where the one after the last would); each tail's item, and 1 when it is its item's whole code.
   */
  private text: string;
  private starts: Int32Array;
  private items: Int32Array;
  private whole: Uint8Array;
  /** Where each first character's group of tails is in the text (from its leading `\n`). */
  private groups = new Map<string, { from: number; to: number }>();

  /** Empty tails to `add` codes to, or those of a stored state. */
  constructor(state?: CodeTailsState) {
    this.text = state?.text ?? '\n\n';
    this.starts = state?.starts ?? Int32Array.of(1);
    this.items = state?.items ?? new Int32Array(0);
    this.whole = state?.whole ?? new Uint8Array(0);
    if (state) this.findGroups();
  }

  static fromState(state: unknown, itemCount: number): CodeTails | undefined {
    const st = state as Partial<CodeTailsState> | undefined;
    const { text, starts, items, whole } = st ?? {};
    if (typeof text !== 'string' || !(starts instanceof Int32Array) || !(items instanceof Int32Array) || !(whole instanceof Uint8Array)) {
      return undefined;
    }
    const n = items.length;
    if (whole.length !== n || starts.length !== n + 1 || starts[0] !== 1 || text[0] !== '\n' || (n > 0 && starts[n] !== text.length))
      return undefined;
    for (let t = 0; t < n; t++) {
      if (items[t] < 0 || items[t] >= itemCount || starts[t + 1] <= starts[t] || text[starts[t + 1] - 1] !== '\n') return undefined;
    }
    return new CodeTails({ text, starts, items, whole });
  }

  /** Adds item `item`'s code (items in ascending order). */
  add(item: number, code: string | undefined): void {
    if (!code) return;
    const tails = codeTails(segments(code));
    for (let t = 0; t < tails.length; t++) {
      this.tails.push(tails[t]);
      this.tailItems.push(item);
      this.tailWhole.push(t === 0 ? 1 : 0); // the first tail is the whole code
    }
  }

  /**
   * Joins what was added, grouped by first character (items ascending within a group), so a
   * lookup searches its own group's part of the text only. Plain loops over typed arrays: at
   * 20,000 items (40,000 tails, joined at the end of the index build), `flat()` took 10 ms and
   * `Int32Array.from` with a mapping function 11–18 ms in Node.
   */
  finish(): void {
    const { tails, tailItems, tailWhole } = this;
    const n = tails.length;
    // A counting sort by first character, groups in order of first appearance.
    const groupOf = new Map<number, number>();
    const sizes: number[] = [];
    const group = new Int32Array(n);
    for (let t = 0; t < n; t++) {
      const c = tails[t].charCodeAt(0);
      let g = groupOf.get(c);
      if (g === undefined) groupOf.set(c, (g = sizes.push(0) - 1));
      group[t] = g;
      sizes[g]++;
    }
    const next = new Int32Array(sizes.length);
    for (let g = 1; g < sizes.length; g++) next[g] = next[g - 1] + sizes[g - 1];
    const order = new Int32Array(n);
    for (let t = 0; t < n; t++) order[next[group[t]]++] = t;

    const ordered = new Array<string>(n);
    this.starts = new Int32Array(n + 1);
    this.items = new Int32Array(n);
    this.whole = new Uint8Array(n);
    this.starts[0] = 1;
    for (let k = 0; k < n; k++) {
      const t = order[k];
      ordered[k] = tails[t];
      this.starts[k + 1] = this.starts[k] + tails[t].length + 1;
      this.items[k] = tailItems[t];
      this.whole[k] = tailWhole[t];
    }
    this.text = `\n${ordered.join('\n')}\n`;
    this.tails = [];
    this.tailItems = [];
    this.tailWhole = [];
    this.findGroups();
  }

  /** Finds the groups: runs of tails with one first character (one run each, once finished). */
  private findGroups(): void {
    const { text, starts } = this;
    const n = starts.length - 1;
    this.groups = new Map();
    for (let t = 0; t < n;) {
      const c = text.charCodeAt(starts[t]);
      let end = t + 1;
      while (end < n && text.charCodeAt(starts[end]) === c) end++;
      const group = this.groups.get(text[starts[t]]);
      if (group) group.to = starts[end];
      else this.groups.set(text[starts[t]], { from: starts[t] - 1, to: starts[end] });
      t = end;
    }
  }

  toState(): CodeTailsState {
    const { text, starts, items, whole } = this;
    return { text, starts, items, whole };
  }

  /** Calls `visit` for each tail that starts with `prefix`, with its item and whether the tail is `prefix` itself. */
  forEachWithPrefix(prefix: string, visit: (item: number, exact: boolean) => void): void {
    if (!prefix) return;
    const group = this.groups.get(prefix[0]);
    if (!group) return;
    const { text, starts, items } = this;
    const needle = `\n${prefix}`;
    let tail = 0;
    for (let p = text.indexOf(needle, group.from); p >= 0 && p < group.to; p = text.indexOf(needle, p + 1)) {
      tail = itemAt(starts, p + 1, tail);
      visit(items[tail], text[p + 1 + prefix.length] === '\n');
    }
  }

  /** The items whose whole compact code is `key`, ascending. */
  withCode(key: string): number[] {
    const found: number[] = [];
    const group = key && this.groups.get(key[0]);
    if (!group) return found;
    const { text, starts, items, whole } = this;
    const needle = `\n${key}\n`;
    let tail = 0;
    for (let p = text.indexOf(needle, group.from); p >= 0 && p < group.to; p = text.indexOf(needle, p + 1)) {
      tail = itemAt(starts, p + 1, tail);
      if (whole[tail]) found.push(items[tail]);
    }
    return found;
  }
}
