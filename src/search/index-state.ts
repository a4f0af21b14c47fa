import { CodeTails, type CodeTailsState } from './code-tails.js';
import { packStrings, type PackedStrings, unpackStrings } from './packed-strings.js';

/**
 * Version of `SearchIndexState`: bump whenever what the index holds changes (tokenising,
 * weights, codes), so indexes stored by an older picker are rebuilt instead of used.
 */
const STATE_FORMAT = 3; // 2: words of unspaced scripts segmented, CJK suffixes indexed; 3: packed, whole codes among the tails

/**
 * A built index as plain data, as IndexedDB stores it: typed arrays and packed strings, which
 * copy fast (see `packStrings`).
 */
export interface SearchIndexState {
  format: number;
  itemCount: number;
  codeOf: PackedStrings;
  statementLength: Int32Array;
  vocabulary: PackedStrings;
  postingStart: Int32Array;
  postingItems: Int32Array;
  postingWeights: Float32Array;
  codeTails: CodeTailsState;
}

/** What an index holds once built (what `fromState` restores from a stored state). */
export interface IndexData {
  codeOf: string[];
  statementLength: number[];
  vocabulary: string[];
  postingStart: Int32Array;
  postingItems: Int32Array;
  postingWeights: Float32Array;
  codeTails: CodeTails;
}

/** `data` as it is stored. */
export function toState(data: IndexData, itemCount: number): SearchIndexState {
  const { codeOf, statementLength, vocabulary, postingStart, postingItems, postingWeights, codeTails } = data;
  return {
    format: STATE_FORMAT,
    itemCount,
    codeOf: packStrings(codeOf),
    statementLength: Int32Array.from(statementLength),
    vocabulary: packStrings(vocabulary),
    postingStart,
    postingItems,
    postingWeights,
    codeTails: codeTails.toState(),
  };
}

/** The data of a stored state of `itemCount` items; `undefined` when it is not one (another format, other items, damaged). */
export function fromState(state: unknown, itemCount: number): IndexData | undefined {
  const st = state as Partial<SearchIndexState> | undefined;
  const n = itemCount;
  if (st?.format !== STATE_FORMAT || st.itemCount !== n) return undefined;
  const codeOf = unpackStrings(st.codeOf);
  const vocabulary = unpackStrings(st.vocabulary);
  const codeTails = CodeTails.fromState(st.codeTails, n);
  const { statementLength, postingStart, postingItems, postingWeights } = st;
  const valid =
    codeOf?.length === n &&
    statementLength instanceof Int32Array &&
    statementLength.length === n &&
    vocabulary &&
    postingStart instanceof Int32Array &&
    postingStart.length === vocabulary.length + 1 &&
    postingItems instanceof Int32Array &&
    postingWeights instanceof Float32Array &&
    postingWeights.length === postingItems.length &&
    postingStart[vocabulary.length] === postingItems.length &&
    ascending(postingStart) &&
    allBelow(postingItems, n) &&
    codeTails;
  if (!valid) return undefined;
  return {
    codeOf,
    statementLength: Array.from(statementLength),
    vocabulary,
    postingStart,
    postingItems,
    postingWeights,
    codeTails,
  };
}

// Plain loops: `every` with a callback over a few hundred thousand postings costs several times more.
function ascending(a: Int32Array): boolean {
  if (a[0] !== 0) return false;
  for (let p = 1; p < a.length; p++) if (a[p] < a[p - 1]) return false;
  return true;
}

function allBelow(a: Int32Array, n: number): boolean {
  for (let p = 0; p < a.length; p++) if (a[p] < 0 || a[p] >= n) return false;
  return true;
}
