import { DEFAULT_GRADES, DEFAULT_STATUS, blankScenario } from '../../src/engine/defaults';

describe('a blank plan', () => {
  it('holds the default grades and status thresholds, as copies a user may change', () => {
    const a = blankScenario();
    expect(a.scoring).toEqual({
      rules: [],
      grades: [
        { name: '优秀', min: 90 },
        { name: '良好', min: 75 },
        { name: '合格', min: 60 },
        { name: '不合格', min: 0 },
      ],
      status: { ahead: 1, warn: 0.8 },
    });
    a.scoring.grades[0].min = 95;
    a.scoring.status!.ahead = 1.1;
    expect([DEFAULT_GRADES[0].min, DEFAULT_STATUS.ahead]).toEqual([90, 1]);
    expect(blankScenario().scoring.grades[0].min).toBe(90);
  });
});
