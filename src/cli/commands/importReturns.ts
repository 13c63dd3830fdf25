import * as path from 'path';
import { InputError, Problem } from '../../engine/errors';
import { GridBook } from '../../engine/grid';
import { FileReport, importReturnsJob } from '../../plan/jobs/importReturns';
import { applyBookPlan, readSnapshot } from '../../xlsx';
import { readGridFile } from '../../xlsx/returnFile';
import { argsLang, CommandArgs, flag, stringOption } from '../args';
import { IGNORE_LOCK_FILE, editBook, storeOptions } from '../bookFiles';
import { CliIO, Command, EXIT_BAD_INPUT, EXIT_OK, EXIT_PARTIAL } from '../io';
import { ReportWords, reportWords } from '../reportText';

const USAGE = 'import-returns BOOK.xlsx FILE… [--period P] [--json] [--ignore-lock-file]';

function fileText(f: FileReport, w: ReportWords): string {
  const unit = f.unit ? w.unitWithId(f.unitName ?? '?', f.unit) : (f.unitName ?? '?');
  const lines = [`${f.file}: ${w.returnHead(f.status === 'accepted', unit, f.period ?? '?')}`];
  if (f.status === 'accepted') {
    lines.push(
      w.changes(
        f.changes.length,
        f.changes.map((c) => `${c.indicator} ${w.change(c)}`),
      ),
    );
    if (f.notReported.length) lines.push(w.notReported(f.notReported));
    for (const d of f.discrepancies) lines.push(w.discrepancy(d.indicator, d));
  }
  for (const p of f.warnings) lines.push(w.warning + w.problem(p));
  for (const p of f.errors) lines.push(w.error + w.problem(p));
  return `${lines.join('\n')}\n`;
}

/**
 * `target-desk import-returns` (SPEC §8). Exit 0 when every file went in, 3 when some were
 * refused, 2 when all were (then the plan book is not touched).
 */
export const importReturnsCommand: Command = {
  name: 'import-returns',
  usage: USAGE,
  summary:
    'import filled quarterly returns; a file with any error is refused whole, with every error',
  options: {
    period: {
      type: 'string',
      value: 'P',
      help: 'the period the returns are for (default: theirs)',
    },
    json: { type: 'boolean', help: 'the report as JSON' },
    'ignore-lock-file': IGNORE_LOCK_FILE,
  },
  positionals: [2, Infinity],
  async run(args: CommandArgs, io: CliIO): Promise<number> {
    const [bookFile, ...files] = args.positional;
    const period = stringOption(args, 'period');
    const books: GridBook[] = [];
    const unreadable: { file: string; problems: Problem[] }[] = [];
    for (const f of files) {
      try {
        books.push(await readGridFile(f, path.basename(f)));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        unreadable.push({ file: path.basename(f), problems: e.problems });
      }
    }
    const report = await editBook(bookFile, storeOptions(args, 'import-returns'), async (wb) => {
      const { plan, report } = importReturnsJob(readSnapshot(wb), books, {
        now: new Date().toISOString(),
        unreadable,
        ...(period ? { period } : {}),
      });
      if (report.accepted > 0) applyBookPlan(wb, plan);
      return { result: report, save: report.accepted > 0 };
    });
    const w = reportWords(argsLang(args));
    if (flag(args, 'json')) io.out(`${JSON.stringify(report)}\n`);
    else
      io.out(
        `${report.files.map((f) => fileText(f, w)).join('')}${w.returnsTotal(report.files.length, report.accepted, report.rejected)}\n`,
      );
    return report.rejected === 0 ? EXIT_OK : report.accepted === 0 ? EXIT_BAD_INPUT : EXIT_PARTIAL;
  },
};
