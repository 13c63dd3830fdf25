import * as path from 'path';
import { chineseDate } from '../../engine/bulletin';
import { inputError } from '../../engine/errors';
import { localDate, parsePeriod } from '../../engine/period';
import { planBulletinDocument } from '../../plan/bulletinDocument';
import { writeDocument } from '../../docx/writeDocument';
import { commitBook, refuseExistingOutput } from '../../store/bookStore';
import { loadBook, readSnapshot } from '../../xlsx';
import { CommandArgs, argsLang, flag, requiredOption, stringOption } from '../args';
import { doneWords } from '../doneText';
import { CliIO, Command, EXIT_OK } from '../io';

/**
 * `target-desk bulletin` (SPEC §10): the period's bulletin as an official document (公文) in the
 * GB/T 9704-2012 layout. Reads the book, never writes it; an existing OUT needs --force.
 */
export const bulletinCommand: Command = {
  name: 'bulletin',
  usage: 'bulletin BOOK.xlsx --period P --docx OUT.docx [--date YYYY-MM-DD] [--force]',
  summary: 'the bulletin (通报) of period P as a Word document in the 公文 layout (GB/T 9704)',
  options: {
    period: { type: 'string', value: 'P', help: 'the period: 2019Q3, or 2019 for the year' },
    docx: { type: 'string', value: 'OUT.docx', help: 'the Word document to write' },
    date: { type: 'string', value: 'YYYY-MM-DD', help: 'the document date (default today)' },
    force: { type: 'boolean', help: 'replace an existing OUT.docx' },
  },
  positionals: [1, 1],
  async run(args: CommandArgs, io: CliIO): Promise<number> {
    const [book] = args.positional;
    const period = requiredOption(args, 'period');
    parsePeriod(period, '--period');
    const out = requiredOption(args, 'docx');
    const issuedOn = stringOption(args, 'date') ?? localDate(new Date());
    try {
      chineseDate(issuedOn);
    } catch {
      throw inputError('option.badDate', '--date', { got: issuedOn });
    }
    const force = flag(args, 'force');
    // Refused before the work, and again at the commit should the file appear meanwhile.
    refuseExistingOutput(out, force, '--docx');
    const wb = await loadBook(book);
    const bytes = await writeDocument(planBulletinDocument(readSnapshot(wb), period, { issuedOn }));
    await commitBook(out, null, bytes, { force, command: 'bulletin' });
    io.out(`${doneWords(argsLang(args)).document(out, path.basename(out), period)}\n`);
    return EXIT_OK;
  },
};
