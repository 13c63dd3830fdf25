/**
 * The task pane's only way into the workbook: each request reads a snapshot, runs a pure job from
 * src/plan/jobs on it, and applies the job's BookPlan through the host (./host: Excel through
 * Office.js, or the 网页版's in-page book; nothing written when the job throws). Here lives only the glue that
 * turns the pane's choices into job parameters and the jobs' reports into what the pane shows.
 */
import { blankScenario } from '../engine/defaults';
import { InputError, problemText, refusalCode } from '../engine/errors';
import { formatPeriod, localDate, parsePeriod } from '../engine/period';
import type { GridBook } from '../engine/grid';
import { bulletinSheetName } from '../plan/bulletinPlan';
import { planAllocate } from '../plan/jobs/allocate';
import { importListJob } from '../plan/jobs/importList';
import { importReturnsJob } from '../plan/jobs/importReturns';
import { ILLUSTRATIVE_NOTE, planInit } from '../plan/jobs/init';
import { planRun, runSheetsToRead } from '../plan/jobs/run';
import { templatesJob } from '../plan/jobs/templates';
import { readScenario } from '../plan/scenarioTables';
import type { BookPlan, BookSnapshot } from '../plan/types';
import { xiachengSample } from '../sample/xiacheng';
import type {
  AllocationOptions,
  BulletinOutcome,
  Controller,
  DownloadFile,
  FileResult,
  ListResult,
  PlanSummary,
  RankingRow,
} from './controllerTypes';
import type { Host } from './host';

const now = () => new Date().toISOString();

function summarize(snapshot: BookSnapshot): PlanSummary {
  const hasPlan = Boolean(snapshot.tables.TD_Units && snapshot.tables.TD_Targets);
  if (!hasPlan) {
    const year = new Date().getFullYear();
    return {
      hasPlan,
      name: '',
      district: '',
      organization: '',
      units: 0,
      indicators: [],
      targets: 0,
      years: [year],
      period: `${year}Q1`,
    };
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
    indicators: s.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      measure: i.measure,
      allocatable: i.kind === 'flow',
    })),
    targets: s.targets.length,
    years: years.length ? years : [new Date().getFullYear()],
    period: periods.at(-1) ?? `${years[0] ?? new Date().getFullYear()}Q1`,
  };
}

/** The edited-bulletin refusal of planRun: its sheet. */
function editedBulletin(e: unknown): string | undefined {
  return refusalCode(e) === 'bulletin.edited' ? (e as InputError).problems[0].where : undefined;
}

/** The document writer and `docx`, loaded when a 公文 is first exported. */
async function docxLib() {
  const [writer, plan] = await Promise.all([
    import(/* webpackChunkName: "docx" */ '../docx/writeDocument'),
    import(/* webpackChunkName: "docx" */ '../plan/bulletinDocument'),
  ]);
  return { ...writer, ...plan };
}

async function xlsxLib() {
  const [{ default: ExcelJS }, xlsx, files] = await Promise.all([
    import(/* webpackChunkName: "exceljs" */ 'exceljs'),
    import(/* webpackChunkName: "exceljs" */ '../xlsx'),
    import(/* webpackChunkName: "exceljs" */ '../xlsx/returnFile'),
  ]);
  return { ExcelJS, ...xlsx, ...files };
}

