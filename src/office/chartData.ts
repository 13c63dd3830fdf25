/**
 * Office.js charts plot cells, while a ChartPlan carries its figures (the xlsx adapter writes them as
 * literals). Inside Excel the figures of each chart are kept as a block in a very hidden sheet:
 * a header row (blank, value label, reference label, owner sheet) and one row per category
 * (category, value, reference). Column D names the sheet whose chart plots the block, so the blocks
 * of a sheet laid out afresh are cleared with it; new blocks go below the last used row.
 */
import type { ChartPlan, Scalar } from '../plan/types';
import { OfficeInput, officeInput } from './cellInput';

export const CHART_DATA_SHEET = 'TD_ChartData';
export const CHART_DATA_FORMATS = ['General', '0.0%', '0.0%', 'General'];

export function chartBlock(owner: string, plan: ChartPlan): OfficeInput[][] {
  return [
    ['', officeInput(plan.valueLabel), officeInput(plan.referenceLabel), officeInput(owner)],
    ...plan.categories.map((c, i) => [
      officeInput(c),
      plan.values[i],
      plan.reference,
      officeInput(owner),
    ]),
  ];
}

/** 1-based rows of the data sheet that belong to the given sheets, as runs [first, last]. */
export function ownedRuns(
  values: readonly Scalar[][],
  owners: ReadonlySet<string>,
): [number, number][] {
  const runs: [number, number][] = [];
  values.forEach((row, i) => {
    const owner = row[3];
    if (typeof owner !== 'string' || !owners.has(owner.toLowerCase())) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else runs.push([i + 1, i + 1]);
  });
  return runs;
}
