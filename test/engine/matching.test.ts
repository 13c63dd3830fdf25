import { buildMatcher, normalizeCreditCode, normalizeName } from '../../src/engine/matching';

describe('normalizeName', () => {
  it('makes full-width brackets, spaces and Latin case irrelevant', () => {
    expect(normalizeName('杭州某某科技（集团）有限公司')).toBe('杭州某某科技(集团)有限公司');
    expect(normalizeName(' 杭州 某某\u3000科技 (集团)有限公司\t')).toBe(
      '杭州某某科技(集团)有限公司',
    );
    expect(normalizeName('杭州ａｂｃ Tech 有限公司')).toBe('杭州ABCTECH有限公司');
    expect(normalizeName('Hangzhou eBay 科技')).toBe('HANGZHOUEBAY科技');
  });

  it('normalises credit codes the same way', () => {
    expect(normalizeCreditCode('９１３３０１０３ma27ab1234 ')).toBe('91330103MA27AB1234');
  });
});

describe('buildMatcher', () => {
  const m = buildMatcher([
    { name: '杭州某某科技（集团）有限公司', creditCode: '91330103MA27AB1234', unit: 'wulin' },
    { name: '浙江甲乙网络有限公司杭州分公司', unit: 'tianshui' },
    { name: '杭州同名科技有限公司', creditCode: '91330103MA27CD0001', unit: 'chaohui' },
    { name: '杭州同名科技有限公司', creditCode: '91330103MA27CD0002', unit: 'shiqiao' },
    { name: '杭州ABC软件有限公司', unit: 'wenhui' },
  ]);

  it('matches by credit code first, whatever the name says', () => {
    expect(m.match('完全不同的名字', '91330103ma27ab1234')).toEqual({
      status: 'matched',
      unit: 'wulin',
      by: 'code',
      registryIndex: 0,
    });
  });

  it('falls back to the normalised name', () => {
    expect(m.match('杭州某某科技(集团)有限公司', '')).toEqual({
      status: 'matched',
      unit: 'wulin',
      by: 'name',
      registryIndex: 0,
    });
    expect(m.match('浙江甲乙网络有限公司 杭州分公司', '91330103XXXXXXXXXX')).toEqual({
      status: 'matched',
      unit: 'tianshui',
      by: 'name',
      registryIndex: 1,
    });
    expect(m.match('杭州abc软件有限公司')).toEqual({
      status: 'matched',
      unit: 'wenhui',
      by: 'name',
      registryIndex: 4,
    });
  });

  it('reports a name shared by two units as ambiguous, unless the code settles it', () => {
    expect(m.match('杭州同名科技有限公司')).toEqual({
      status: 'ambiguous',
      units: ['chaohui', 'shiqiao'],
    });
    expect(m.match('杭州同名科技有限公司', '91330103MA27CD0002').status).toBe('matched');
  });

  it('leaves an unknown enterprise unmatched', () => {
    expect(m.match('杭州不存在有限公司', '91330103MA27ZZZZZZ')).toEqual({ status: 'unmatched' });
    expect(m.match('杭州某某科技有限公司')).toEqual({ status: 'unmatched' });
  });
});
