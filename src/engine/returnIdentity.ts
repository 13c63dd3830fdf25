/**
 * Whose return it is and for when (SPEC §8): the plan, template version, unit and period, each read
 * from the document property first and else from the labelled cell above the table; where both
 * are there they must agree.
 */
import { a1 } from './address';
import { cellText, GridBook, GridSheet } from './grid';
import { headerKey } from './headerKey';
import { problem, Problem } from './messages/catalogue';
import { formatPeriod } from './period';
import { parseQuarter, RETURN_LABELS, RETURN_PROPS, RETURN_VERSION } from './returnTemplate';
import { Unit } from './types';

export interface IdentityContext {
  planName: string;
  units: Unit[];
  years: number[];
  period?: string;
}

export interface ReturnIdentity {
  unit: Unit | undefined;
  /** The period's year as read, also when the period is refused for this import. */
  year: number | null;
  /** The period the values are for, when it may be imported. */
  period: string | null;
}

/** The value next to a label such as 填报单位 in the rows above the table. */
function labelled(
  sheet: GridSheet,
  label: string,
  above: number,
): { value: string; cell: string } | null {
  for (let r = 0; r < Math.min(above, sheet.cells.length); r++) {
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (headerKey(cellText(row[c])).replace(/[:：]$/, '') !== label) continue;
      // The value is the cell right of its label (the first of a merged range).
      return { value: cellText(row[c + 1] ?? null), cell: a1(r, c + 1) };
    }
  }
  return null;
}

/** How the header is read: labelled cells, where they are, and the problems found. */
interface Reader {
  ctx: IdentityContext;
  props: Record<string, string>;
  label: (l: string) => { value: string; cell: string } | null;
  at: (cell?: string) => string;
  propWhere: (name: string) => string;
  errors: Problem[];
}

export function readIdentity(
  book: GridBook,
  ctx: IdentityContext,
  headSheet: GridSheet | undefined,
  above: number,
  errors: Problem[],
): ReturnIdentity {
  const sheetName = headSheet?.name ?? '';
  const r: Reader = {
    ctx,
    props: book.properties,
    label: (l) => (headSheet ? labelled(headSheet, l, above) : null),
    at: (cell) => [book.file, sheetName, cell].filter(Boolean).join(' › '),
    propWhere: (name) => `${book.file} › 文档属性 ${name}`,
    errors,
  };
  checkPlanAndVersion(r);
  const unit = readUnit(r);
  return { unit, ...readPeriod(r) };
}

/** A template of another plan is refused even when its unit ids happen to agree. */
function checkPlanAndVersion({ ctx, props, label, at, propWhere, errors }: Reader): void {
  const planProp = props[RETURN_PROPS.plan];
  const planCell = label(RETURN_LABELS.plan);
  const plan = planProp ?? planCell?.value;
  if (plan !== undefined && plan !== '' && headerKey(plan) !== headerKey(ctx.planName)) {
    const where = planProp !== undefined ? propWhere(RETURN_PROPS.plan) : at(planCell?.cell);
    errors.push(problem('return.otherPlan', where, { plan, planName: ctx.planName }));
  }
  const versionProp = props[RETURN_PROPS.version];
  const versionCell = label(RETURN_LABELS.version);
  const version = versionProp ?? versionCell?.value;
  if (version !== undefined && version !== RETURN_VERSION) {
    const where =
      versionProp !== undefined ? propWhere(RETURN_PROPS.version) : at(versionCell?.cell);
    errors.push(problem('return.badVersion', where, { version, expected: RETURN_VERSION }));
  }
}

/** Which unit: the property first, else the visible id or name; the two must agree. */
function readUnit({ ctx, props, label, at, propWhere, errors }: Reader): Unit | undefined {
  const unitProp = props[RETURN_PROPS.unit];
  const idCell = label(RETURN_LABELS.unitId);
  const nameCell = label(RETURN_LABELS.unit);
  let unit: Unit | undefined;
  if (unitProp !== undefined) {
    unit = ctx.units.find((u) => u.id === unitProp);
    if (!unit)
      errors.push(problem('return.unknownUnit', propWhere(RETURN_PROPS.unit), { unit: unitProp }));
  } else if (idCell && idCell.value) {
    unit = ctx.units.find((u) => u.id === idCell.value);
    if (!unit) errors.push(problem('return.unknownUnitId', at(idCell.cell), { id: idCell.value }));
  } else if (nameCell && nameCell.value) {
    unit = ctx.units.find((u) => headerKey(u.name) === headerKey(nameCell.value));
    if (!unit)
      errors.push(problem('return.unknownUnit', at(nameCell.cell), { unit: nameCell.value }));
  } else {
    errors.push(problem('return.noUnit', at(), {}));
  }
  if (unit && unitProp !== undefined) {
    if (idCell && idCell.value && idCell.value !== unit.id) {
      errors.push(
        problem('return.unitIdDisagrees', at(idCell.cell), { id: idCell.value, unit: unit.id }),
      );
    } else if (nameCell && nameCell.value && headerKey(nameCell.value) !== headerKey(unit.name)) {
      errors.push(
        problem('return.unitNameDisagrees', at(nameCell.cell), {
          name: nameCell.value,
          unit: unit.name,
        }),
      );
    }
  }
  return unit;
}

/** Which period: the property first, else the visible cell; the two must agree. */
function readPeriod({
  ctx,
  props,
  label,
  at,
  propWhere,
  errors,
}: Reader): Omit<ReturnIdentity, 'unit'> {
  const periodProp = props[RETURN_PROPS.period];
  const periodCell = label(RETURN_LABELS.period);
  const periodText = periodProp ?? periodCell?.value;
  const where = periodProp !== undefined ? propWhere(RETURN_PROPS.period) : at(periodCell?.cell);
  if (!periodText) {
    errors.push(problem('return.noPeriod', where, {}));
    return { year: null, period: null };
  }
  const period = parseQuarter(periodText);
  if (!period) {
    errors.push(problem('return.badPeriod', where, { period: periodText }));
    return { year: null, period: null };
  }
  const text = formatPeriod(period);
  const shown = periodCell?.value ? parseQuarter(periodCell.value) : null;
  if (periodProp !== undefined && shown && formatPeriod(shown) !== text) {
    errors.push(
      problem('return.periodDisagrees', at(periodCell!.cell), {
        period: periodCell!.value,
        property: text,
      }),
    );
  }
  const year = period.year;
  if (ctx.period && ctx.period !== text) {
    errors.push(problem('return.otherPeriod', where, { period: text, importing: ctx.period }));
    return { year, period: null };
  }
  if (!ctx.years.includes(year)) {
    errors.push(problem('return.yearOutsidePlan', where, { year, period: text }));
    return { year, period: null };
  }
  return { year, period: text };
}
