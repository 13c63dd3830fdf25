import type { bookEn } from '../en/book';

export const bookZh: typeof bookEn = {
  'cell.notNumber': (a) => `不是数字：${a.shown}，请填写数值`,
  'cell.notFinite': (a) => `不是有限数值：${a.shown}，请填写实际数值`,
  'cell.notWhole': (a) => `不是整数：${a.got}`,
  'cell.badTier': (a) => `分档写法有误：“${a.text}”，应为“完成率:系数”对，如“1:1; 0.8:0.8”`,
};
