/**
 * Many strings as one string and where each ends: how the search index stores its words and
 * codes. IndexedDB copies a value with the structured-clone algorithm on the main thread, one
 * string at a time: 200,000 strings and a Map took a 150 ms task at 50,000 items, where one string
 * and a typed array are a copy of their bytes.
 */
export interface PackedStrings {
  text: string;
  ends: Int32Array;
}

export function packStrings(list: readonly string[]): PackedStrings {
  const ends = new Int32Array(list.length);
  let at = 0;
  for (let i = 0; i < list.length; i++) ends[i] = at += list[i].length;
  return { text: list.join(''), ends };
}

/** The strings of `packStrings`; `undefined` when `packed` is not one (damaged, another format). */
export function unpackStrings(packed: unknown): string[] | undefined {
  if (!isPacked(packed)) return undefined;
  const { text, ends } = packed;
  const list = new Array<string>(ends.length);
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i];
    if (end < from || end > text.length) return undefined;
    list[i] = text.slice(from, end);
    from = end;
  }
  return from === text.length ? list : undefined;
}

function isPacked(value: unknown): value is PackedStrings {
  const v = value as Partial<PackedStrings> | null | undefined;
  return typeof v?.text === 'string' && v.ends instanceof Int32Array;
}
