import type { Problem } from '../../src/engine/errors';
import { problemText } from '../../src/engine/messages/catalogue';

/** A problem as the user reads it: where, and its English and Chinese texts. */
export function worded(p: Problem): { where: string; message: string; zh: string } {
  return { where: p.where, message: problemText(p, 'en-US'), zh: problemText(p, 'zh-CN') };
}

/** What `f` throws, as its problems' codes and Chinese texts. */
export function thrownZh(f: () => unknown): { code: string; zh: string }[] {
  try {
    f();
  } catch (e) {
    const problems = (e as { problems?: Problem[] }).problems;
    if (!problems) throw e;
    return problems.map((p) => ({ code: p.code, zh: problemText(p, 'zh-CN') }));
  }
  throw new Error('expected a refusal');
}
