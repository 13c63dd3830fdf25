/**
 * The task pane's only way into the workbook: each request reads a snapshot, runs a pure job from
 * src/plan/jobs on it, and applies the job's BookPlan through the Office.js adapter (runJob: one
 * sync to read, one to write; nothing written when the job throws). Here lives only the glue that
 * turns the pane's choices into job parameters and the jobs' reports into what the pane shows.
 */
import { InputError } from '../engine/errors';
import { formatPeriod, parsePeriod } from '../engine/period';
import { computeQuotas } from '../engine/quotas';
import type { GridBook } from '../engine/grid';
import type { AllocationMethod, Scenario } from '../engine/types';
import { bulletinSheetName } from '../plan/bulletinPlan';
import { METHOD_LABELS, TABLES } from '../plan/bookSchema';
import { importListJob } from '../plan/jobs/importList';
import { importReturnsJob } from '../plan/jobs/importReturns';
import { ILLUSTRATIVE_NOTE, planInit } from '../plan/jobs/init';
import { planRun, runSheetsToRead, RunResult } from '../plan/jobs/run';
import { templatesJob } from '../plan/jobs/templates';
import { readScenario } from '../plan/scenarioTables';
import type { BookPlan, BookSnapshot } from '../plan/types';
import { readSnapshot } from '../office/readSnapshot';
import { runJob } from '../office/runJob';
import { xiachengSample } from '../sample/xiacheng';
import type {
  AllocationOptions, AllocationPreview, BulletinOutcome, Controller, DownloadFile, FileResult, ListResult, PlanSummary, RankingRow,
} from './controllerTypes';

const now = () => new Date().toISOString();
const HISTORY_TABLE_COLUMN = TABLES.TD_History.columns.findIndex((c) => c.key === 'table');

/** A blank plan: the tables with their headers and the default grades, for users to fill in. */
function blankScenario(): Scenario {
  return {
    plan: { name: '', district: '', organization: '' },
    units: [], indicators: [], targets: [], basis: [], quotas: [], actuals: [],
    scoring: {
      rules: [],
      grades: [{ name: '优秀', min: 90 }, { name: '良好', min: 75 }, { name: '合格', min: 60 }, { name: '不合格', min: 0 }],
      status: { ahead: 1, warn: 0.8 },
    },
    registry: [],
  } as unknown as Scenario;
}

function summarize(snapshot: BookSnapshot): PlanSummary {
  const hasPlan = Boolean(snapshot.tables.TD_Units && snapshot.tables.TD_Targets);
  if (!hasPlan) {
    const year = new Date().getFullYear();
    return { hasPlan, name: '', district: '', organization: '', units: 0, indicators: [], targets: 0, years: [year], period: `${year}Q1` };
  }
  const s = readScenario(snapshot).scenario;
  const years = [...new Set(s.targets.map((t) => t.year))].sort((a, b) => a - b);
  const periods = s.actuals.map((a) => formatPeriod(parsePeriod(a.period))).sort();
  return {
    hasPlan,
    name: s.plan.name ?? '',
    district: s.plan.district ?? '',
    organization: s.plan.organization ?? '',
    units: s.units.length,
    indicators: s.indicators.map((i) => ({ id: i.id, name: i.name, measure: i.measure, allocatable: i.kind === 'flow' })),
    targets: s.targets.length,
    years: years.length ? years : [new Date().getFullYear()],
    period: periods.at(-1) ?? `${years[0] ?? new Date().getFullYear()}Q1`,
  };
}

/**
 * The snapshot with the chosen method written into TD_Targets' 分解方法 cells of the chosen targets:
 * the method belongs to the plan, so later runs (考核, the CLI) allocate the same way.
 */
function withMethod(snapshot: BookSnapshot, o: AllocationOptions): { snapshot: BookSnapshot; changed: boolean } {
  const targets = snapshot.tables.TD_Targets;
  if (!o.method || !targets) return { snapshot, changed: false };
  const col = (key: string) => targets.headers.indexOf(TABLES.TD_Targets.columns.find((c) => c.key === key)!.header);
  const [ind, year, method] = [col('indicator'), col('year'), col('method')];
  if (ind < 0 || year < 0 || method < 0) return { snapshot, changed: false };
  let changed = false;
  const rows = targets.rows.map((r) => {
    if (Number(r[year]) !== o.year || (o.indicator && String(r[ind]).trim() !== o.indicator)) return r;
    const label = METHOD_LABELS[o.method as AllocationMethod];
    if (r[method] === label) return r;
    changed = true;
    return r.map((v, j) => (j === method ? label : v));
  });
  return { snapshot: { ...snapshot, tables: { ...snapshot.tables, TD_Targets: { ...targets, rows } } }, changed };
}

