import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { InputError, Problem, problem } from '../../engine/errors';
import { templatesJob } from '../../plan/jobs/templates';
import { commitBook, ensureFolder } from '../../store/bookStore';
import { samePackage } from '../../store/samePackage';
import { applyBookPlan, bookFileBytes, readSnapshot } from '../../xlsx';
import { CommandArgs, argsLang, flag, requiredOption } from '../args';
import { doneWords } from '../doneText';
import { IGNORE_LOCK_FILE, editBook, storeOptions } from '../bookFiles';
import { CliIO, Command, EXIT_OK } from '../io';

const USAGE = 'templates BOOK.xlsx --period P --out-dir DIR [--force] [--ignore-lock-file]';

interface Output {
  file: string;
  bytes: Buffer;
  indicators: number;
  existing: 'none' | 'same' | 'different';
}

/**
 * `target-desk templates` (SPEC §8): one quarterly return workbook per unit, logged in the plan
 * book. A file already in DIR is never replaced without --force (it may be a return filled in
 * there); one that would be written identically is skipped and named.
 */
export const templatesCommand: Command = {
  name: 'templates',
  usage: USAGE,
  summary: 'one quarterly return template (季度报表) per unit for period P, written to DIR',
  options: {
    period: { type: 'string', value: 'P', help: 'the quarter, e.g. 2019Q3' },
    'out-dir': { type: 'string', value: 'DIR', help: 'the folder for the return files' },
    force: { type: 'boolean', help: 'replace return files of the same name that differ' },
    'ignore-lock-file': IGNORE_LOCK_FILE,
  },
  positionals: [1, 1],
  async run(args: CommandArgs, io: CliIO): Promise<number> {
    const [bookFile] = args.positional;
    const period = requiredOption(args, 'period');
    const outDir = requiredOption(args, 'out-dir');
    const force = flag(args, 'force');
    const outputs = await editBook(bookFile, storeOptions(args, 'templates'), async (wb) => {
      ensureFolder(outDir);
      const { plan, templates } = templatesJob(readSnapshot(wb), {
        period,
        now: new Date().toISOString(),
      });
      const outputs: Output[] = [];
      for (const t of templates) {
        const out = new ExcelJS.Workbook();
        applyBookPlan(out, t.book);
        const file = path.join(outDir, t.fileName);
        const bytes = await bookFileBytes(out, { properties: t.book.properties });
        outputs.push({
          file,
          bytes,
          indicators: t.indicators.length,
          existing: await existing(file, bytes),
        });
      }
      const clashes = outputs.filter((o) => o.existing === 'different');
      if (clashes.length && !force) throw new InputError(clashes.map(clash));
      for (const o of outputs)
        if (o.existing !== 'same')
          await commitBook(o.file, null, o.bytes, storeOptions(args, 'templates', force));
      applyBookPlan(wb, plan);
      return { result: outputs, save: true };
    });
    const words = doneWords(argsLang(args));
    for (const o of outputs)
      io.out(
        `${o.existing === 'same' ? words.templateSame(o.file) : words.template(o.file, o.indicators)}\n`,
      );
    io.out(`${words.templates(outputs.length)}\n`);
    return EXIT_OK;
  },
};

async function existing(file: string, bytes: Buffer): Promise<Output['existing']> {
  let old: Buffer;
  try {
    old = fs.readFileSync(file);
  } catch {
    // Missing; or a folder or an unreadable file, which the write itself reports.
    return 'none';
  }
  return (await samePackage(old, bytes)) ? 'same' : 'different';
}

function clash(o: Output): Problem {
  return problem('templates.otherFileThere', o.file, {});
}
