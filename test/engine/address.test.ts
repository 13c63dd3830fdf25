import {
  columnFromLetters,
  columnName,
  decodeCell,
  parseRange,
  plainRange,
} from '../../src/engine/address';

describe('A1 addresses', () => {
  it('reads column letters as columnName writes them, through XFD', () => {
    for (const c of [0, 1, 25, 26, 27, 51, 52, 701, 702, 703, 16383])
      expect(columnFromLetters(columnName(c))).toBe(c);
    expect(columnFromLetters('XFD')).toBe(16383);
    expect(decodeCell('$ab$12')).toEqual({ col: 27, row: 12 });
  });

  it('reads a plain range as parseRange does, corners in either order', () => {
    for (const ref of ['B2', 'A1:F9', 'F9:A1', 'C10:B3', 'AA100:XFD1048576'])
      expect(plainRange(ref)).toEqual(parseRange(ref));
  });

  it('leaves other forms to the caller: anchors, small letters, whole columns, spaces', () => {
    for (const ref of ['$A$1', 'A1:$B$2', 'a1', 'A:A', ' A1', 'A1:B', 'ABCD1', ''])
      expect(plainRange(ref)).toBeNull();
  });
});
