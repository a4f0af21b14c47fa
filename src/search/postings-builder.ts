/** An index's words and the items each occurs in, as `SearchIndex` keeps them. */
export interface Postings {
  /** Sorted words. */
  vocabulary: string[];
  /** Items of word `p`: `postingItems[postingStart[p] … postingStart[p + 1])`, ascending. */
  postingStart: Int32Array;
  postingItems: Int32Array;
  /** The weight of the best field the word occurs in, per entry of `postingItems`. */
  postingWeights: Float32Array;
}

/**
 * Collects which words occur in which items while an index is built, in flat typed arrays (no
 * map or array per item or per word, so building 20,000 items leaves little for the garbage
 * collector), then packs them into postings in vocabulary order.
 */
export class PostingsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  /** Per word id, its last entry (an item's entry is updated in place when the word recurs). */
  private lastEntry = new Int32Array(1024).fill(-1);
  private entryWord = new Int32Array(8192);
  private entryItem = new Int32Array(8192);
  private entryWeight = new Float32Array(8192);
  private size = 0;

  /** `word` occurs in `item` in a field of `weight`; items come in ascending order, the best weight is kept. */
  add(word: string, item: number, weight: number): void {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      if (id === this.lastEntry.length) {
        const grown = new Int32Array(id * 2).fill(-1);
        grown.set(this.lastEntry);
        this.lastEntry = grown;
      }
    } else {
      const at = this.lastEntry[id];
      if (at >= 0 && this.entryItem[at] === item) {
        if (weight > this.entryWeight[at]) this.entryWeight[at] = weight;
        return;
      }
    }
    if (this.size === this.entryWord.length) this.grow();
    this.entryWord[this.size] = id;
    this.entryItem[this.size] = item;
    this.entryWeight[this.size] = weight;
    this.lastEntry[id] = this.size++;
  }

  /** The postings, words sorted (a counting sort of the entries by word keeps items ascending). */
  pack(): Postings {
    const { words, size, entryWord, entryItem, entryWeight } = this;
    const order = words.map((_, id) => id).sort((a, b) => (words[a] < words[b] ? -1 : words[a] > words[b] ? 1 : 0));
    const rank = new Int32Array(words.length);
    order.forEach((id, p) => (rank[id] = p));
    const postingStart = new Int32Array(words.length + 1);
    for (let k = 0; k < size; k++) postingStart[rank[entryWord[k]] + 1]++;
    for (let p = 0; p < words.length; p++) postingStart[p + 1] += postingStart[p];
    const cursor = postingStart.slice(0, words.length);
    const postingItems = new Int32Array(size);
    const postingWeights = new Float32Array(size);
    for (let k = 0; k < size; k++) {
      const at = cursor[rank[entryWord[k]]]++;
      postingItems[at] = entryItem[k];
      postingWeights[at] = entryWeight[k];
    }
    return { vocabulary: order.map(id => words[id]), postingStart, postingItems, postingWeights };
  }

  private grow(): void {
    const capacity = this.entryWord.length * 2;
    const word = new Int32Array(capacity);
    const item = new Int32Array(capacity);
    const weight = new Float32Array(capacity);
    word.set(this.entryWord);
    item.set(this.entryItem);
    weight.set(this.entryWeight);
    this.entryWord = word;
    this.entryItem = item;
    this.entryWeight = weight;
  }
}
