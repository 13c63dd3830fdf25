/** The scenario's actuals (plausible against the year's task) and the enterprise registry. */
import { InputError } from './errors';
import { formatPeriod, parsePeriod } from './period';
import { annualTask, implausibleActual } from './plausible';
import { Actual, ActualSource, RegistryRow, Scenario } from './types';
import { key, unique, withOptional } from './validateChecker';
import { indicatorRef, KnownUnit, Refs, unitRef } from './validateUnits';
import { ENTITY_KEYS } from './scenarioKeys';

const SOURCES: readonly ActualSource[] = ['return', 'list', 'manual'];

/** `tasks`: the targets and given quotas an actual's plausibility is measured against (SPEC §12). */
export function readActuals(
  r: Refs,
  list: unknown[],
  tasks: Pick<Scenario, 'targets' | 'quotas'>,
): Actual[] {
  const { c } = r;
  const out: Actual[] = [];
  const seen = new Map<string, string>();
  const firstText = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `actuals[${i}]`;
    const o = c.object(x, where, ENTITY_KEYS.actuals);
    if (!o) return;
    const ind = indicatorRef(r, o, where, false);
    let unit: KnownUnit | undefined;
    if (ind?.kind === 'level') {
      if (o.unit !== undefined && o.unit !== null)
        c.add('actual.levelHasUnit', `${where}.unit`, { indicator: ind.id });
    } else if (ind?.kind === 'flow') {
      unit = unitRef(r, o, where, ind);
    }
    const periodText = c.string(o, 'period', where, true);
    let period: string | undefined;
    let year: number | undefined;
    if (periodText !== undefined) {
      try {
        const parsed = parsePeriod(periodText);
        year = parsed.year;
        period = formatPeriod(parsed);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        c.addAt(e.problems[0], `${where}.period`);
      }
    }
    let fresh = true;
    if (
      ind?.kind &&
      (ind.kind === 'level' || unit) &&
      periodText !== undefined &&
      period !== undefined
    ) {
      const k = key(ind.id, unit?.id ?? '', period);
      const earlier = firstText.get(k);
      fresh = unique(seen, k, where, (first) =>
        c.add('duplicate.actual', where, {
          indicator: ind.id,
          unit: unit?.id ?? null,
          period,
          sameAs: earlier !== undefined && earlier !== periodText ? earlier : null,
          text: periodText,
          first,
        }),
      );
      if (fresh) firstText.set(k, periodText);
    }
    let value = c.number(o, 'value', where, true, ind?.kind === 'flow' ? 0 : undefined);
    if (value !== undefined && ind && year !== undefined) {
      const wrong = implausibleActual(value, annualTask(tasks, ind.id, year, unit?.id));
      if (wrong) {
        c.addAt(wrong, `${where}.value`);
        value = undefined;
      }
    }
    let source: ActualSource | undefined;
    if (o.source !== undefined) source = c.oneOf(o, 'source', where, SOURCES, 'source');
    const file = c.string(o, 'file', where, false);
    const importedAt = c.string(o, 'importedAt', where, false);
    if (
      !fresh ||
      !ind?.kind ||
      (ind.kind === 'flow' && !unit) ||
      periodText === undefined ||
      value === undefined
    )
      return;
    out.push(
      withOptional<Actual>(
        { indicator: ind.id, period: periodText, value },
        { unit: unit?.id, source, file, importedAt },
      ),
    );
  });
  return out;
}

export function readRegistry(r: Refs, list: unknown[]): RegistryRow[] {
  const { c } = r;
  const out: RegistryRow[] = [];
  const codes = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `registry[${i}]`;
    const o = c.object(x, where, ENTITY_KEYS.registry);
    if (!o) return;
    const name = c.string(o, 'name', where, true);
    const creditCode = c.string(o, 'creditCode', where, false);
    if (creditCode) {
      const at = `${where}.creditCode`;
      unique(codes, creditCode, at, (first) =>
        c.add('duplicate.creditCode', at, { code: creditCode, first }),
      );
    }
    const unit = unitRef(r, o, where, undefined);
    if (name !== undefined && unit)
      out.push(withOptional<RegistryRow>({ name, unit: unit.id }, { creditCode }));
  });
  return out;
}
