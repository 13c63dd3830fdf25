import { ByteSink } from '../../src/xlsx/byteSink';

describe('ByteSink', () => {
  it('holds the UTF-8 of everything written, across growing its buffer, as Node encodes it', () => {
    const sink = new ByteSink();
    const pieces: string[] = [];
    // ~200 KB of ASCII, CJK and astral (surrogate pair) text: the 64 KB buffer grows twice.
    for (let i = 0; i < 4000; i++) {
      const piece = `<c r="A${i}"><v>${i}</v></c>杭州${i % 7 ? '' : '𠮷'}科技有限公司`;
      pieces.push(piece);
      sink.write(piece);
    }
    sink.write('');
    const expected = Buffer.from(pieces.join(''), 'utf8');
    expect(expected.length).toBeGreaterThan(3 * 65536);
    expect(Buffer.compare(sink.written(), expected)).toBe(0);
  });

  it('takes one piece bigger than its whole buffer', () => {
    const sink = new ByteSink();
    const big = '名'.repeat(100_000);
    sink.write('a');
    sink.write(big);
    expect(sink.written().toString('utf8')).toBe(`a${big}`);
  });
});
