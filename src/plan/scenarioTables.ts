/**
 * Workbook tables → scenario (writing them is tableRows.ts). Reading finds columns by header (extra user columns and any column order are fine),
 * skips blank rows, and reports every problem located as `sheet › table › 第N行 › header`, where N is
 * the row number the user sees in Excel — including the engine validator's problems, whose JSON
 * paths (`targets[2].method`) are mapped back to the row and column they came from.
 */
import { InputError, Problem, problem } from '../engine/errors';
import { Complaint, complaint, placed, rewritten } from '../engine/messages/catalogue';
import type {
  Actual,
  Basis,
  Grade,
  Indicator,
  QuotaRow,
  RegistryRow,
  Rule,
  Scenario,
  Target,
  Tier,
  Unit,
} from '../engine/types';
import { validateScenario } from '../engine/validate';
import { givenAsLocks } from './givenQuotas';
import {
  ColumnDef,
  INPUT_TABLES,
  QUOTA_SOURCE_LABELS,
  TABLES,
  TableName,
  headerOf,
} from './bookSchema';
import { SETTING_KEYS } from './settings';
import { decodeCell } from '../engine/address';
import { ARRAY_TABLES, Origins, TableLocation, locate, where } from './scenarioOrigins';
import { headerKey } from '../engine/headerKey';
import type { BookSnapshot, Scalar, TableData } from './types';
import { ENTITY_KEYS } from '../engine/scenarioKeys';

type Row = Record<string, unknown>;

// ---------------------------------------------------------------- reading

/** A table's body read by column key; `rowNumbers[i]` is the sheet row of `rows[i]`. */
export interface ReadTable {
  loc: TableLocation;
  rows: Row[];
  rowNumbers: number[];
}

/**
 * Finds a table in a snapshot and checks that its required headers are present, returning the
 * index of each schema column in the table (−1 for a missing optional one).
 */
export function locateColumns(
  snapshot: BookSnapshot,
  name: TableName,
  problems: Problem[],
): { data: TableData; index: number[] } | null {
  const def = TABLES[name];
  const data = snapshot.tables[name];
  if (!data) {
    problems.push(problem('table.missing', name, { sheet: def.sheet }));
    return null;
  }
  const headers = data.headers.map(headerKey);
  const index = def.columns.map((c) => headers.indexOf(headerKey(c.header)));
  const missing = def.columns.filter((c, i) => index[i] < 0 && !c.optionalOnRead);
  for (const c of missing) {
    problems.push(
      problem('table.missingColumn', where({ sheet: data.sheet, table: name }), {
        header: c.header,
      }),
    );
  }
  return missing.length ? null : { data, index };
}

function cellText(v: Scalar): string | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === 'string' ? v : String(v);
  return s.trim() === '' ? null : s;
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A problem's text, before it is given a place. */
const notANumber = (shown: string) => complaint('cell.notNumber', { shown });

const notFinite = (shown: string) => complaint('cell.notFinite', { shown });

function parseNumberCell(v: Scalar, c: ColumnDef): number | Complaint {
  if (typeof v === 'number') return Number.isFinite(v) ? v : notFinite(String(v));
  if (typeof v === 'boolean') return notANumber(String(v));
  const s = String(v).trim().normalize('NFKC');
  let n: number;
  if (c.type === 'percent' && s.endsWith('%') && NUMBER_RE.test(s.slice(0, -1).trim()))
    n = Number(s.slice(0, -1).trim()) / 100;
  else if (NUMBER_RE.test(s)) n = Number(s);
  else return notANumber(JSON.stringify(String(v)));
  return Number.isFinite(n) ? n : notFinite(JSON.stringify(String(v)));
}

/** Reads one cell as the JSON value of its column, or what is wrong with it. */
function readCell(v: Scalar, c: ColumnDef): { value?: unknown; error?: Complaint } {
  const text = cellText(v);
  if (text === null) return {};
  switch (c.type) {
    case 'integer':
    case 'number':
    case 'percent': {
      const n = parseNumberCell(v, c);
      if (typeof n !== 'number') return { error: n };
      if (c.type === 'integer' && !Number.isInteger(n))
        return { error: complaint('cell.notWhole', { got: n }) };
      return { value: n };
    }
    case 'enum': {
      const t = text.trim();
      const byLabel = Object.entries(c.labels ?? {}).find(([, l]) => l === t);
      return { value: byLabel ? byLabel[0] : t };
    }
    default:
      return { value: text };
  }
}

export function readTable(
  snapshot: BookSnapshot,
  name: TableName,
  problems: Problem[],
): ReadTable | null {
  const located = locateColumns(snapshot, name, problems);
  if (!located) return null;
  const { data, index } = located;
  const def = TABLES[name];
  const top = decodeCell(data.ref.split(':')[0]).row;
  const loc: TableLocation = { table: name, sheet: data.sheet };
  const rows: Row[] = [];
  const rowNumbers: number[] = [];
  data.rows.forEach((cells, r) => {
    const rowNo = top + 1 + r;
    const row: Row = {};
    let blank = true;
    def.columns.forEach((c, k) => {
      if (index[k] < 0) return;
      const { value, error } = readCell(cells[index[k]] ?? null, c);
      if (error) problems.push(placed(error, where(loc, rowNo, c.header)));
      if (value !== undefined) row[c.key] = value;
      if (value !== undefined || error) blank = false;
    });
    if (blank) return;
    rows.push(row);
    rowNumbers.push(rowNo);
  });
  return { loc, rows, rowNumbers };
}

