/**
 * Edit detection for run's bulletin sheet: a sheet whose values no longer match the fingerprint
 * logged when it was written was edited by someone, and is only overwritten with `force`, its old
 * values then kept in TD_History.
 */
import { inputError } from '../../engine/errors';
import { LOG_ACTIONS } from '../bookSchema';
import { readTable } from '../scenarioTables';
import { rowCells } from '../tableRows';
import type { BookSnapshot, PlanCell } from '../types';
import { periodKey } from './bulletinText';
import { gridHash } from './sheetHash';

/** The hash logged with the last run that wrote `period`'s bulletin, if any. */
function loggedBulletinHash(snapshot: BookSnapshot, period: string): string | null {
  if (!snapshot.tables.TD_Log) return null;
  const log = readTable(snapshot, 'TD_Log', []);
  if (!log) return null;
  let hash: string | null = null;
  for (const r of log.rows) {
    if (
      r.action === LOG_ACTIONS.run &&
      periodKey(r.period) === period &&
      typeof r.hash === 'string'
    )
      hash = r.hash;
  }
  return hash;
}

/**
 * The TD_History rows of an edited bulletin sheet about to be overwritten (none when the book lacks
 * it or it is as written); refuses to overwrite an edited one without `force`.
 */
export function editedBulletinHistory(
  snapshot: BookSnapshot,
  bulletinSheet: string,
  period: string,
  force: boolean,
  now: string,
): PlanCell[][] {
  if (!snapshot.sheetNames.includes(bulletinSheet)) return [];
  const current = snapshot.sheets[bulletinSheet];
  if (!current)
    throw new Error(
      `planRun: the snapshot lacks the values of sheet "${bulletinSheet}" (see runSheetsToRead)`,
    );
  if (gridHash(current) === loggedBulletinHash(snapshot, period)) return [];
  if (!force) {
    throw inputError('bulletin.edited', bulletinSheet, {});
  }
  return current
    .filter((cells) => cells.some((v) => v !== null && v !== ''))
    .map((cells) =>
      rowCells('TD_History', {
        time: now,
        action: LOG_ACTIONS.run,
        table: bulletinSheet,
        period,
        row: cells,
      }),
    );
}
