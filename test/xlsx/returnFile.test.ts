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
});

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

  it('keeps credit codes and certificate numbers as text and blank cells as empty', () => {
    expect(csvGrid(Buffer.from('a,b\n0012, \n'), 'x.csv').sheets[0].cells).toEqual([
      ['a', 'b'],
      ['0012', null],
    ]);
  });
});
