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
    ['1,23', 'grouping'],
    ['12,34,567', 'grouping'],
    ['1.234,5', 'ambiguous'],
    ['1 234', 'ambiguous'],
    ['1.2.3', 'ambiguous'],
    ['十二', 'notNumber'],
    ['12家', 'notNumber'],
    ['1e3', 'notNumber'],
    ['=1+1', 'notNumber'],
  ])('refuses %j', (text, reason) => {
    expect(parseTextNumber(text)).toEqual({ kind: 'invalid', reason });
  });
});
