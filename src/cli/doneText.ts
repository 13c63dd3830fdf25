/**
 * What init, run, templates and bulletin print when they have written their files, in the CLI's
 * language. The Chinese lines are those these commands always printed.
 */
import type { Lang } from '../engine/messages/catalogue';

const zh = {
  created: (file: string, units: number, indicators: number) =>
    `${file}: 计划簿已创建（${units} 个单位，${indicators} 个指标）`,
  ran: (file: string, period: string, units: number, sheet: string, history: number) =>
    `${file}: 已计算 ${period}（${units} 个单位），生成「${sheet}」` +
    (history ? `；被替换的 ${history} 行旧结果已存入 TD_History` : ''),
  templateSame: (file: string) => `${file}  已存在且内容相同，跳过`,
  template: (file: string, indicators: number) => `${file}  (${indicators} 项指标)`,
  templates: (n: number) => `生成 ${n} 份季度报表模板`,
  document: (file: string, name: string, period: string) =>
    `${file}: 已生成公文「${name}」（${period}）`,
};

const en: typeof zh = {
  created: (file, units, indicators) =>
    `${file}: plan workbook created (${units} ${units === 1 ? 'unit' : 'units'}, ${indicators} ${indicators === 1 ? 'indicator' : 'indicators'})`,
  ran: (file, period, units, sheet, history) =>
    `${file}: ${period} computed (${units} ${units === 1 ? 'unit' : 'units'}), bulletin sheet "${sheet}" written` +
    (history
      ? `; the ${history} replaced ${history === 1 ? 'row' : 'rows'} of earlier results kept in TD_History`
      : ''),
  templateSame: (file) => `${file}  exists with the same content, skipped`,
  template: (file, indicators) =>
    `${file}  (${indicators} ${indicators === 1 ? 'indicator' : 'indicators'})`,
  templates: (n) =>
    `${n} quarterly return ${n === 1 ? 'template' : 'templates'} (季度报表) written`,
  document: (file, _name, period) => `${file}: bulletin document (公文) for ${period} written`,
};

export function doneWords(lang: Lang): typeof zh {
  return lang === 'zh-CN' ? zh : en;
}
