/**
 * The problem catalogues: every code has an English and a Chinese text, and both are rendered
 * from the same arguments (a text that ignores an argument the other names has drifted).
 */
import { CATALOGUES, Code, problemText } from '../../src/engine/messages/catalogue';
import { problem } from '../../src/engine/errors';

const en = CATALOGUES['en-US'];
const zh = CATALOGUES['zh-CN'];

/** The arguments a text reads (`a.name`); texts take their arguments as `a`. */
function argsRead(text: (...x: never[]) => string): string[] {
  const source = text.toString();
  const param = /^\(?\s*(\w*)/.exec(source)?.[1] ?? '';
  if (param !== '' && param !== 'a')
    throw new Error(`a text's argument must be called a: ${source}`);
  return [...new Set([...source.matchAll(/\ba\.(\w+)/g)].map((m) => m[1]))].sort();
}

describe('problem catalogues', () => {
  it('have the same codes in en-US and zh-CN, and many of them', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en).length).toBeGreaterThan(80);
  });

  it.each(Object.keys(en))('%s reads the same arguments in both', (code) => {
    const c = code as Code;
    expect(argsRead(zh[c])).toEqual(argsRead(en[c]));
  });

  it('renders a problem that names another in the same language', () => {
    const inner = problem('alloc.maxBelowMin', 'units[1].max', { max: '1', min: '2' });
    const outer = problem('quotas.refused', 'targets[0] (a 2019)', {
      field: 'basis[3].max',
      unit: 'wulin',
      problem: inner,
    });
    expect(problemText(outer, 'en-US')).toBe('basis[3].max (unit "wulin"): 1 is below min 2');
    expect(problemText(outer, 'zh-CN')).toBe('basis[3].max（单位“wulin”）：上限 1 低于下限 2');
  });
});