export function createController(host: Host): Controller {
  const allocation = (o: AllocationOptions) => (snapshot: BookSnapshot) =>
    planAllocate(snapshot, { year: o.year, indicator: o.indicator, method: o.method, now: now() });
  const runAssessment = async (period: string, bulletin: 'write' | 'overwrite' | 'skip') =>
    host.run(
      (snapshot) =>
        planRun(snapshot, period, {
          now: now(),
          issuedOn: localDate(new Date()),
          force: bulletin === 'overwrite',
          bulletin: bulletin !== 'skip',
        }),
      { sheets: bulletin === 'skip' ? [] : runSheetsToRead(period) },
    );

  return {
    async summary() {
      return summarize(await host.read());
    },

    async createPlan(source) {
      const scenario = source === 'sample' ? xiachengSample() : blankScenario();
      const plan: BookPlan = planInit(scenario, {
        now: now(),
        ...(source === 'sample' ? { note: ILLUSTRATIVE_NOTE } : {}),
      });
      const { notices } = await host.run(() => ({ plan }));
      return { sheets: plan.sheets.length, notices };
    },

    async previewAllocation(o) {
      return allocation(o)(await host.read()).preview;
    },

    async writeAllocation(o) {
      const { quotas } = await host.run(allocation(o));
      return { rows: quotas.length };
    },

    async makeTemplates(period) {
      const { templates } = await host.run((snapshot) =>
        templatesJob(snapshot, { period, now: now() }),
      );
      const { ExcelJS, applyBookPlan, bookBuffer } = await xlsxLib();
      const files: DownloadFile[] = [];
      for (const t of templates) {
        const wb = new ExcelJS.Workbook();
        applyBookPlan(wb, t.book);
        files.push({
          name: t.fileName,
          data: new Uint8Array(await bookBuffer(wb, { properties: t.book.properties })),
        });
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
          unreadable.push({
            file: f.name,
            accepted: false,
            taken: null,
            problems: problemsOf(e, f.name),
            warnings: [],
          });
        }
      }
      const { report } = await host.run((snapshot) =>
        importReturnsJob(snapshot, books, { now: now() }),
      );
      return [
        ...report.files.map((r): FileResult => ({
          file: r.file,
          accepted: r.status === 'accepted',
          taken:
            r.status === 'accepted'
              ? {
                  unit: r.unitName ?? r.unit ?? '',
                  period: r.period ?? '',
                  values: r.values.length,
                }
              : null,
          problems: r.errors,
          warnings: r.warnings,
        })),
        ...unreadable,
      ];
    },

    async importList(file, indicator) {
      const { readXlsxGrid, csvGrid } = await xlsxLib();
      const data = Buffer.from(file.data);
      const list = /\.csv$/i.test(file.name)
        ? csvGrid(data, file.name)
        : await readXlsxGrid(data, file.name);
      const { report } = await host.run((snapshot) =>
        importListJob(snapshot, list, { indicator, assign: {}, now: now() }),
      );
      const result: ListResult = {
        file: report.file,
        matched: report.matched,
        unmatched: report.unmatched.length,
        duplicates: report.duplicates.length,
        warnings: report.warnings,
      };
      return result;
    },

    async computeScores(period) {
      const result = await runAssessment(period, 'skip');
      const names = new Map(result.scenario.units.map((u) => [u.id, u.name]));
      return result.assessment.units.map((u): RankingRow => ({
        unit: u.unit,
        name: names.get(u.unit) ?? u.unit,
        type: u.type,
        total: u.total,
        rank: u.rank,
        grade: u.grade ?? '',
      }));
    },

    async generateBulletin(period, overwrite): Promise<BulletinOutcome> {
      try {
        const result = await runAssessment(period, overwrite ? 'overwrite' : 'write');
        return { sheet: result.bulletinSheet, notices: result.notices };
      } catch (e) {
        const sheet = editedBulletin(e);
        if (sheet) return { editedSheet: sheet };
        throw e;
      }
    },

    async bulletinDocument(period) {
      const snapshot = await host.read();
      const { planBulletinDocument, writeDocument } = await docxLib();
      const model = planBulletinDocument(snapshot, period, { issuedOn: localDate(new Date()) });
      return {
        name: `${bulletinSheetName(formatPeriod(parsePeriod(period)))}.docx`,
        data: await writeDocument(model),
      };
    },
  };
}

function problemsOf(e: unknown, file: string): { where: string; message: string; zh?: string }[] {
  if (e instanceof InputError)
    return e.problems.map((p) => ({
      where: p.where || file,
      message: problemText(p, 'en-US'),
      zh: problemText(p, 'zh-CN'),
    }));
  return [{ where: file, message: e instanceof Error ? e.message : String(e) }];
}
