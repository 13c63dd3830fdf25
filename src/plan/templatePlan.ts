import { Indicator, Unit } from '../engine/types';
import { Period } from '../engine/period';
import {
  isWholeMeasure,
  RETURN_COLUMNS,
  RETURN_LABELS,
  RETURN_PROPS,
  RETURN_TABLE,
  RETURN_VERSION,
} from '../engine/returns';
import { BookPlan, ConditionalFormatPlan, SheetPlan, ValidationPlan } from './types';

/**
 * The quarterly return template (季度报表, SPEC §8) as a plan: one sheet that opens and fills in
 * Excel without the add-in, in WPS and in LibreOffice — labels, instructions, the TD_Return table,
 * whole-number or decimal validation, and protection (no password) of everything but the two
 * columns a unit fills in. Identity is stored twice: visibly at the top (the fallback when another
 * program drops custom properties) and as td.* document properties.
 */
export const RETURN_SHEET = '季度报表';
/** Header row of TD_Return (1-based); labels and instructions sit above it. */
export const RETURN_HEADER_ROW = 13;

const CN_QUARTER = ['一', '二', '三', '四'];
const QUARTER_END = ['3月31日', '6月30日', '9月30日', '12月31日'];

export interface TemplateRow {
  indicator: Indicator;
  /** The unit's annual quota for the period's year. */
  quota: number | null;
}

export interface TemplateInput {
  planName: string;
  unit: Unit;
  period: Period;
  rows: TemplateRow[];
}

export function templateFileName(unit: Unit, period: Period): string {
  const safe = unit.name.replace(/[\\/:*?"<>|]/g, '_');
  return `${period.year}Q${period.quarter}-${safe}-季度报表.xlsx`;
}

export const RETURN_INSTRUCTIONS = [
  '填报说明：',
  '1. 只需填写浅黄色的「本年累计完成」和「备注」两列，其他单元格已锁定（无密码保护）。',
  '2. 「本年累计完成」填写本年1月1日至本季度末的累计数，不是本季度当季数。',
  '3. 计数类指标（家、件、个等）只能填写不小于0的整数；金额、百分比类指标可以填写小数，例如 83.9 表示 83.9%。',
  '4. 暂无数据的请留空：留空表示未报送，不按0计算；请不要填写公式、文字或计量单位。',
  '5. 请不要修改表头、填报单位和报送期，不要增删行、合并单元格或改动工作表名称。',
  '6. 可用 Excel、WPS 或 LibreOffice 填写，无需安装插件；填好后保存为 xlsx 格式，按原文件名报送。',
];

export function returnTemplatePlan(input: TemplateInput): BookPlan {
  const { planName, unit, period, rows } = input;
  const q = period.quarter;
  const periodText = `${period.year}Q${q}`;
  const title = `${period.year}年第${CN_QUARTER[q - 1]}季度目标任务完成情况季度报表`;
  const first = RETURN_HEADER_ROW + 1;
  const last = RETURN_HEADER_ROW + Math.max(rows.length, 1);
  const validations: ValidationPlan[] = rows.map((r, i) =>
    isWholeMeasure(r.indicator)
      ? {
          range: `E${first + i}`,
          type: 'whole',
          min: 0,
          allowBlank: true,
          prompt: '填写不小于0的整数，暂无数据请留空',
          error: `「${r.indicator.name}」应填写不小于0的整数`,
        }
      : {
          range: `E${first + i}`,
          type: 'decimal',
          min: 0,
          allowBlank: true,
          prompt: '填写不小于0的数值，可带小数，暂无数据请留空',
          error: `「${r.indicator.name}」应填写不小于0的数值`,
        },
  );
  const editable: ConditionalFormatPlan = {
    range: `E${first}:F${last}`,
    formula: 'TRUE',
    fill: 'FFF2CC',
  };
  const sheet: SheetPlan = {
    sheet: RETURN_SHEET,
    columnWidths: [14, 32, 10, 12, 16, 34],
    rowHeights: { 1: 28 },
    ranges: [
      {
        at: 'A1',
        values: [[title]],
        style: { bold: true, size: 16, hAlign: 'center', vAlign: 'middle' },
      },
      {
        at: 'A2',
        values: [
          [
            RETURN_LABELS.unit,
            unit.name,
            RETURN_LABELS.unitId,
            unit.id,
            RETURN_LABELS.period,
            periodText,
          ],
          [RETURN_LABELS.plan, planName, null, null, RETURN_LABELS.version, RETURN_VERSION],
          ['统计截止', `${period.year}年${QUARTER_END[q - 1]}`, null, null, null, null],
        ],
      },
      {
        at: 'A2',
        values: [[RETURN_LABELS.unit], [RETURN_LABELS.plan], ['统计截止']],
        style: { bold: true },
      },
      { at: 'C2', values: [[RETURN_LABELS.unitId]], style: { bold: true } },
      {
        at: 'E2',
        values: [[RETURN_LABELS.period], [RETURN_LABELS.version]],
        style: { bold: true },
      },
      {
        at: 'A6',
        values: RETURN_INSTRUCTIONS.map((line) => [line]),
        style: { wrap: true, color: '404040' },
      },
    ],
    merges: ['A1:F1', 'B3:D3', ...RETURN_INSTRUCTIONS.map((_, i) => `A${6 + i}:F${6 + i}`)],
    tables: [
      {
        name: RETURN_TABLE,
        at: `A${RETURN_HEADER_ROW}`,
        style: 'TableStyleMedium2',
        columns: RETURN_COLUMNS.map((header) => ({ header })),
        rows: rows.map((r) => [
          r.indicator.id,
          r.indicator.name,
          r.indicator.measure,
          r.quota,
          null,
          null,
        ]),
      },
    ],
    validations,
    conditionalFormats: [editable],
    print: {
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      titleRows: `${RETURN_HEADER_ROW}:${RETURN_HEADER_ROW}`,
    },
    protection: { unlocked: [`E${first}:F${last}`] },
  };
  return {
    sheets: [sheet],
    tableUpdates: [],
    activate: RETURN_SHEET,
    properties: {
      [RETURN_PROPS.unit]: unit.id,
      [RETURN_PROPS.period]: periodText,
      [RETURN_PROPS.version]: RETURN_VERSION,
      [RETURN_PROPS.plan]: planName,
    },
  };
}
