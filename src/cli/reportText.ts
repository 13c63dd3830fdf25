/**
 * The words of the import reports (import-returns, import-list) in the CLI's language. Their
 * problems are rendered from the catalogues; the Chinese lines are those the reports always had.
 */
import { Discrepancy } from '../engine/bulletin';
import { formatProblemIn, Problem } from '../engine/errors';
import type { Lang } from '../engine/messages/catalogue';

type Change = { old: number | null; new: number | null };

const zh = {
  empty: '空',
  returnHead: (accepted: boolean, unit: string, period: string) =>
    `${accepted ? '已导入' : '已拒绝'}  单位 ${unit}  报送期 ${period}`,
  unitWithId: (name: string, id: string) => `${name}（${id}）`,
  changes: (n: number, each: string[]) => `  变更 ${n} 项${each.map((c) => `；${c}`).join('')}`,
  notReported: (ids: string[]) => `  未填报（不按0计）：${ids.join('、')}`,
  discrepancy: (what: string, d: Discrepancy) =>
    `  核对差异 ${what}：报表 ${d.reported}，认定名单 ${d.listed}（以名单为准）`,
  warning: '  提示 ',
  error: '  错误 ',
  returnsTotal: (n: number, accepted: number, rejected: number) =>
    `共 ${n} 份：导入 ${accepted} 份，拒绝 ${rejected} 份`,
  listHead: (indicator: string, rows: number, matched: number, unmatched: number, dup: number) =>
    `指标 ${indicator}，名单 ${rows} 行，匹配 ${matched}，未匹配 ${unmatched}，重复证书 ${dup}`,
  unmatched: (row: number, name: string) =>
    `  未匹配 第${row}行 ${name}（在认定名单表填写单位编号后重新导入，或用 --assign）`,
  duplicate: (row: number, name: string, certificate: string) =>
    `  重复 第${row}行 ${name} 证书 ${certificate}（只计一次）`,
  registryAdded: (name: string, unit: string) => `  企业库记住：${name} → ${unit}`,
};

const en: typeof zh = {
  empty: 'empty',
  returnHead: (accepted, unit, period) =>
    `${accepted ? 'imported' : 'refused'}  unit ${unit}  period ${period}`,
  unitWithId: (name, id) => `${name} (${id})`,
  changes: (n, each) =>
    `  ${n} ${n === 1 ? 'change' : 'changes'}${each.map((c) => `; ${c}`).join('')}`,
  notReported: (ids) => `  not reported (not counted as 0): ${ids.join(', ')}`,
  discrepancy: (what, d) =>
    `  discrepancy ${what}: return ${d.reported}, recognition list ${d.listed} (the list counts)`,
  warning: '  note ',
  error: '  error ',
  returnsTotal: (n, accepted, rejected) =>
    `${n} ${n === 1 ? 'file' : 'files'}: ${accepted} imported, ${rejected} refused`,
  listHead: (indicator, rows, matched, unmatched, dup) =>
    `indicator ${indicator}, ${rows} ${rows === 1 ? 'row' : 'rows'} in the list, ${matched} matched, ${unmatched} unmatched, ${dup} repeated ${dup === 1 ? 'certificate' : 'certificates'}`,
  unmatched: (row, name) =>
    `  unmatched row ${row} ${name} (type its unit id in the 认定名单 sheet and import again, or use --assign)`,
  duplicate: (row, name, certificate) =>
    `  repeated row ${row} ${name} certificate ${certificate} (counted once)`,
  registryAdded: (name, unit) => `  registry (企业库) now places ${name} → ${unit}`,
};

export type ReportWords = typeof zh & {
  /** `where: text` of a problem, in the same language. */
  problem(p: Problem): string;
  /** `3 → 4` with empty values named. */
  change(c: Change): string;
};

export function reportWords(lang: Lang): ReportWords {
  const words = lang === 'zh-CN' ? zh : en;
  return {
    ...words,
    problem: (p) => formatProblemIn(p, lang),
    change: (c) => `${c.old ?? words.empty} → ${c.new ?? words.empty}`,
  };
}