function pick<T>(row: Row, keys: readonly string[]): T {
  const out: Row = {};
  for (const k of keys) if (row[k] !== undefined) out[k] = row[k];
  return out as T;
}

function parseTiers(text: string): Tier[] | Complaint {
  const parts = text
    .normalize('NFKC')
    .split(/[;,，；、]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const tiers: Tier[] = [];
  for (const p of parts) {
    const m = /^(\S+?)\s*[:=]\s*(\S+)$/.exec(p);
    if (!m || !NUMBER_RE.test(m[1]) || !NUMBER_RE.test(m[2])) {
      return complaint('cell.badTier', { text: p });
    }
    tiers.push({ min: Number(m[1]), factor: Number(m[2]) });
  }
  return tiers;
}

export interface ReadScenario {
  /** The scenario as the tables hold it: optional fields absent where cells are blank. */
  scenario: Scenario;
  /** The engine validator's result for it. */
  valid: Scenario;
  /** Re-locates an engine InputError about this scenario (JSON paths) to sheets, tables, rows and columns. */
  relocate(e: InputError): InputError;
}

const PATH_IN_TEXT =
  /\b(?:units|indicators|targets|basis|quotas|actuals|registry|scoring\.rules|scoring\.grades)\[\d+\](?:\.[A-Za-z]+(?:\[\d+\])?)?/g;

/**
 * Reads and validates the scenario of a plan workbook. Throws InputError listing every problem,
 * each located by sheet, table, row and column.
 */
export function readScenario(snapshot: BookSnapshot): ReadScenario {
  const problems: Problem[] = [];
  const t: Partial<Record<TableName, ReadTable>> = {};
  for (const name of INPUT_TABLES) {
    const r = readTable(snapshot, name, problems);
    if (r) t[name] = r;
  }
  // Without a table nothing can be located; bad cells are listed with the validator's problems.
  if (INPUT_TABLES.some((name) => !t[name])) throw new InputError(problems);
  const T = t as Record<(typeof INPUT_TABLES)[number], ReadTable>;

  const settingRows: Record<string, number> = {};
  const settings: Record<string, unknown> = {};
  T.TD_Settings.rows.forEach((r, i) => {
    const key = typeof r.key === 'string' ? r.key.trim() : undefined;
    if (!key) return;
    if (key in settings) {
      problems.push(
        problem('settings.duplicate', where(T.TD_Settings.loc, T.TD_Settings.rowNumbers[i], '键'), {
          key,
        }),
      );
    }
    settings[key] = r.value;
    settingRows[key] = T.TD_Settings.rowNumbers[i];
  });
  const settingNumber = (key: string): number | undefined => {
    const v = settings[key];
    if (v === undefined) return undefined;
    const n = parseNumberCell(v as Scalar, { key, header: '值', type: 'number' });
    if (typeof n !== 'number') {
      problems.push(placed(n, where(T.TD_Settings.loc, settingRows[key], '值')));
      return undefined;
    }
    return n;
  };
  // A blank plan field is the empty text (the validator's default), not a missing key.
  const text = (key: string) => (settings[key] === undefined ? '' : String(settings[key]));
  const plan: Scenario['plan'] = {
    name: text(SETTING_KEYS.planName),
    district: text(SETTING_KEYS.district),
    organization: text(SETTING_KEYS.organization),
  };
  const days = settingNumber(SETTING_KEYS.returnDeadlineDays);
  if (days !== undefined) plan.returnDeadlineDays = days;
  const pattern = text(SETTING_KEYS.docNumberPattern).trim();
  if (pattern) plan.docNumberPattern = pattern;
  const ahead = settingNumber(SETTING_KEYS.statusAhead);
  const warn = settingNumber(SETTING_KEYS.statusWarn);

  const indicators = T.TD_Indicators.rows.map((r, i) => {
    const ind = pick<Indicator>(
      r,
      ENTITY_KEYS.indicators.filter((k) => k !== 'profile'),
    );
    const profile = [0, 1, 2, 3].map((k) => r[`profile.${k}`]);
    const given = profile.filter((p) => p !== undefined).length;
    if (given === 4) ind.profile = profile as Indicator['profile'];
    else if (given > 0) {
      problems.push(
        problem(
          'indicator.partialProfile',
          where(T.TD_Indicators.loc, T.TD_Indicators.rowNumbers[i]),
          {},
        ),
      );
    }
    return ind;
  });

  const quotaOrigin: number[] = [];
  const quotas: QuotaRow[] = [];
  T.TD_Quotas.rows.forEach((r, i) => {
    if (r.source === 'computed') return;
    if (r.source !== 'given') {
      problems.push(
        problem('quotas.unknownSource', where(T.TD_Quotas.loc, T.TD_Quotas.rowNumbers[i], '来源'), {
          got: r.source ?? '',
          given: QUOTA_SOURCE_LABELS.given,
          computed: QUOTA_SOURCE_LABELS.computed,
        }),
      );
      // Still checked as a given row, so that its neighbours are not reported as incomplete.
    }
    quotas.push(pick<QuotaRow>(r, ENTITY_KEYS.quotas));
    quotaOrigin.push(T.TD_Quotas.rowNumbers[i]);
  });

  const rules = T.TD_Rules.rows.map((r, i) => {
    const rule = pick<Rule>(r, ENTITY_KEYS.rules);
    if (typeof r.tiers === 'string') {
      const tiers = parseTiers(r.tiers);
      if (!Array.isArray(tiers)) {
        problems.push(
          placed(
            tiers,
            where(T.TD_Rules.loc, T.TD_Rules.rowNumbers[i], TABLES.TD_Rules.columns[4].header),
          ),
        );
        delete rule.tiers;
      } else rule.tiers = tiers;
    }
    return rule;
  });

  const typed: Scenario = {
    plan,
    units: T.TD_Units.rows.map((r) => pick<Unit>(r, ENTITY_KEYS.units)),
    indicators,
    targets: T.TD_Targets.rows.map((r) => pick<Target>(r, ENTITY_KEYS.targets)),
    basis: T.TD_Basis.rows.map((r) => pick<Basis>(r, ENTITY_KEYS.basis)),
    quotas,
    actuals: T.TD_Actuals.rows.map((r) => {
      const a = pick<Actual>(r, ENTITY_KEYS.actuals);
      if (typeof r.period === 'string') a.period = r.period.trim();
      return a;
    }),
    scoring: {
      rules,
      grades: T.TD_Grades.rows.map((r) => pick<Grade>(r, ENTITY_KEYS.grades)),
      ...(ahead !== undefined || warn !== undefined
        ? { status: pick<{ ahead: number; warn: number }>({ ahead, warn }, ENTITY_KEYS.status) }
        : {}),
    },
    registry: T.TD_Registry.rows.map((r) => pick<RegistryRow>(r, ENTITY_KEYS.registry)),
  };
  const given = givenAsLocks(typed, quotaOrigin);
  const scenario = given.scenario;
  for (const g of given.tooMuch)
    problems.push(
      problem(
        'quotas.fixedOverTarget',
        where(T.TD_Quotas.loc, g.row, headerOf('TD_Quotas', 'quota')),
        {
          indicator: g.indicator,
          year: g.year,
          sum: g.sum,
          total: g.total,
          given: QUOTA_SOURCE_LABELS.given,
          computed: QUOTA_SOURCE_LABELS.computed,
        },
      ),
    );

  const origins: Origins = {
    arrays: Object.fromEntries(
      Object.entries(ARRAY_TABLES).map(([path, name]) => [
        path,
        {
          loc: T[name as (typeof INPUT_TABLES)[number]].loc,
          rows:
            name === 'TD_Quotas' ? given.rows : T[name as (typeof INPUT_TABLES)[number]].rowNumbers,
        },
      ]),
    ),
    settings: { loc: T.TD_Settings.loc, rows: settingRows },
    lockedFrom: { loc: T.TD_Quotas.loc, rows: given.lockedFrom },
  };
  // An allocation that fails around quotas fixed in 任务分解 names their cells too.
  const fixedIn = (path: string): string => {
    const t = scenario.targets[Number(/^targets\[(\d+)\]/.exec(path)?.[1] ?? -1)];
    const cells = [...given.lockedFrom]
      .filter(
        ([b]) => scenario.basis[b].indicator === t?.indicator && scenario.basis[b].year === t?.year,
      )
      .map(([, row]) => where(T.TD_Quotas.loc, row, headerOf('TD_Quotas', 'quota')));
    return cells.join('; ');
  };
  const relocate = (e: InputError) =>
    new InputError(
      e.problems.map((p) => {
        const fixed = fixedIn(p.where);
        const at = rewritten(p, locate(p.where, origins), (text) =>
          text.replace(PATH_IN_TEXT, (path) => locate(path, origins)),
        );
        return fixed ? problem('book.quotasFixedIn', at.where, { problem: at, cells: fixed }) : at;
      }),
    );
  let valid: Scenario | undefined;
  try {
    valid = validateScenario(JSON.parse(JSON.stringify(scenario)));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problems.push(...withoutRepeats(problems, relocate(e).problems));
  }
  if (problems.length || !valid) throw new InputError(problems);
  return { scenario, valid, relocate };
}

/**
 * The validator's problems except those about a cell already reported when it was read: a cell
 * that is not a number is absent from the scenario, and "is required" would say it twice.
 */
function withoutRepeats(read: readonly Problem[], found: readonly Problem[]): Problem[] {
  const places = new Set(read.map((p) => p.where));
  return found.filter((p) => !places.has(p.where));
}

/** The scenario a plan workbook holds (what `export` prints). Throws InputError naming where. */
export function snapshotToScenario(snapshot: BookSnapshot): Scenario {
  return readScenario(snapshot).scenario;
}
