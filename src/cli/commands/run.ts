import * as path from 'path';
import { inputError, problemText } from '../../engine/errors';
import { localDate, parsePeriod } from '../../engine/period';
import { chineseDate } from '../../engine/bulletin';
import { editNotice } from '../../plan/jobs/quotaEdits';
import { planRun, runSheetsToRead } from '../../plan/jobs/run';
import { commitBook, refuseExistingOutput, sameFile } from '../../store/bookStore';
import { applyBookPlan, bookFileBytes, loadBook, readSnapshot } from '../../xlsx';
import type ExcelJS from 'exceljs';
import { CommandArgs, argsLang, flag, requiredOption, stringOption } from '../args';
import { doneWords } from '../doneText';
import { IGNORE_LOCK_FILE, editBook, storeOptions } from '../bookFiles';
import { CliIO, Command, EXIT_OK } from '../io';

const USAGE =
  'run BOOK.xlsx --period P [--out OUT.xlsx] [--date YYYY-MM-DD] [--force] [--ignore-lock-file]';

/**
 * `target-desk run` (SPEC §6): quotas, scores, ranking, the bulletin and a log row written into the
 * book — in place (through the book store) or to --out. On any error nothing is written.
 */
export const runCommand: Command = {
  name: 'run',
  usage: USAGE,
  summary: 'compute quotas, scores and the bulletin (通报) for period P into the plan workbook',
  options: {
    period: { type: 'string', value: 'P', help: 'the period: 2019Q3, or 2019 for the year' },
    out: { type: 'string', value: 'OUT.xlsx', help: 'write here and leave BOOK.xlsx as it is' },
    date: { type: 'string', value: 'YYYY-MM-DD', help: 'the bulletin date (default today)' },
    force: {
      type: 'boolean',
      help: 'replace a bulletin edited by hand, and an existing --out file',
    },
    'ignore-lock-file': IGNORE_LOCK_FILE,
  },
  positionals: [1, 1],
  async run(args: CommandArgs, io: CliIO): Promise<number> {
    const [book] = args.positional;
    const period = requiredOption(args, 'period');
    parsePeriod(period, '--period');
    const force = flag(args, 'force');
    const out = stringOption(args, 'out') ?? book;
    const issuedOn = stringOption(args, 'date') ?? localDate(new Date());
    try {
      chineseDate(issuedOn);
    } catch {
      throw inputError('option.badDate', '--date', { got: issuedOn });
    }
    // The run lays out afresh every sheet it reads as values (the bulletin): loaded without cells.
    const load = { replaced: runSheetsToRead(period) };
    const compute = (wb: ExcelJS.Workbook) => {
      const result = planRun(readSnapshot(wb, load.replaced), period, {
        now: new Date().toISOString(),
        issuedOn,
        force,
        file: path.basename(book),
      });
      applyBookPlan(wb, result.plan);
      return result;
    };
    let result: ReturnType<typeof compute>;
    if (sameFile(out, book)) {
      result = await editBook(
        book,
        storeOptions(args, 'run'),
        async (wb) => {
          const r = compute(wb);
          return { result: r, save: true, properties: r.plan.properties };
        },
        load,
      );
    } else {
      // Refused before the work, and again at the commit should the file appear meanwhile.
      refuseExistingOutput(out, force, '--out');
      const wb = await loadBook(book, load);
      result = compute(wb);
      const bytes = await bookFileBytes(wb, { properties: result.plan.properties });
      await commitBook(out, null, bytes, storeOptions(args, 'run', force));
    }
    const units = result.assessment.units.length;
    const lang = argsLang(args);
    const words = doneWords(lang);
    io.out(
      `${words.ran(out, result.assessment.period, units, result.bulletinSheet, result.historyRows)}\n` +
        result.quotaEdits.map((e) => `  ${problemText(editNotice(e), lang)}\n`).join(''),
    );
    return EXIT_OK;
  },
};
