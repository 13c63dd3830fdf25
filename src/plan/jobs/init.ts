/**
 * `init`: a new plan workbook for a scenario — the 说明 cover sheet, one sheet per table group
 * (SPEC §7) with drop-down lists, number checks, frozen header rows and widths, and a TD_Log row.
 */
import type { Scenario } from '../../engine/types';
import {
  COVER_SHEET,
  LOG_ACTIONS,
  TABLE_ORDER,
  TABLES,
  TableName,
  tableColumns,
} from '../bookSchema';
import { tableValidations } from '../tableValidations';
import { decodeCell } from '../../engine/address';
import { rowCells, scenarioToTables } from '../tableRows';
import type { BookPlan, PlanCell, RangeWrite, SheetPlan, TablePlan } from '../types';

export const BOOK_VERSION = '1';

export interface InitOptions {
  /** ISO time written to TD_Log. */
  now?: string;
  /** Shown on the cover sheet, e.g. that the sample's figures are illustrative. */
  note?: string;
  /** Source file name for the log, e.g. the scenario JSON. */
  file?: string;
}

/** Notice for books built from the bundled sample (`init --sample`). */
export const ILLUSTRATIVE_NOTE =
  '注意：本工作簿为示例数据。除行动计划公布的全区目标外，各单位的权重、任务、完成数、考核办法和企业名单均为演示用的虚构数据，不代表任何单位的真实工作情况。';

const SHEET_GUIDE: [string, string][] = [
  [
    '设置',
    'TD_Settings：计划名称、区县、通报落款单位，以及进度状态阈值（序时完成率达到多少算“达到序时进度”“略低于序时进度”）。',
  ],
  ['单位', 'TD_Units：责任单位（街道、部门、园区/小镇平台）及其编号。'],
  [
    '指标',
    'TD_Indicators：考核指标，累计型（年内累计、分解到单位）或水平型（全区数值，如占比）；Q1–Q4 序时进度为各季度末应完成年度任务的累计比例，留空则按 25%、50%、75%、100%。',
  ],
  ['目标', 'TD_Targets：各指标各年度的全区目标、力争值、分解方法与小数位数。'],
  ['分解依据', 'TD_Basis：各单位的分解权重、下限、上限、锁定值。'],
  [
    '任务分解',
    'TD_Quotas：计算得到的各单位任务数（来源“分解”，每次计算时重写）；来源填“给定”的行是直接指定的任务数，替代该指标该年度的分解结果。',
  ],
  [
    '完成情况',
    'TD_Actuals：各单位各期间的本年累计完成数（季度报表、认定名单或手工录入），水平型指标的全区值不填单位。',
  ],
  [
    '考核办法',
    'TD_Rules：各指标的计分规则（线性、分档、排名）与超额加分；TD_Grades：等次及其最低分。',
  ],
  [
    '考核结果',
    'TD_Scores：各单位各指标的完成率、序时完成率（公式，改动完成数即重算）与得分；TD_Ranking：各单位总分、名次、等次。按期间保存，重新计算只替换该期间的行。',
  ],
  [
    '通报 YYYYQn',
    '各期通报（打印为 A4，一页宽）。重新计算时，如通报已被手工修改，需加 --force 才会覆盖。',
  ],
  ['企业库', 'TD_Registry：企业名称、统一社会信用代码及所属单位，用于认定名单匹配。'],
  ['认定名单', 'TD_Recognitions：导入的认定名单及匹配结果。'],
  ['操作日志', 'TD_Log：每次导入、计算的时间、操作、文件与结果。'],
  ['历史记录', 'TD_History：被重新计算或导入替换掉的旧数据，逐行保存，便于追溯。'],
];

