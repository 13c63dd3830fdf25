import {
  bulletinSheetPlan,
  fitToWidthScale,
  paragraphHeight,
  STATUS_COLOURS,
  wrappedLines,
} from '../../src/plan/bulletinPlan';
import type { Assessment, Scenario } from '../../src/engine/types';
import type { FormulaCell, PlanCell, SheetPlan } from '../../src/plan/types';
import { assess } from '../../src/engine/assess';
import { xiachengSample } from '../../src/sample/xiacheng';
import scenarioJson from '../fixtures/bulletin/scenario.json';
import assessmentJson from '../fixtures/bulletin/assessment-2019Q3.json';

const scenario = scenarioJson as Scenario;
const assessment = assessmentJson as Assessment;
const plan = bulletinSheetPlan(scenario, assessment, {
  issuedOn: '2019-10-15',
  seq: 3,
  discrepancies: [{ unit: 'tianshui', indicator: 'gqq_new', reported: 4, listed: 3 }],
});

const colIndex = (letters: string) =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colName = (n: number): string =>
  (n > 26 ? colName(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
const split = (a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return { col: colIndex(m[1]), row: Number(m[2]) };
};

/** Every written cell by address; fails on a cell written twice. */
function cells(p: SheetPlan): Map<string, { value: PlanCell; numberFormat?: string }> {
  const out = new Map<string, { value: PlanCell; numberFormat?: string }>();
  for (const r of p.ranges) {
    const at = split(r.at);
    r.values.forEach((line, i) =>
      line.forEach((value, j) => {
        const address = `${colName(at.col + j)}${at.row + i}`;
        if (out.has(address)) throw new Error(`${address} written twice`);
        const numberFormat = Array.isArray(r.numberFormat) ? r.numberFormat[j] : r.numberFormat;
        out.set(address, { value, numberFormat });
      }),
    );
  }
  return out;
}

const grid = cells(plan);
const valueAt = (address: string): unknown => {
  const v = grid.get(address)?.value;
  return v !== null && typeof v === 'object' ? (v as FormulaCell).value : v;
};
const isFormula = (v: PlanCell | undefined): v is FormulaCell =>
  v !== null && typeof v === 'object';

/** Evaluates the few Excel functions the bulletin uses, over the plan's own cached values. */
function evaluate(formula: string, row?: number): unknown {
  const js = formula
    .replace(/^=/, '')
    .replace(
      /\$?([A-Z]+)\$?(\d+)/g,
      (_, col, r) => `cell("${col}${row && formula.includes('$') ? row : r}")`,
    )
    .replace(/IF\(/g, 'iff(')
    .replace(/([^<>=])=([^=])/g, '$1===$2');
  const iff = (c: unknown, a: unknown, b: unknown) => (c ? a : b);
  return new Function('cell', 'iff', `return ${js};`)(valueAt, iff);
}

const rowOf = (text: string) => [...grid].find(([, c]) => c.value === text)?.[0];
/** Excel's width in points of a column stored `w` wide: whole pixels of 7 a character (OOXML spec). */
const columnPt = (w: number) => Math.trunc(((256 * w + 18) / 256) * 7) * 0.75;
const sheetWidthPt = (p: SheetPlan) => p.columnWidths!.reduce((sum, w) => sum + columnPt(w), 0);
const sample = xiachengSample();
const samplePlan = bulletinSheetPlan(sample, assess(sample, '2019Q3'), { issuedOn: '2019-10-15' });

describe('bulletin sheet plan', () => {
  it('names the sheet by period and prints it on A4 landscape, one page wide, title rows repeated', () => {
    expect(plan.sheet).toBe('通报 2019Q3');
    expect(plan.print).toEqual({
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      titleRows: '1:2',
    });
    expect(plan.columnWidths).toHaveLength(15);
  });

  it('merges the title and the dateline across the page, then the opening paragraph', () => {
    expect(valueAt('A1')).toBe('关于2019年第三季度国高企培育工作进展情况的通报');
    // The fixture's plan has no docNumberPattern: no 文号 in the dateline.
    expect(valueAt('A2')).toBe('区科技创新工作领导小组办公室　　2019年10月15日');
    expect(plan.merges).toEqual(expect.arrayContaining(['A1:O1', 'A2:O2', 'A4:O4']));
    expect(String(valueAt('A4'))).toMatch(/^　　为深入贯彻落实《下城区国高企培育三年行动计划》/);
    expect(valueAt('A5')).toBe('一、总体进展情况');
    expect(valueAt('A6')).toBe(
      '　　截至9月底，全区新增国高企20家，完成年度目标28家的71.4%、力争目标31家的64.5%，超序时进度51.4个百分点。按当前进度，预计全年可完成100家，为年度目标的357.1%、力争目标31家的322.6%。',
    );
  });

  it('puts the 文号 from the plan’s pattern in the dateline, numbered by the bulletin’s seq', () => {
    const dated = bulletinSheetPlan(
      { ...scenario, plan: { ...scenario.plan, docNumberPattern: '下科创办〔{year}〕{seq}号' } },
      assessment,
      { issuedOn: '2019-10-15', seq: 3 },
    );
    expect(cells(dated).get('A2')!.value).toBe(
      '下科创办〔2019〕3号　　区科技创新工作领导小组办公室　　2019年10月15日',
    );
  });

  it('gives every wrapped paragraph a height that holds its lines', () => {
    // Lines of 12 pt at 1.45 em plus 4 pt, rounded up to whole pixels (0.75 pt).
    expect(paragraphHeight('短句', 600)).toBe(21.75);
    const sentence =
      '截至9月底，全区新增国高企20家，完成年度目标28家的71.4%，超序时进度51.4个百分点。';
    expect(paragraphHeight(sentence, 600)).toBe(21.75);
    expect(paragraphHeight(sentence.repeat(3), 600)).toBe(56.25);
    expect(paragraphHeight(sentence.repeat(3), 300)).toBe(108.75); // six lines: 108.4 → 108.75
    for (const [address, c] of grid) {
      const { row } = split(address);
      if (typeof c.value === 'string' && c.value.startsWith('　　'))
        expect(plan.rowHeights![row]).toBe(paragraphHeight(c.value, sheetWidthPt(plan)));
    }
  });

  it('sizes the columns so headers and indicator names stay on one line, and none is 9 wide (ExcelJS would drop it)', () => {
    expect(plan.columnWidths).toEqual([5, 7, 16, 34, 9.5, 9.5, 8, 9.5, 8.5, 12, 16, 9.5, 8, 8, 8]);
    // The sample's longest indicator, 新增省科技型中小企业和市级高新技术企业, widens column D further.
    expect(samplePlan.columnWidths![3]).toBe(42);
    for (const p of [plan, samplePlan]) {
      expect(p.columnWidths).not.toContain(9);
      const header = split(rowOf('排名')!).row;
      [...grid].forEach(([address, c]) => {
        const { col, row } = split(address);
        if (row === header)
          expect([
            c.value,
            wrappedLines(String(c.value), columnPt(p.columnWidths![col - 1]), 11, 0.95),
          ]).toEqual([c.value, 1]);
      });
    }
    // Every unit of the sample has several rows, so no unit name needs a taller row either.
    const names = new Set(sample.indicators.map((i) => i.name));
    let rows = 0;
    for (const [address, c] of cells(samplePlan)) {
      const { col, row } = split(address);
      if (col === 4 && names.has(String(c.value))) {
        expect([address, samplePlan.rowHeights![row]]).toEqual([address, 17.25]);
        rows++;
      }
    }
    expect(rows).toBe(48);
  });

  it('wraps an indicator name too long for the widest indicator column and makes its rows taller', () => {
    const long = '新增省科技型中小企业和市级高新技术企业以及其他各类科技型企业的培育数';
    const s = {
      ...scenario,
      indicators: scenario.indicators.map((i, k) => (k === 1 ? { ...i, name: long } : i)),
    };
    const p = bulletinSheetPlan(s, assessment, { issuedOn: '2019-10-15' });
    expect(p.columnWidths![3]).toBe(45);
    const g = cells(p);
    const rows = [...g]
      .filter(([a, c]) => a.startsWith('D') && c.value === long)
      .map(([a]) => split(a).row);
    expect(rows.length).toBeGreaterThan(0);
    // Two lines of 11 pt at 1.45 em, plus a point, in whole pixels: 32.9 → 33 pt.
    for (const r of rows) expect(p.rowHeights![r]).toBe(33);
  });

  it('prints at the whole-percent scale Excel fits the columns to the A4 landscape width with', () => {
    // (841.89 - 1.4 × 72) / 924.75 = 0.801…
    expect(sheetWidthPt(samplePlan)).toBe(924.75);
    expect(fitToWidthScale(samplePlan.columnWidths!)).toBe(0.8);
    expect(fitToWidthScale([10])).toBe(1);
  });

  it('lays out one ranking table per unit type, units in rank order with rank, move, name, total and grade merged', () => {
    const streets = rowOf('（一）街道')!;
    const header = split(streets).row + 1;
    expect([...'ABCDEFGHIJKLMNO'].map((c) => valueAt(`${c}${header}`))).toEqual([
      '排名',
      '较上期',
      '单位',
      '考核指标',
      '年度任务',
      '序时目标',
      '完成数',
      '预计全年',
      '完成率',
      '序时完成率',
      '进度状态',
      '指标得分',
      '总分',
      '等级',
      '备注',
    ]);
    const r = header + 1;
    // The fixture has no earlier period: every ranked unit is new (新). 6 done against a 20%
    // profile: 30 projected for the year.
    expect([...'ABCDEGHLMNO'].map((c) => valueAt(`${c}${r}`))).toEqual([
      1,
      '新',
      '武林街道',
      '新增国高企',
      6,
      6,
      30,
      60,
      92,
      '优秀',
      null,
    ]);
    expect(valueAt(`D${r + 1}`)).toBe('新增省科技型中小企业和市级高企');
    expect(plan.merges).toEqual(
      expect.arrayContaining([...'ABCMN'].map((col) => `${col}${r}:${col}${r + 1}`)),
    );
    expect(valueAt(`C${r + 2}`)).toBe('朝晖街道');
    expect(valueAt(`C${r + 6}`)).toBe('石桥街道');
    expect(valueAt(`O${r + 6}`)).toBe('未报送');
    expect(grid.get(`H${r}`)!.numberFormat).toBe('0.0');
    expect(grid.get(`I${r}`)!.numberFormat).toBe('0.0%');
    expect(grid.get(`J${r}`)!.numberFormat).toBe('0.0%');
    expect(valueAt(`A${split(rowOf('（二）部门')!).row + 2}`)).toBe(1);
    expect(valueAt(`C${split(rowOf('（三）园区平台')!).row + 2}`)).toBe('区跨贸小镇管委会');
  });

  it('writes milestone, rate, timeliness, status and difference as formulas that give the cached values', () => {
    const formulas = [...grid].filter(([, c]) => isFormula(c.value));
    // 序时目标, 完成率, 序时完成率, 进度状态 on every row, 预计全年 where the profile is above 0
    // (all 11 rows: shares 0.2 and 0.75), and the one 差异.
    expect(formulas.length).toBe(5 * assessment.rows.length + 1);
    for (const [address, c] of formulas) {
      const f = c.value as FormulaCell;
      const got = evaluate(f.formula);
      if (typeof f.value === 'number')
        expect([address, got as number]).toEqual([address, expect.closeTo(f.value, 12)]);
      else expect([address, got]).toEqual([address, f.value]);
    }
    const r = split(rowOf('（一）街道')!).row + 2;
    expect((grid.get(`H${r}`)!.value as FormulaCell).formula).toBe(`=G${r}/0.2`);
    expect((grid.get(`I${r}`)!.value as FormulaCell).formula).toBe(`=IF(E${r}>0,G${r}/E${r},"—")`);
    expect((grid.get(`J${r}`)!.value as FormulaCell).formula).toBe(`=IF(F${r}>0,G${r}/F${r},"—")`);
  });

  it('colours each unit row green, yellow or red by its status with conditional formats', () => {
    const byStatus = {
      达到序时进度: 'ahead',
      略低于序时进度: 'behind',
      滞后序时进度: 'lagging',
    } as const;
    let checked = 0;
    for (const cf of plan.conditionalFormats!) {
      const [from, to] = cf.range.split(':').map(split);
      expect([from.col, to.col]).toEqual([4, 12]);
      for (let row = from.row; row <= to.row; row++) {
        const status = byStatus[valueAt(`K${row}`) as keyof typeof byStatus];
        const colour = STATUS_COLOURS[status];
        expect(evaluate(cf.formula, row)).toBe(colour.fill === cf.fill);
        checked++;
      }
    }
    expect(checked).toBe(3 * assessment.rows.length);
    expect(plan.conditionalFormats!.map((c) => c.fill)).toEqual(
      Array(3)
        .fill([STATUS_COLOURS.ahead.fill, STATUS_COLOURS.behind.fill, STATUS_COLOURS.lagging.fill])
        .flat(),
    );
  });

  it('lists progress, reporting with its deadline and return-versus-list differences', () => {
    expect(rowOf('四、序时进度情况')).toBeDefined();
    expect(
      rowOf(
        '　　本期季度报表报送截止日期为2019年10月10日。未报送的单位（1个）：石桥街道。未报送的指标按完成数为0计算，请相关单位严格执行报送制度。',
      ),
    ).toBeDefined();
    const header = split(rowOf('报表数')!).row;
    expect([...'CDEFG'].map((c) => valueAt(`${c}${header + 1}`))).toEqual([
      '天水街道',
      '新增国高企',
      4,
      3,
      -1,
    ]);
  });

  it('anchors the chart in rows of its own, after the ranking tables and before the lists', () => {
    expect(plan.charts).toHaveLength(1);
    const chart = plan.charts![0];
    expect(chart.title).toBe('各单位新增国高企完成率与序时进度');
    const from = split(chart.from);
    const to = split(chart.to);
    expect([from.col, to.col, to.row - from.row]).toEqual([1, 15, 16]);
    expect(valueAt(`A${from.row - 1}`)).toBe('三、各单位新增国高企完成率与序时进度');
    for (let row = from.row; row < to.row; row++) {
      for (let col = 1; col <= 15; col++) expect(grid.has(`${colName(col)}${row}`)).toBe(false);
    }
    // The text after it fills the rest of the chart's page.
    expect(valueAt(`A${to.row + 1}`)).toBe('四、序时进度情况');
  });

  it('says every status in words, so a black-and-white print reads the same as the colours', () => {
    // 2019Q2 of the sample: 新增国高企 has no time progress yet (profile 0 by Q2).
    const q2 = cells(
      bulletinSheetPlan(sample, assess(sample, '2019Q2'), { issuedOn: '2019-07-15' }),
    );
    const statuses = [...q2]
      .filter(([a, c]) => a.startsWith('K') && isFormula(c.value))
      .map(([, c]) => (c.value as FormulaCell).value);
    expect(statuses).toHaveLength(48);
    expect(new Set(statuses)).toEqual(
      new Set(['达到序时进度', '略低于序时进度', '滞后序时进度', '无序时要求']),
    );
    const remarks = [...q2].filter(([a]) => /^O\d+$/.test(a)).map(([, c]) => c.value);
    expect(remarks.filter((v) => v !== null && v !== '备注')).toEqual(['迟报', '迟报', '迟报']);
  });

  it('leaves no merge overlapping another', () => {
    const seen = new Set<string>();
    for (const m of plan.merges!) {
      const [a, b] = m.split(':').map(split);
      for (let row = a.row; row <= b.row; row++)
        for (let col = a.col; col <= b.col; col++) {
          const key = `${col},${row}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
    }
  });

  it('breaks pages between blocks: never inside a unit, after a heading or a table header, or through the chart', () => {
    const fill: number[][] = [];
    for (const p of [plan, samplePlan]) {
      const g = cells(p);
      const text = (address: string) => g.get(address)?.value;
      const breaks = p.rowBreaks!;
      expect(breaks.length).toBeGreaterThan(0);
      const chart = p.charts![0];
      for (const b of breaks) {
        expect(String(text(`A${b - 1}`) ?? '')).not.toMatch(
          /^([一二三四五六七八九十]、|（[一二三]）|排名$)/,
        );
        for (const m of p.merges!) {
          const [from, to] = m.split(':').map(split);
          expect(b > from.row && b <= to.row).toBe(false);
        }
        expect(b > split(chart.from).row && b < split(chart.to).row).toBe(false);
      }
      // Each page's rows (and the repeated title rows) fit the printed height at the fit-to-width scale.
      const heights = p.rowHeights!;
      const last = Math.max(...Object.keys(heights).map(Number));
      const pagePt = (595.28 - 1.5 * 72) / fitToWidthScale(p.columnWidths!);
      const starts = [1, ...breaks];
      fill.push(
        starts.map((start, k) => {
          const end = (starts[k + 1] ?? last + 1) - 1;
          let used = k === 0 ? 0 : heights[1] + heights[2];
          for (let r = start; r <= end; r++) used += heights[r];
          expect({ start, used: Math.min(used, pagePt) }).toEqual({ start, used });
          return used / pagePt;
        }),
      );
    }
    expect(plan.rowBreaks).toEqual(
      ['（三）园区平台', '六、核对差异'].map((heading) => split(rowOf(heading)!).row),
    );
    const sampleCells = cells(samplePlan);
    // Ranking tables continued on a new page start it with their header row again (排名 …).
    expect(
      samplePlan.rowBreaks!.map((b) => [
        String(sampleCells.get(`A${b}`)?.value).slice(0, 12),
        sampleCells.get(`C${b}`)?.value,
        sampleCells.get(`C${b + 1}`)?.value,
      ]),
    ).toEqual([
      ['排名', '单位', '朝晖街道'],
      ['排名', '单位', '区委宣传部（文创办）'],
      ['三、各单位新增国高企完成', undefined, undefined],
      ['五、报送情况', undefined, undefined],
    ]);
    // The sample's bulletin takes five pages, each at least 90% full but the last and the one
    // before the chart: a page ends only when the next unit, or a heading with what it heads, no
    // longer fits — the chart (its heading and 16 rows of 15 pt) did not fit in the rest of page 3.
    expect(fill[1]).toHaveLength(5);
    const pagePt = (595.28 - 1.5 * 72) / fitToWidthScale(samplePlan.columnWidths!);
    expect(fill[1][2] + (21 + 16 * 15) / pagePt).toBeGreaterThan(1);
    for (const f of [fill[1][0], fill[1][1], fill[1][3]]) expect(f).toBeGreaterThan(0.9);
  });

  it('leaves the ranking tables and the chart out when no unit carries an indicator', () => {
    const district = { ...assessment, rows: [], units: [] };
    const p = bulletinSheetPlan(scenario, district, { issuedOn: '2019-10-15' });
    const g = cells(p);
    const texts = [...g.values()].map((c) => c.value);
    expect(p.charts).toEqual([]);
    expect(p.conditionalFormats).toEqual([]);
    expect(texts).not.toContain('排名');
    expect(texts).toEqual(
      expect.arrayContaining([
        '一、总体进展情况',
        '二、报送情况',
        '　　本期季度报表报送截止日期为2019年10月10日。各单位均已按时报送。',
        '三、存在问题',
        '四、下步工作要求',
        '　　特此通报。',
      ]),
    );
  });
});