/** A period of the allocation's year for planRun, which computes quotas together with a period's scores. */
function periodOfYear(snapshot: BookSnapshot, year: number): string {
  const p = summarize(snapshot).period;
  return p.startsWith(String(year)) ? p : `${year}Q4`;
}

function previewOf(s: Scenario, o: AllocationOptions): AllocationPreview {
  const quotas = computeQuotas(s, o.year).filter((q) => !o.indicator || q.indicator === o.indicator);
  const ids = [...new Set(quotas.map((q) => q.indicator))];
  const columns = ids.map((id) => {
    const ind = s.indicators.find((i) => i.id === id)!;
    return { indicator: id, name: ind.name, measure: ind.measure, total: quotas.filter((q) => q.indicator === id).reduce((a, q) => a + q.quota, 0) };
  });
  const units = s.units.filter((u) => quotas.some((q) => q.unit === u.id));
  return {
    columns,
    rows: units.map((u) => ({
      unit: u.id,
      name: u.name,
      quotas: ids.map((id) => quotas.find((q) => q.indicator === id && q.unit === u.id)?.quota ?? null),
    })),
  };
}

/** The edited-bulletin refusal of planRun, recognised by the sheet it names. */
function editedBulletin(e: unknown, period: string): string | undefined {
  const sheet = bulletinSheetName(formatPeriod(parsePeriod(period)));
  return e instanceof InputError && e.problems.length === 1 && e.problems[0].where === sheet ? sheet : undefined;
}

const LOG_HASH_COLUMN = TABLES.TD_Log.columns.findIndex((c) => c.key === 'hash');

/**
 * 考核 writes what a run computes except the bulletin, which is 通报's to write: no bulletin sheet,
 * no fingerprint in the log row (so an existing bulletin keeps being compared with the one it was
 * written with) and none of the bulletin's rows in the history.
 */
function withoutBulletin(result: RunResult): RunResult {
  const tableUpdates = result.plan.tableUpdates.flatMap((u) => {
    if (u.table === 'TD_Log') return [{ ...u, rows: u.rows.map((r) => r.map((v, j) => (j === LOG_HASH_COLUMN ? null : v))) }];
    if (u.table !== 'TD_History') return [u];
    const rows = u.rows.filter((r) => r[HISTORY_TABLE_COLUMN] !== result.bulletinSheet);
    return rows.length ? [{ ...u, rows }] : [];
  });
  return { ...result, plan: { sheets: [], tableUpdates } };
}

async function xlsxLib() {
  const [{ default: ExcelJS }, xlsx, files] = await Promise.all([
    import(/* webpackChunkName: "exceljs" */ 'exceljs'),
    import(/* webpackChunkName: "exceljs" */ '../xlsx'),
    import(/* webpackChunkName: "exceljs" */ '../xlsx/returnFile'),
  ]);
  return { ExcelJS, ...xlsx, ...files };
}

