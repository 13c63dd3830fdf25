import * as path from 'path';
import { formatProblemIn, InputError } from '../../engine/errors';
import { GridBook } from '../../engine/grid';
import { FileReport, importReturnsJob } from '../../plan/jobs/importReturns';
import { applyBookPlan, readSnapshot } from '../../xlsx';
import { readGridFile } from '../../xlsx/returnFile';
import { CommandArgs, flag, stringOption } from '../args';
import { IGNORE_LOCK_FILE, editBook, storeOptions } from '../bookFiles';
import { CliIO, Command, EXIT_BAD_INPUT, EXIT_OK, EXIT_PARTIAL } from '../io';

const USAGE = 'import-returns BOOK.xlsx FILE… [--period P] [--json] [--ignore-lock-file]';

function fileText(f: FileReport): string {
  const head = `${f.file}: ${f.status === 'accepted' ? '已导入' : '已拒绝'}  单位 ${f.unitName ?? '?'}${f.unit ? `（${f.unit}）` : ''}  报送期 ${f.period ?? '?'}`;
  const lines = [head];
  if (f.status === 'accepted') {
    lines.push(
      `  变更 ${f.changes.length} 项${f.changes.map((c) => `；${c.indicator} ${c.old ?? '空'} → ${c.new ?? '空'}`).join('')}`,
    );
    if (f.notReported.length) lines.push(`  未填报（不按0计）：${f.notReported.join('、')}`);
    for (const d of f.discrepancies)
      lines.push(
        `  核对差异 ${d.indicator}：报表 ${d.reported}，认定名单 ${d.listed}（以名单为准）`,
      );
  }
  for (const w of f.warnings) lines.push(`  提示 ${w}`);
  for (const e of f.errors) lines.push(`  错误 ${e}`);
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
    const unreadable: { file: string; error: string }[] = [];
    for (const f of files) {
      try {
        books.push(await readGridFile(f, path.basename(f)));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        // The report is in Chinese (as the returns' own problems are).
        unreadable.push({
          file: path.basename(f),
          error: e.problems.map((p) => formatProblemIn(p, 'zh-CN')).join('\n'),
        });
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
    if (flag(args, 'json')) io.out(`${JSON.stringify(report)}\n`);
    else
      io.out(
        `${report.files.map(fileText).join('')}共 ${report.files.length} 份：导入 ${report.accepted} 份，拒绝 ${report.rejected} 份\n`,
      );
    return report.rejected === 0 ? EXIT_OK : report.accepted === 0 ? EXIT_BAD_INPUT : EXIT_PARTIAL;
  },
};
