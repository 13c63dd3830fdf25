/**
 * A binary heap of the integers 0..n-1 whose keys change: after an element's key changes,
 * `update` restores the order in O(log n). `above(a, b)` says a belongs nearer the top than b.
 */
export class IndexedHeap {
  private readonly items: number[] = [];
  private readonly pos: Int32Array;

  constructor(
    n: number,
    private readonly above: (a: number, b: number) => boolean,
  ) {
    this.pos = new Int32Array(n).fill(-1);
  }

  /** The top element, or -1 when empty. */
  top(): number {
    return this.items.length ? this.items[0] : -1;
  }

  has(x: number): boolean {
    return this.pos[x] >= 0;
  }

  push(x: number): void {
    this.pos[x] = this.items.length;
    this.items.push(x);
    this.siftUp(this.pos[x]);
  }

  remove(x: number): void {
    const at = this.pos[x];
    const last = this.items.pop()!;
    this.pos[x] = -1;
    if (last === x) return;
    this.items[at] = last;
    this.pos[last] = at;
    this.update(last);
  }

  update(x: number): void {
    this.siftDown(this.siftUp(this.pos[x]));
  }

  private siftUp(at: number): number {
    const x = this.items[at];
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const p = this.items[parent];
      if (!this.above(x, p)) break;
      this.items[at] = p;
      this.pos[p] = at;
      at = parent;
    }
    this.items[at] = x;
    this.pos[x] = at;
    return at;
  }

  private siftDown(at: number): void {
    const x = this.items[at];
    const n = this.items.length;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && this.above(this.items[child + 1], this.items[child])) child++;
      const c = this.items[child];
      if (!this.above(c, x)) break;
      this.items[at] = c;
      this.pos[c] = at;
      at = child;
    }
    this.items[at] = x;
    this.pos[x] = at;
  }
}