function coverSheet(s: Scenario, options: InitOptions): SheetPlan {
  const ranges: RangeWrite[] = [
    {
      at: 'A1',
      values: [[s.plan.name || '目标分解考核计划簿']],
      style: { bold: true, size: 16, font: '黑体' },
    },
    {
      at: 'A2',
      values: [[[s.plan.district, s.plan.organization].filter(Boolean).join('　')]],
      style: { size: 11 },
    },
    {
      at: 'A4',
      values: [
        [
          '本工作簿由“目标分解考核助手”（Target Desk）维护：在各表中维护单位、指标、目标与完成情况，然后在 Excel 加载项中点击“计算考核”，或运行 target-desk run 本文件 --period 2019Q3，即生成任务分解、考核结果和通报。各表按表名查找，工作表可以改名、移动，列可以调整顺序或增加备注列。',
        ],
      ],
      style: { wrap: true, vAlign: 'top' },
    },
  ];
  const merges = ['A1:C1', 'A2:C2', 'A4:C4'];
  let row = 6;
  if (options.note) {
    ranges.push({
      at: `A${row}`,
      values: [[options.note]],
      style: { bold: true, color: '9C0006', fill: 'FFC7CE', wrap: true, vAlign: 'top' },
    });
    merges.push(`A${row}:C${row}`);
    row += 2;
  }
  ranges.push({
    at: `A${row}`,
    values: [['工作表', '内容']],
    style: { bold: true, fill: 'DDEBF7', border: 'thin' },
  });
  ranges.push({
    at: `A${row + 1}`,
    values: SHEET_GUIDE.map(([a, b]) => [a, b]),
    style: { wrap: true, vAlign: 'top', border: 'thin' },
  });
  const rowHeights: Record<number, number> = { 1: 28, 4: 60 };
  if (options.note) rowHeights[6] = 36;
  SHEET_GUIDE.forEach(([, text], i) => {
    rowHeights[row + 1 + i] = Math.max(1, Math.ceil(text.length / 40)) * 15 + 3;
  });
  return {
    sheet: COVER_SHEET,
    tabColor: '1F4E78',
    columnWidths: [16, 90, 2],
    rowHeights,
    ranges,
    merges,
    print: { paperSize: 'A4', orientation: 'portrait', fitToWidth: 1 },
  };
}

/** Sheet plans holding the given tables, grouped by their sheet, in TABLE_ORDER. */
export function tableSheets(rows: Partial<Record<TableName, PlanCell[][]>>): SheetPlan[] {
  const sheets = new Map<string, SheetPlan>();
  for (const name of TABLE_ORDER) {
    const def = TABLES[name];
    const body = rows[name] ?? [];
    let sheet = sheets.get(def.sheet);
    if (!sheet) {
      sheet = {
        sheet: def.sheet,
        ranges: [],
        tables: [],
        validations: [],
        freeze: { rows: 1, columns: 0 },
        columnWidths: [],
        print: { paperSize: 'A4', orientation: 'landscape', fitToWidth: 1, titleRows: '1:1' },
      };
      sheets.set(def.sheet, sheet);
    }
    const table: TablePlan = {
      name,
      at: def.at,
      columns: tableColumns(name),
      rows: body,
      style: 'TableStyleMedium2',
    };
    sheet.tables!.push(table);
    sheet.validations!.push(...tableValidations(name, body.length));
    const c0 = decodeCell(def.at).col;
    def.columns.forEach((c, i) => {
      sheet!.columnWidths![c0 + i] = c.width ?? 12;
    });
  }
  for (const s of sheets.values()) s.columnWidths = Array.from(s.columnWidths!, (w) => w ?? 3);
  return [...sheets.values()];
}

export function planInit(scenario: Scenario, options: InitOptions = {}): BookPlan {
  const rows: Partial<Record<TableName, PlanCell[][]>> = { ...scenarioToTables(scenario) };
  rows.TD_Log = [
    rowCells('TD_Log', {
      time: options.now ?? null,
      action: LOG_ACTIONS.init,
      file: options.file ?? null,
      result: `单位 ${scenario.units.length} 个，指标 ${scenario.indicators.length} 个，目标 ${scenario.targets.length} 条，完成数 ${scenario.actuals.length} 条`,
    }),
  ];
  return {
    sheets: [coverSheet(scenario, options), ...tableSheets(rows)],
    tableUpdates: [],
    activate: COVER_SHEET,
    properties: { 'td.kind': 'plan', 'td.version': BOOK_VERSION },
  };
}
