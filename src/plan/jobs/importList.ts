import { Discrepancy } from '../../engine/bulletin';
import { formatProblemIn, InputError, inputError, Problem, problem } from '../../engine/errors';
import { GridBook } from '../../engine/grid';
import { buildMatcher, normalizeName } from '../../engine/matching';
import { formatPeriod, parsePeriod, Period } from '../../engine/period';
import { cumulativeCounts, parseList } from '../../engine/recognition';
import { carries } from '../../engine/returns';
import { RegistryRow } from '../../engine/types';
import { headerOf } from '../bookSchema';
import { where } from '../scenarioOrigins';
import { readScenario, readTable } from '../scenarioTables';
import { rowCells } from '../tableRows';
import { BookPlan, BookSnapshot, PlanCell } from '../types';
import { withUserColumns } from '../userColumns';
import { ActualsLedger, IMPORT_ACTIONS, logRow } from './actualsLedger';
import { tableUpdate } from './outputTables';
import { returnContext } from './importReturns';

/**
 * `import-list` (SPEC §9) as a pure job. All of an indicator's rows in TD_Recognitions (earlier
 * lists plus this one, which replaces an earlier import of the same file) are matched again against
 * the registry, so an assignment made now also places rows imported before. The first row with a
 * certificate number counts; later ones are flagged 重复 and not counted.
 *
 * Counting: a recognition issued in quarter q of year Y counts in q and every later quarter of Y
 * (actuals are year-to-date). For each year the list covers, every unit that carries the indicator
 * and has enterprises in the registry gets a list actual — 0 when it has no rows — for each
 * quarter from the first quarter with a recognition through Q4; the list outranks a return for
 * those periods (核对差异 reports where they differ). Quarters before the first recognition of the
 * year, and units without registered enterprises, are left to the returns.
 */
export const MATCH = {
  code: '已匹配（信用代码）',
  name: '已匹配（名称）',
  unmatched: '未匹配',
  ambiguous: '未匹配（名称对应多个单位）',
  duplicate: '重复（证书已计入）',
  notCarried: '已匹配（单位不承担该指标）',
} as const;

export interface ListParams {
  indicator: string;
  /** 企业名称 → unit id, remembered in TD_Registry. */
  assign: Record<string, string>;
  now: string;
  /** Quarter for rows whose date or batch names none. */
  period?: string;
  /** Let `assign` move an enterprise the registry already places in another unit. */
  reassign?: boolean;
}

/**
 * What the import amounts to (the CLI's exit code, SPEC §6): every row placed; some rows left
 * unmatched (the rest applied, exit 3); no row matched (nothing written, exit 2).
 */
export type ListOutcome = 'complete' | 'partial' | 'none';

export interface ListReport {
  file: string;
  indicator: string;
  rows: number;
  matched: number;
  unmatched: { row: number; name: string }[];
  duplicates: { row: number; name: string; certificate: string }[];
  /** Counted recognitions by unit and period (cumulative). */
  counts: { unit: string; period: string; count: number }[];
  changes: { unit: string; period: string; old: number | null; new: number | null }[];
  discrepancies: (Discrepancy & { period: string })[];
  registryAdded: { name: string; unit: string }[];
  /** Language-neutral (`--json` carries them as they are); each shell renders them in its own. */
  warnings: Problem[];
  outcome: ListOutcome;
}

