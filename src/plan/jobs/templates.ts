import { inputError } from '../../engine/errors';
import { parsePeriod } from '../../engine/period';
import { requirePlanPeriod } from '../../engine/plausible';
import { computeQuotas } from '../../engine/quotas';
import { carries } from '../../engine/returns';
import { readScenario } from '../scenarioTables';
import { returnTemplatePlan, templateFileName } from '../templatePlan';
import { BookPlan, BookSnapshot } from '../types';
import { IMPORT_ACTIONS, logRow } from './actualsLedger';
import { tableUpdate } from './outputTables';

/**
 * `templates` (SPEC §8) as a pure job: one return template per unit that carries at least one
 * indicator, with the unit's quotas for the period's year, and a TD_Log row for the plan book.
 */
export interface TemplateFile {
  fileName: string;
  unit: string;
  indicators: string[];
  book: BookPlan;
}

export function templatesJob(
  snapshot: BookSnapshot,
  params: { period: string; now: string },
): { plan: BookPlan; templates: TemplateFile[] } {
  const { valid: scenario } = readScenario(snapshot);
  const p = parsePeriod(params.period, '--period');
  if (!/Q[1-4]$/i.test(params.period))
    throw inputError('period.needsQuarter', '--period', { year: p.year });
  requirePlanPeriod(scenario, p);
  const quotas = new Map(
    computeQuotas(scenario, p.year).map((q) => [`${q.indicator}\u0000${q.unit}`, q.quota]),
  );
  const templates: TemplateFile[] = [];
  for (const unit of scenario.units) {
    const indicators = scenario.indicators.filter((i) => carries(unit, i));
    if (indicators.length === 0) continue;
    const rows = indicators.map((indicator) => ({
      indicator,
      quota: quotas.get(`${indicator.id}\u0000${unit.id}`) ?? null,
    }));
    templates.push({
      fileName: templateFileName(unit, p),
      unit: unit.id,
      indicators: indicators.map((i) => i.id),
      book: returnTemplatePlan({ planName: scenario.plan.name, unit, period: p, rows }),
    });
  }
  const period = `${p.year}Q${p.quarter}`;
  const plan: BookPlan = {
    sheets: [],
    tableUpdates: [
      tableUpdate(
        'TD_Log',
        [
          logRow({
            time: params.now,
            action: IMPORT_ACTIONS.templates,
            file: templates.map((t) => t.fileName).join('、'),
            period,
            result: `生成 ${templates.length} 份季度报表模板`,
          }),
        ],
        'append',
      ),
    ],
  };
  return { plan, templates };
}
