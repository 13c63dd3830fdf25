import { worded } from '../support/problems';
import { InputError } from '../../src/engine/errors';
import { formatPeriod, parsePeriod } from '../../src/engine/period';

describe('periods', () => {
  it('reads quarters and reads a bare year as its fourth quarter', () => {
    expect(parsePeriod('2019Q3')).toEqual({ year: 2019, quarter: 3 });
    expect(parsePeriod('2020q1')).toEqual({ year: 2020, quarter: 1 });
    expect(parsePeriod('2019')).toEqual({ year: 2019, quarter: 4 });
    expect(parsePeriod('2019')).toEqual(parsePeriod('2019Q4'));
  });

  it('prints the canonical form with the quarter', () => {
    expect(formatPeriod({ year: 2019, quarter: 3 })).toBe('2019Q3');
    expect(formatPeriod(parsePeriod('2019'))).toBe('2019Q4');
  });

  it.each(['2019Q5', '2019Q0', '19', '2019Q', ' 2019', '2019-Q3', '2019年', ''])(
    'refuses %j naming where it came from',
    (text) => {
      let error: unknown;
      try {
        parsePeriod(text, 'actuals[0].period');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems.map(worded)).toEqual([
        {
          where: 'actuals[0].period',
          message: `not a period: ${JSON.stringify(text)} (expected a year such as 2019 or a quarter such as 2019Q3)`,
          zh: `不是有效的考核期：“${text}”（应为年份，如“2019”；或季度，如“2019Q3”）`,
        },
      ]);
    },
  );
});
