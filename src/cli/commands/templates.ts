import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { InputError } from '../../engine/errors';
import { templatesJob } from '../../plan/jobs/templates';
import { applyBookPlan, loadBook, readSnapshot, saveBookAtomic } from '../../xlsx';
import { CliIO, Command, EXIT_OK, parseArgs, requireOption } from '../io';

const USAGE = 'templates BOOK.xlsx --period P --out-dir DIR';

/** `target-desk templates` (SPEC §8): one quarterly return workbook per unit, logged in the plan book. */
export const templatesCommand: Command = {
  name: 'templates',
  usage: USAGE,
  summary: 'one quarterly return template (季度报表) per unit for period P, written to DIR',
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv);
    const unknown = Object.keys(args.options).filter((o) => o !== 'period' && o !== 'out-dir');
    if (args.positional.length !== 1 || unknown.length)
      throw new InputError(`usage: target-desk ${USAGE}`);
    const [bookFile] = args.positional;
    const period = requireOption(args, 'period');
    const outDir = requireOption(args, 'out-dir');
    const wb = await loadBook(bookFile);
    const { plan, templates } = templatesJob(readSnapshot(wb), {
      period,
      now: new Date().toISOString(),
    });
    fs.mkdirSync(outDir, { recursive: true });
    for (const t of templates) {
      const out = new ExcelJS.Workbook();
      applyBookPlan(out, t.book);
      await saveBookAtomic(out, path.join(outDir, t.fileName), { properties: t.book.properties });
      io.out(`${path.join(outDir, t.fileName)}  (${t.indicators.length} 项指标)\n`);
    }
    applyBookPlan(wb, plan);
    await saveBookAtomic(wb, bookFile);
    io.out(`生成 ${templates.length} 份季度报表模板\n`);
    return EXIT_OK;
  },
};
