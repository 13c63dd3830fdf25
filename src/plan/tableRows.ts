/**
 * Scenario → workbook tables: each input table's rows in schema column order, enumerations shown
 * by their Chinese labels (reading them back is scenarioTables.ts).
 */
import type { QuotaRow, Scenario, Tier } from '../engine/types';
import { ColumnDef, INPUT_TABLES, QUOTA_SOURCE_LABELS, TABLES, TableName } from './bookSchema';
import { SETTING_KEYS, SETTING_LABELS } from './settings';
import type { PlanCell, Scalar } from './types';

type Row = Record<string, unknown>;

function label(c: ColumnDef, code: unknown): PlanCell {
  if (code === undefined || code === null) return null;
  return c.labels?.[String(code)] ?? String(code);
}

/** One table row in schema column order from an object keyed by column key. */
export function rowCells(table: TableName, obj: Row): PlanCell[] {
  return TABLES[table].columns.map((c) => {
    const v = obj[c.key];
    if (v === undefined || v === null) return null;
    if (c.type === 'enum') return label(c, v);
    if (c.type === 'json') return JSON.stringify(v);
    return v as PlanCell;
  });
}

export function formatTiers(tiers: readonly Tier[]): string {
  return tiers.map((t) => `${t.min}:${t.factor}`).join('; ');
}

export function settingsRows(s: Scenario): PlanCell[][] {
  const values: [string, Scalar][] = [
    [SETTING_KEYS.planName, s.plan.name],
    [SETTING_KEYS.district, s.plan.district],
    [SETTING_KEYS.organization, s.plan.organization],
    [SETTING_KEYS.statusAhead, s.scoring.status?.ahead ?? null],
    [SETTING_KEYS.statusWarn, s.scoring.status?.warn ?? null],
    [SETTING_KEYS.returnDeadlineDays, s.plan.returnDeadlineDays ?? null],
    [SETTING_KEYS.docNumberPattern, s.plan.docNumberPattern ?? null],
  ];
  return values.map(([key, value]) =>
    rowCells('TD_Settings', { label: SETTING_LABELS[key], key, value }),
  );
}

export function quotaRowCells(
  s: Scenario,
  q: QuotaRow,
  source: keyof typeof QUOTA_SOURCE_LABELS,
): PlanCell[] {
  return rowCells('TD_Quotas', {
    ...q,
    indicatorName: s.indicators.find((i) => i.id === q.indicator)?.name ?? null,
    unitName: s.units.find((u) => u.id === q.unit)?.name ?? null,
    source,
  });
}

/** The body rows of every input table for a scenario (TD_Quotas holds its given quotas). */
export function scenarioToTables(s: Scenario): Record<(typeof INPUT_TABLES)[number], PlanCell[][]> {
  const flat = (o: object, extra: Row = {}) => ({ ...(o as Row), ...extra });
  return {
    TD_Settings: settingsRows(s),
    TD_Units: s.units.map((u) => rowCells('TD_Units', flat(u))),
    TD_Indicators: s.indicators.map((i) =>
      rowCells(
        'TD_Indicators',
        flat(i, Object.fromEntries((i.profile ?? []).map((p, k) => [`profile.${k}`, p]))),
      ),
    ),
    TD_Targets: s.targets.map((t) => rowCells('TD_Targets', flat(t))),
    TD_Basis: s.basis.map((b) => rowCells('TD_Basis', flat(b))),
    TD_Quotas: s.quotas.map((q) => quotaRowCells(s, q, 'given')),
    TD_Actuals: s.actuals.map((a) => rowCells('TD_Actuals', flat(a))),
    TD_Rules: s.scoring.rules.map((r) =>
      rowCells('TD_Rules', flat(r, { tiers: r.tiers ? formatTiers(r.tiers) : null })),
    ),
    TD_Grades: s.scoring.grades.map((g) => rowCells('TD_Grades', flat(g))),
    TD_Registry: s.registry.map((r) => rowCells('TD_Registry', flat(r))),
  };
}
