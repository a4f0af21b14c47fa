const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const ZERO = 48;
const NINE = 57;
/** Weight of the digits, between punctuation's and letters'. */
const DIGITS = 500;
/** Longer runs of digits are left to the collator. */
const MAX_DIGITS = 64;

/**
 * Primary weights of printable ASCII, in the order this runtime's collator gives them: space and
 * punctuation by rank (equal characters share one), then digits (compared as numbers), then
 * letters without case. `undefined` when the collator does not order them that way, which turns
 * the fast path off.
 */
const WEIGHTS = (() => {
  const weights = new Int16Array(128).fill(-1);
  const others: string[] = [];
  for (let c = 32; c < 127; c++) {
    const ch = String.fromCharCode(c);
    if (c >= ZERO && c <= NINE) weights[c] = DIGITS;
    else if (/[a-z]/i.test(ch)) weights[c] = DIGITS + 1 + (ch.toLowerCase().charCodeAt(0) - 97);
    else others.push(ch);
  }
  others.sort(collator.compare);
  let rank = 0;
  others.forEach((ch, i) => {
    if (i > 0 && collator.compare(others[i - 1], ch) !== 0) rank++;
    weights[ch.charCodeAt(0)] = rank;
  });
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const ordered =
    collator.compare(others[others.length - 1], '0') < 0 &&
    collator.compare('9', 'a') < 0 &&
    [...letters].every((ch, i) => i === 0 || collator.compare(letters[i - 1], ch) < 0) &&
    collator.compare('a', 'A') === 0;
  return ordered && rank < DIGITS ? weights : undefined;
})();

/** The end of the run of digits starting at `i`. */
function digitsEnd(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) >= ZERO && s.charCodeAt(i) <= NINE) i++;
  return i;
}

/** Compares two printable-ASCII strings as the collator does; `undefined` for anything else. */
function compareAscii(a: string, b: string, weights: Int16Array): number | undefined {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    const wa = ca < 128 ? weights[ca] : -1;
    const wb = cb < 128 ? weights[cb] : -1;
    if (wa < 0 || wb < 0) return undefined;
    if (wa !== wb) return wa - wb;
    if (wa !== DIGITS) {
      i++;
      j++;
      continue;
    }
    // Two numbers: by value, leading zeros aside.
    const endA = digitsEnd(a, i);
    const endB = digitsEnd(b, j);
    if (endA - i > MAX_DIGITS || endB - j > MAX_DIGITS) return undefined;
    while (i < endA - 1 && a.charCodeAt(i) === ZERO) i++;
    while (j < endB - 1 && b.charCodeAt(j) === ZERO) j++;
    if (endA - i !== endB - j) return endA - i - (endB - j);
    for (; i < endA; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) - b.charCodeAt(j);
  }
  // One is a prefix of the other: the shorter first. The rest must be ASCII to say so.
  for (let k = i; k < a.length; k++) if (a.charCodeAt(k) >= 128 || weights[a.charCodeAt(k)] < 0) return undefined;
  for (let k = j; k < b.length; k++) if (b.charCodeAt(k) >= 128 || weights[b.charCodeAt(k)] < 0) return undefined;
  return a.length - i - (b.length - j);
}

/**
 * Natural order for codes and enumerations: `2` before `10`, case-insensitive. Printable ASCII
 * (nearly every code) is compared in a loop over weights taken from the collator itself, with
 * the same signs (tested against it): a call into the collator cost about 75 ns, and a one-letter
 * code query sorts thousands of codes (1.7 of 3.5 ms for `nb` at 20,000 items in Node).
 */
export function naturalCompare(a: string, b: string): number {
  const fast = WEIGHTS && compareAscii(a, b, WEIGHTS);
  return fast === undefined ? collator.compare(a, b) : Math.sign(fast);
}
