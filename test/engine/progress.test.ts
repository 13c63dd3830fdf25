import { exactThresholds, progress, statusOf } from '../../src/engine/progress';
import { Rational } from '../../src/engine/rational';

const r = (x: number) => Rational.fromNumber(x);
const th = exactThresholds({ ahead: 1, warn: 0.8 });
const view = (p: ReturnType<typeof progress>) => ({
  milestone: p.milestone.toString(),
  rate: p.rate?.toString() ?? null,
  timely: p.timely?.toString() ?? null,
  status: p.status,
});

describe('progress', () => {
  it('sets the status by timeliness: ahead from `ahead`, behind from `warn`, lagging below, none without a milestone', () => {
    expect(statusOf(r(1), th)).toBe('ahead');
    expect(statusOf(r(0.9999999), th)).toBe('behind');
    expect(statusOf(r(0.8), th)).toBe('behind');
    expect(statusOf(r(0.7999999), th)).toBe('lagging');
    expect(statusOf(Rational.ZERO, th)).toBe('lagging');
    expect(statusOf(null, th)).toBe('none');
    const strict = exactThresholds({ ahead: 1.1, warn: 1 });
    expect([
      statusOf(r(1.1), strict),
      statusOf(r(1.09), strict),
      statusOf(r(1), strict),
      statusOf(r(0.99), strict),
    ]).toEqual(['ahead', 'behind', 'behind', 'lagging']);
  });

  it('computes M = Q · share, r = A / Q and t = A / M exactly', () => {
    expect(view(progress(r(28), r(20), r(0.2), th))).toEqual({
      milestone: '28/5',
      rate: '5/7',
      timely: '25/7',
      status: 'ahead',
    });
    expect(view(progress(r(3), r(0.3), r(0.1), th))).toEqual({
      milestone: '3/10',
      rate: '1/10',
      timely: '1',
      status: 'ahead',
    });
  });

  it('has no rate without a quota and no timeliness without a milestone', () => {
    expect(view(progress(Rational.ZERO, r(2), r(0.5), th))).toEqual({
      milestone: '0',
      rate: null,
      timely: null,
      status: 'none',
    });
    expect(view(progress(r(4), r(2), Rational.ZERO, th))).toEqual({
      milestone: '0',
      rate: '1/2',
      timely: null,
      status: 'none',
    });
  });
});
