import { parseTextNumber } from '../../src/engine/textNumber';

describe('parseTextNumber', () => {
  it.each([
    ['12', 12],
    ['１２', 12],
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['12  ', 12],
    ['\u300012\u3000', 12],
    ['\u00a07\u00a0', 7],
    ['1,234,567.5', 1234567.5],
    ['3.25', 3.25],
    ['－3', -3],
    ['-3', -3],
    ['0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseTextNumber(text)).toEqual({ kind: 'number', value, text: expect.any(String) });
  });

  it.each(['', '   ', '\u3000'])('reads %j as blank', (text) => {
    expect(parseTextNumber(text)).toEqual({ kind: 'blank' });
  });

  it.each([
    ['1,23', '「1,23」的千分位逗号位置不对，无法确定数值'],
    ['12,34,567', '「12,34,567」的千分位逗号位置不对，无法确定数值'],
    ['1.234,5', '「1.234,5」有多种读法，无法确定数值'],
    ['1 234', '「1 234」有多种读法，无法确定数值'],
    ['1.2.3', '「1.2.3」有多种读法，无法确定数值'],
    ['十二', '「十二」不是数字'],
    ['12家', '「12家」不是数字'],
    ['1e3', '「1e3」不是数字'],
    ['=1+1', '「=1+1」不是数字'],
  ])('refuses %j', (text, reason) => {
    expect(parseTextNumber(text)).toEqual({ kind: 'invalid', reason });
  });
});
