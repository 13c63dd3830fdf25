import * as iconv from 'iconv-lite';
import { csvGrid, decodeCsv, parseCsv } from '../../src/xlsx/returnFile';

describe('decodeCsv', () => {
  const text = '企业名称,证书编号\r\n杭州星河科技（集团）有限公司,GR1\r\n';
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['GB18030', iconv.encode(text, 'gb18030')],
    [
      'UTF-16 LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]),
    ],
  ])('reads %s', (_, bytes) => {
    expect(decodeCsv(bytes)).toBe(text);
  });

  it('reads bytes that are not well-formed UTF-8 as GB18030, however close to UTF-8 they are', () => {
    // A UTF-8 encoded surrogate (ED A0 80) and an overlong slash (C0 AF) are not UTF-8.
    for (const bad of [
      [0xed, 0xa0, 0x80],
      [0xc0, 0xaf],
      [0xe4, 0xbc],
    ]) {
      const bytes = Buffer.concat([Buffer.from('a,b\n', 'utf8'), Buffer.from(bad)]);
      expect(decodeCsv(bytes)).toBe(iconv.decode(bytes, 'gb18030'));
    }
  });
});

/** The CSV reading parseCsv had before it sliced runs (one character at a time): the oracle. */
function parseCsvByCharacter(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF or LF', () => {
    expect(parseCsv('a,"b,1","c ""x""",d\n"多\n行",,3\r\nlast')).toEqual([
      ['a', 'b,1', 'c "x"', 'd'],
      ['多\n行', '', '3'],
      ['last'],
    ]);
  });

  it('reads a tab-separated export by tabs', () => {
    expect(parseCsv('企业名称\t证书编号\n杭州甲,有限公司\tGR1\n')).toEqual([
      ['企业名称', '证书编号'],
      ['杭州甲,有限公司', 'GR1'],
    ]);
  });

  it('decides the separator by the header row, not by a title line above it', () => {
    const title = '2019年认定名单（第一批, 第二批）';
    expect(parseCsv(`${title}\n\n序号\t企业名称\t证书编号\n1\t杭州甲,有限公司\tGR1\n`)).toEqual([
      [title],
      [''],
      ['序号', '企业名称', '证书编号'],
      ['1', '杭州甲,有限公司', 'GR1'],
    ]);
    expect(parseCsv(`${title}\n序号,企业名称,证书编号\n1,"杭州\t甲",GR1\n`)).toEqual([
      ['2019年认定名单（第一批', ' 第二批）'],
      ['序号', '企业名称', '证书编号'],
      ['1', '杭州\t甲', 'GR1'],
    ]);
  });

  it('reads every arrangement of quotes, separators and line ends as reading one character at a time did', () => {
    let seed = 13;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const texts = (alphabet: string[]) =>
      Array.from({ length: 3000 }, (_, n) => {
        let text = '';
        for (let k = n % 40; k >= 0; k--) text += alphabet[random(alphabet.length)];
        return text;
      });
    for (const text of texts(['"', ',', '\n', '\r', 'a', '企', ' ']))
      expect([text, parseCsv(text)]).toEqual([text, parseCsvByCharacter(text, ',')]);
    // Without commas the separator is the tab when the first lines have tabs outside quotes (the
    // tests above cover that choice); either way the fields are the oracle's for that separator.
    for (const text of texts(['"', '\t', '\n', '\r', 'a', '企', ' '])) {
      const rows = parseCsv(text);
      expect([parseCsvByCharacter(text, '\t'), parseCsvByCharacter(text, ',')]).toContainEqual(
        rows,
      );
    }
    // Quoted fields spanning lines, doubled quotes, a quote inside a field, an open quote at the end.
    const text = 'x,"a""b\r\nc",d"e,""\n"",""f"\r"open,\n';
    expect(parseCsv(text)).toEqual(parseCsvByCharacter(text, ','));
    expect(parseCsv(text)).toEqual([['x', 'a"b\r\nc', 'd"e', ''], ['', 'f"'], ['open,\n']]);
  });

  it('keeps credit codes and certificate numbers as text and blank cells as empty', () => {
    expect(csvGrid(Buffer.from('a,b\n0012, \n'), 'x.csv').sheets[0].cells).toEqual([
      ['a', 'b'],
      ['0012', null],
    ]);
  });
});
