import type { Problem } from '../../src/engine/errors';
import { problemText } from '../../src/engine/messages/catalogue';

/** A problem as the user reads it: where, and its English and Chinese texts. */
export function worded(p: Problem): { where: string; message: string; zh: string } {
  return { where: p.where, message: problemText(p, 'en-US'), zh: problemText(p, 'zh-CN') };
}
