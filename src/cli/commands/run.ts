import * as path from 'path';
import { InputError } from '../../engine/errors';
import { localDate, parsePeriod } from '../../engine/period';
import { chineseDate } from '../../engine/bulletin';
import { editText } from '../../plan/jobs/quotaEdits';
import { planRun, runSheetsToRead } from '../../plan/jobs/run';
import { applyBookPlan, loadBook, readSnapshot, saveBookAtomic } from '../../xlsx';
import { CliIO, Command, EXIT_OK, parseArgs, requireOption } from '../io';

const USAGE = 'run BOOK.xlsx --period P [--out OUT.xlsx] [--date YYYY-MM-DD] [--force]';

/**
 * `target-desk run` (SPEC §6): quotas, scores, ranking, the bulletin and a log row written into the
 * book — in place (atomically) or to --out. On any error nothing is written.
 */
export const runCommand: Command = {
  name: 'run',
  usage: USAGE,
  summary: 'compute quotas, scores and the bulletin (通报) for period P into the plan workbook',
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, ['force']);
    const unknown = Object.keys(args.options).filter(
      (o) => !['period', 'out', 'date', 'force'].includes(o),
    );
    if (args.positional.length !== 1 || unknown.length)
      throw new InputError(`usage: target-desk ${USAGE}`);
    const [book] = args.positional;
    const period = requireOption(args, 'period');
    parsePeriod(period, '--period');
    const out = typeof args.options.out === 'string' ? args.options.out : book;
    const issuedOn =
      typeof args.options.date === 'string' ? args.options.date : localDate(new Date());
    try {
      chineseDate(issuedOn);
    } catch {
      throw new InputError(`not a date: ${JSON.stringify(issuedOn)} (write YYYY-MM-DD)`, '--date');
    }
    const wb = await loadBook(book);
    const result = planRun(readSnapshot(wb, runSheetsToRead(period)), period, {
      now: new Date().toISOString(),
      issuedOn,
      force: args.options.force === true,
      file: path.basename(book),
    });
    applyBookPlan(wb, result.plan);
    await saveBookAtomic(wb, out, { properties: result.plan.properties });
    const units = result.assessment.units.length;
    io.out(
      `${out}: 已计算 ${result.assessment.period}（${units} 个单位），生成「${result.bulletinSheet}」` +
        (result.historyRows ? `；被替换的 ${result.historyRows} 行旧结果已存入 TD_History` : '') +
        '\n' +
        result.quotaEdits.map((e) => `  ${editText(e).zh}\n`).join(''),
    );
    return EXIT_OK;
  },
};
