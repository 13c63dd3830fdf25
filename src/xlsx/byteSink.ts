/**
 * Text written as UTF-8 bytes into one growing buffer. A big sheet's rendered XML built as strings
 * (one per row, joined, then encoded) stays on the JS heap through many young-generation
 * collections, each copying it again; written here, each row's string dies young and the XML lives
 * outside the heap. Buffer's write encodes in place (TextEncoder's encodeInto needs a new view per
 * write); the browser's polyfilled Buffer never gets here (it has no lean sheets).
 */
export class ByteSink {
  private bytes: Buffer;
  private length = 0;

  /**
   * `capacity`: the bytes expected. Growing copies everything written so far; room allocated and
   * never written costs address space only (the system maps pages when they are first written).
   */
  constructor(capacity = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const need = this.length + 3 * text.length;
    if (need > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, 2 * this.bytes.length));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  /** The bytes written so far (a view of the buffer, not a copy). */
  written(): Buffer {
    return this.bytes.subarray(0, this.length);
  }
}