interface RecRow {
  indicator: string;
  name: string;
  creditCode: string;
  certificate: string;
  issuedOn: string;
  batch: string;
  period: string;
  unit: string;
  match: string;
  file: string;
  importedAt: string;
  /** 1-based row in the list file, for this import's rows. */
  row?: number;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

export function importListJob(
  snapshot: BookSnapshot,
  list: GridBook,
  params: ListParams,
): { plan: BookPlan; report: ListReport } {
  const { scenario } = readScenario(snapshot);
  const problems: Problem[] = [];
  const indicator = scenario.indicators.find((i) => i.id === params.indicator);
  if (!indicator)
    throw inputError('list.unknownIndicator', '--indicator', { id: params.indicator });
  if (indicator.kind !== 'flow')
    throw inputError('list.notDecomposed', '--indicator', { name: indicator.name });
  let fallback: Period | undefined;
  if (params.period) fallback = parsePeriod(params.period, '--period');
  const unitIds = new Set(scenario.units.map((u) => u.id));
  const unitByText = (t: string) =>
    scenario.units.find((u) => u.id === t || normalizeName(u.name) === normalizeName(t))?.id;
  for (const [name, unit] of Object.entries(params.assign)) {
    if (!unitIds.has(unit) && !unitByText(unit))
      problems.push(problem('list.unknownUnit', `--assign ${name}=${unit}`, { unit }));
  }
  const parsed = parseList(list, fallback);
  problems.push(...parsed.errors);
  const recTable = readTable(snapshot, 'TD_Recognitions', problems);

  // Assignments: --assign, and a 单位编号 typed into a 未匹配 row of TD_Recognitions.
  const assign = new Map<string, { name: string; unit: string; creditCode: string }>();
  const existing: RecRow[] = (recTable?.rows ?? []).map((r) => ({
    indicator: str(r.indicator),
    name: str(r.name),
    creditCode: str(r.creditCode),
    certificate: str(r.certificate),
    issuedOn: str(r.issuedOn),
    batch: str(r.batch),
    period: str(r.period),
    unit: str(r.unit),
    match: str(r.match),
    file: str(r.file),
    importedAt: str(r.importedAt),
  }));
  existing.forEach((r, i) => {
    const at = (header: string) => where(recTable!.loc, recTable!.rowNumbers[i], header);
    if (r.indicator === indicator.id && !/^\d{4}Q[1-4]$/.test(r.period)) {
      problems.push(
        problem('list.badPeriod', at(headerOf('TD_Recognitions', 'period')), { period: r.period }),
      );
    }
    if (r.match.startsWith(MATCH.unmatched) && r.unit) {
      const unit = unitByText(r.unit);
      if (unit) assign.set(normalizeName(r.name), { name: r.name, unit, creditCode: r.creditCode });
      else
        problems.push(
          problem('list.unknownUnitCell', at(headerOf('TD_Recognitions', 'unit')), {
            unit: r.unit,
          }),
        );
    }
  });
  const registry: RegistryRow[] = scenario.registry.map((r) => ({ ...r }));
  // --assign places enterprises of a list; it neither invents one nor silently moves one.
  const known = [...parsed.rows, ...existing.filter((r) => r.indicator === indicator.id)];
  for (const [name, text] of Object.entries(params.assign)) {
    const unit = unitIds.has(text) ? text : unitByText(text);
    const listed = known.find((r) => normalizeName(r.name) === normalizeName(name));
    if (!listed) {
      problems.push(
        problem('list.assignUnlisted', `--assign ${name}=${text}`, {
          name,
          indicator: indicator.id,
        }),
      );
      continue;
    }
    const moved = registry.filter(
      (r) =>
        r.unit !== unit &&
        (normalizeName(r.name) === normalizeName(name) ||
          (listed.creditCode !== '' && r.creditCode === listed.creditCode)),
    );
    if (moved.length && !params.reassign) {
      const from = [...new Set(moved.map((r) => r.unit))].join(', ');
      problems.push(
        problem('list.assignRegistered', `--assign ${name}=${text}`, { name, from, unit }),
      );
      continue;
    }
    if (unit) assign.set(normalizeName(name), { name, unit, creditCode: listed.creditCode });
  }
  if (problems.length) throw new InputError(problems);
  const registryAdded: { name: string; unit: string }[] = [];
  let registryChanged = false;
  for (const a of assign.values()) {
    const hit = registry.filter((r) => normalizeName(r.name) === normalizeName(a.name));
    if (hit.length && hit.every((r) => r.unit === a.unit)) continue;
    registryChanged = true;
    if (hit.length) hit.forEach((r) => (r.unit = a.unit));
    else
      registry.push({
        name: a.name,
        ...(a.creditCode ? { creditCode: a.creditCode } : {}),
        unit: a.unit,
      });
    registryAdded.push({ name: a.name, unit: a.unit });
  }

  // This indicator's rows: earlier imports of other files, then this list's rows.
  const others = existing.filter((r) => r.indicator !== indicator.id);
  const kept = existing.filter((r) => r.indicator === indicator.id && r.file !== list.file);
  const fresh: RecRow[] = parsed.rows.map((r) => ({
    indicator: indicator.id,
    name: r.name,
    creditCode: r.creditCode,
    certificate: r.certificate,
    issuedOn: /^\d{4}-\d{2}-\d{2}$/.test(r.issued) ? r.issued : '',
    batch: /^\d{4}-\d{2}-\d{2}$/.test(r.issued) ? '' : r.issued,
    period: formatPeriod(r.period),
    unit: '',
    match: '',
    file: list.file,
    importedAt: params.now,
    row: r.row,
  }));
  const matcher = buildMatcher(registry);
  const seen = new Set<string>();
  // Certificates whose first row is placed nowhere, and this list's duplicates of placed or
  // unplaced ones: a list already imported under another name is neither "no match" nor complete
  // while some of its enterprises still wait for a unit.
  const unplaced = new Set<string>();
  const repeats = { placed: 0, unplaced: 0 };
  const counted: { unit: string; period: Period }[] = [];
  const report: ListReport = {
    file: list.file,
    indicator: indicator.id,
    rows: fresh.length,
    matched: 0,
    unmatched: [],
    duplicates: [],
    counts: [],
    changes: [],
    discrepancies: [],
    registryAdded,
    warnings: [...parsed.warnings],
    outcome: 'complete',
  };
  const carriers = new Set(scenario.units.filter((u) => carries(u, indicator)).map((u) => u.id));
  // A list speaks for the units enterprises are registered to; a unit with none in the registry
  // (a department, say) keeps its own return.
  const registryUnits = new Set(registry.map((r) => r.unit));
  const listed = [...carriers].filter((u) => registryUnits.has(u));
  for (const r of [...kept, ...fresh]) {
    const cert = r.certificate.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    if (cert && seen.has(cert)) {
      r.match = MATCH.duplicate;
      r.unit = '';
      if (r.row) report.duplicates.push({ row: r.row, name: r.name, certificate: r.certificate });
      if (r.row) repeats[unplaced.has(cert) ? 'unplaced' : 'placed']++;
      continue;
    }
    if (cert) seen.add(cert);
    const m = matcher.match(r.name, r.creditCode);
    if (m.status !== 'matched') {
      if (cert) unplaced.add(cert);
      r.match = m.status === 'ambiguous' ? MATCH.ambiguous : MATCH.unmatched;
      r.unit = '';
      if (r.row) report.unmatched.push({ row: r.row, name: r.name });
      continue;
    }
    r.unit = m.unit;
    if (r.row) report.matched++;
    if (!carriers.has(m.unit)) {
      r.match = MATCH.notCarried;
      continue;
    }
    r.match = m.by === 'code' ? MATCH.code : MATCH.name;
    counted.push({ unit: m.unit, period: parsePeriod(r.period) });
  }

  // List actuals for every year the indicator's rows cover.
  const ledger = new ActualsLedger(scenario.actuals);
  const planYears = new Set(returnContext(scenario).years);
  // Each year the rows cover, with its first quarter (each row's period parsed once).
  const all = [...kept, ...fresh];
  const firstQuarter = new Map<number, number>();
  for (const r of all) {
    const { year, quarter } = parsePeriod(r.period);
    firstQuarter.set(year, Math.min(firstQuarter.get(year) ?? quarter, quarter));
  }
  for (const year of [...firstQuarter.keys()].sort((a, b) => a - b)) {
    if (!planYears.has(year)) {
      report.warnings.push(problem('list.yearOutsidePlan', list.file, { year }));
      continue;
    }
    const counts = cumulativeCounts(counted, year);
    for (let q = firstQuarter.get(year)!; q <= 4; q++) {
      const period = `${year}Q${q}`;
      for (const unit of listed) {
        const count = counts.get(unit)?.[q - 1] ?? 0;
        report.counts.push({ unit, period, count });
        const current = ledger.get(indicator.id, unit, period);
        if (current?.source === 'return' && current.value !== count) {
          report.discrepancies.push({
            unit,
            indicator: indicator.id,
            period,
            reported: current.value,
            listed: count,
          });
        }
        const changed = ledger.set({
          indicator: indicator.id,
          unit,
          period,
          value: count,
          source: 'list',
          file: list.file,
          importedAt: params.now,
        });
        // A return replaced by an equal list count changes its source only: not a change of value.
        if (changed && current?.value !== count)
          report.changes.push({ unit, period, old: current?.value ?? null, new: count });
      }
    }
  }

  report.outcome =
    report.matched === 0 && repeats.placed === 0
      ? 'none'
      : report.unmatched.length > 0 || repeats.unplaced > 0
        ? 'partial'
        : 'complete';
  // A list none of whose rows can be placed changes nothing: the report says what to assign.
  if (report.outcome === 'none') return { plan: { sheets: [], tableUpdates: [] }, report };

  const recCells: PlanCell[][] = [...others, ...all].map((r) =>
    rowCells('TD_Recognitions', r as unknown as Record<string, unknown>),
  );
  const periods = [...new Set(report.counts.map((c) => c.period))];
  const detail = [
    ...report.changes.map((c) => `${c.unit} ${c.period}: ${c.old ?? '空'} → ${c.new}`),
    ...report.discrepancies.map(
      (d) => `核对差异 ${d.unit} ${d.period}: 报表 ${d.reported}，名单 ${d.listed}`,
    ),
    ...registryAdded.map((a) => `企业库：${a.name} → ${a.unit}`),
    // TD_Log is in the book's language, Chinese, as its other columns are.
    ...report.warnings.map((p) => formatProblemIn(p, 'zh-CN')),
  ].join('\n');
  const plan: BookPlan = {
    sheets: [],
    tableUpdates: withUserColumns(
      snapshot,
      [
        tableUpdate('TD_Recognitions', recCells, 'replace'),
        ...(registryChanged
          ? [
              tableUpdate(
                'TD_Registry',
                registry.map((r) =>
                  rowCells('TD_Registry', r as unknown as Record<string, unknown>),
                ),
                'replace',
              ),
            ]
          : []),
        ledger.update(),
        ledger.historyUpdate(params.now, IMPORT_ACTIONS.list),
        tableUpdate(
          'TD_Log',
          [
            logRow({
              time: params.now,
              action: IMPORT_ACTIONS.list,
              file: list.file,
              period: periods.length ? `${periods[0]}–${periods[periods.length - 1]}` : null,
              result: `${indicator.id}：${fresh.length}行，匹配${report.matched}，未匹配${report.unmatched.length}，重复${report.duplicates.length}，变更${report.changes.length}项，核对差异${report.discrepancies.length}项`,
              detail,
            }),
          ],
          'append',
        ),
      ],
      { time: params.now, action: IMPORT_ACTIONS.list },
    ),
  };
  return { plan, report };
}
