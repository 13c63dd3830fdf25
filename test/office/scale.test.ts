import type { Scenario } from '../../src/engine/types';
import { runJob } from '../../src/office';
import { planInit } from '../../src/plan/jobs/init';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { xiachengSample } from '../../src/sample/xiacheng';
import {
  PAYLOAD_LIMIT_BYTES,
  SimWorkbook,
  installSimulatedOffice,
} from '../support/simulatedExcel';

const NOW = '2019-10-15T09:00:00+08:00';

/** The Xiacheng sample with its units cloned up to `count` units, each with the original's basis and actuals. */
function scaledSample(count: number): Scenario {
  const base = xiachengSample();
  const units = Array.from({ length: count }, (_, i) => {
    const u = base.units[i % base.units.length];
    const copy = Math.floor(i / base.units.length);
    return {
      unit: u,
      id: copy === 0 ? u.id : `${u.id}_${copy}`,
      name: copy === 0 ? u.name : `${u.name}${copy}`,
    };
  });
  const cloneFor = <T extends { unit?: string }>(rows: T[], strip: (r: T) => T) =>
    units.flatMap(({ unit, id }) =>
      rows.filter((r) => r.unit === unit.id).map((r) => ({ ...strip(r), unit: id })),
    );
  return {
    ...base,
    units: units.map(({ unit, id, name }) => ({ ...unit, id, name })),
    basis: cloneFor(
      base.basis,
      ({ min, max, locked, ...rest }) => (void min, void max, void locked, rest),
    ),
    actuals: [
      ...base.actuals.filter((a) => a.unit === undefined),
      ...cloneFor(base.actuals, (a) => a),
    ],
    registry: [],
  };
}

async function initAndRun(scenario: Scenario) {
  const workbook = new SimWorkbook();
  workbook.addSheet('Sheet1');
  const office = installSimulatedOffice(globalThis, { workbook, apiVersion: '1.9' });
  try {
    await runJob(() => ({ plan: planInit(scenario, { now: NOW }) }));
    const initSyncs = office.stats.syncs;
    const initBatches = office.stats.batches;
    office.resetStats();
    const run = await runJob((s) => planRun(s, '2019Q3', { now: NOW }), {
      sheets: runSheetsToRead('2019Q3'),
    });
    return { office, initSyncs, initBatches, runSyncs: office.stats.syncs, run, workbook };
  } finally {
    office.uninstall();
  }
}

describe('sync count does not grow with the book (SPEC §11)', () => {
  it.each([
    ['the Xiacheng sample (8 streets and the departments)', xiachengSample()],
    ['500 units', scaledSample(500)],
  ])(
    'init takes 3 syncs (read, write, cosmetics) and run 2019Q3 2 with %s',
    async (_, scenario) => {
      const units = scenario.units.length;
      const { initSyncs, runSyncs, run, initBatches, workbook } = await initAndRun(scenario);
      // init's sheets have freeze panes and tab colours, set in a last sync of their own.
      expect(initSyncs).toBe(3);
      expect(runSyncs).toBe(2);
      expect(run.syncs).toBe(2);
      expect(run.assessment.units.length).toBe(units);
      expect(Math.max(...initBatches.map((b) => b.requestBytes))).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      const unitsTable = workbook.findTable('TD_Units')!;
      expect(unitsTable.r1 - unitsTable.r0).toBe(units);
    },
  );
});