export function createController(): Controller {
  const runAssessment = async (period: string, bulletin: 'write' | 'overwrite' | 'skip') =>
    runJob((snapshot) => {
      const result = planRun(snapshot, period, { now: now(), force: bulletin !== 'write' });
      return bulletin === 'skip' ? withoutBulletin(result) : result;
    }, { sheets: runSheetsToRead(period) });

  return {
    async summary() {
      return Excel.run(async (context) => summarize(await readSnapshot(context)));
    },

    async createPlan(source) {
      const scenario = source === 'sample' ? xiachengSample() : blankScenario();
      const plan: BookPlan = planInit(scenario, { now: now(), ...(source === 'sample' ? { note: ILLUSTRATIVE_NOTE } : {}) });
      const { notices } = await runJob(() => ({ plan }));
      return { sheets: plan.sheets.length, notices };
    },

    async previewAllocation(o) {
      return Excel.run(async (context) => {
        const snapshot = withMethod(await readSnapshot(context), o).snapshot;
        const read = readScenario(snapshot);
        try {
          return previewOf(read.valid, o);
        } catch (e) {
          throw e instanceof InputError ? read.relocate(e) : e;
        }
      });
    },

    async writeAllocation(o) {
      const result = await runJob((original) => {
        const { snapshot, changed } = withMethod(original, o);
        const run = planRun(snapshot, periodOfYear(snapshot, o.year), { now: now(), force: true });
        // Of everything a run writes, the allocation step keeps the quotas and the history of the
        // quotas they replace; scores and the bulletin are the later steps' to write.
        const tableUpdates = run.plan.tableUpdates.flatMap((u) => {
          if (u.table === 'TD_Quotas') return [u];
          if (u.table !== 'TD_History') return [];
          const rows = u.rows.filter((r) => r[HISTORY_TABLE_COLUMN] === 'TD_Quotas');
          return rows.length ? [{ ...u, rows }] : [];
        });
        if (changed) {
          const targets = snapshot.tables.TD_Targets!;
          tableUpdates.push({
            table: 'TD_Targets', sheet: targets.sheet, at: targets.ref.split(':')[0],
            columns: targets.headers.map((header) => ({ header })), rows: targets.rows, mode: 'replace',
          });
        }
        return { plan: { sheets: [], tableUpdates }, quotas: run.quotas };
      }, { sheets: [1, 2, 3, 4].flatMap((q) => runSheetsToRead(`${o.year}Q${q}`)) });
      return { rows: result.quotas.filter((q) => !o.indicator || q.indicator === o.indicator).length };
    },

    async makeTemplates(period) {
      const { templates } = await runJob((snapshot) => templatesJob(snapshot, { period, now: now() }));
      const { ExcelJS, applyBookPlan, bookBuffer } = await xlsxLib();
      const files: DownloadFile[] = [];
      for (const t of templates) {
        const wb = new ExcelJS.Workbook();
        applyBookPlan(wb, t.book);
        files.push({ name: t.fileName, data: new Uint8Array(await bookBuffer(wb, { properties: t.book.properties })) });
      }
      return files;
    },

    async importReturns(files) {
      const { readXlsxGrid } = await xlsxLib();
      const books: GridBook[] = [];
      const unreadable: FileResult[] = [];
      for (const f of files) {
        try {
          books.push(await readXlsxGrid(Buffer.from(f.data), f.name));
        } catch (e) {
          unreadable.push({ file: f.name, accepted: false, summary: '', problems: problemsOf(e, f.name), warnings: [] });
        }
      }
      const { report } = await runJob((snapshot) => importReturnsJob(snapshot, books, { now: now() }));
      return [
        ...report.files.map((r): FileResult => ({
          file: r.file,
          accepted: r.status === 'accepted',
          summary: r.status === 'accepted' ? `${r.unitName ?? r.unit ?? ''} ${r.period ?? ''}：${r.values.length} 项` : '',
          problems: r.errors.map((message) => ({ where: '', message })),
          warnings: r.warnings.map((message) => ({ where: '', message })),
        })),
        ...unreadable,
      ];
    },

    async importList(file, indicator) {
      const { readXlsxGrid, csvGrid } = await xlsxLib();
      const data = Buffer.from(file.data);
      const list = /\.csv$/i.test(file.name) ? csvGrid(data, file.name) : await readXlsxGrid(data, file.name);
      const { report } = await runJob((snapshot) => importListJob(snapshot, list, { indicator, assign: {}, now: now() }));
      const result: ListResult = {
        file: report.file,
        matched: report.matched,
        unmatched: report.unmatched.length,
        duplicates: report.duplicates.length,
        problems: [],
      };
      return result;
    },

    async computeScores(period) {
      const result = await runAssessment(period, 'skip');
      const names = new Map(result.scenario.units.map((u) => [u.id, u.name]));
      return result.assessment.units.map((u): RankingRow => ({
        unit: u.unit, name: names.get(u.unit) ?? u.unit, type: u.type, total: u.total, rank: u.rank, grade: u.grade ?? '',
      }));
    },

    async generateBulletin(period, overwrite): Promise<BulletinOutcome> {
      try {
        const result = await runAssessment(period, overwrite ? 'overwrite' : 'write');
        return { sheet: result.bulletinSheet, notices: result.notices };
      } catch (e) {
        const sheet = editedBulletin(e, period);
        if (sheet) return { editedSheet: sheet };
        throw e;
      }
    },
  };
}

function problemsOf(e: unknown, file: string): { where: string; message: string }[] {
  if (e instanceof InputError) return e.problems.map((p) => ({ where: p.where || file, message: p.message }));
  return [{ where: file, message: e instanceof Error ? e.message : String(e) }];
}
