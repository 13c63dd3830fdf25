import * as path from 'path';
import { formatProblemIn, inputError, problem } from '../../engine/errors';
import { importListJob, ListOutcome, ListReport } from '../../plan/jobs/importList';
import { applyBookPlan, readSnapshot } from '../../xlsx';
import { readGridFile } from '../../xlsx/returnFile';
import { argsLang, CommandArgs, flag, listOption, requiredOption, stringOption } from '../args';
import { IGNORE_LOCK_FILE, editBook, storeOptions } from '../bookFiles';
import { CliIO, Command, EXIT_BAD_INPUT, EXIT_OK, EXIT_PARTIAL } from '../io';
import { ReportWords, reportWords } from '../reportText';

const USAGE =
  'import-list BOOK.xlsx LIST.(xlsx|csv) --indicator ID [--assign 企业名称=单位编号]… [--reassign] [--period P] [--json] [--ignore-lock-file]';

const OUTCOME_EXIT: Record<ListOutcome, number> = {
  complete: EXIT_OK,
  partial: EXIT_PARTIAL,
  none: EXIT_BAD_INPUT,
};

function reportText(r: ListReport, w: ReportWords): string {
  const lines = [
    `${r.file}: ${w.listHead(r.indicator, r.rows, r.matched, r.unmatched.length, r.duplicates.length)}`,
    ...r.unmatched.map((u) => w.unmatched(u.row, u.name)),
    ...r.duplicates.map((d) => w.duplicate(d.row, d.name, d.certificate)),
    ...r.registryAdded.map((a) => w.registryAdded(a.name, a.unit)),
    w.changes(
      r.changes.length,
      r.changes.map((c) => `${c.unit} ${c.period} ${w.change(c)}`),
    ),
    ...r.discrepancies.map((d) => w.discrepancy(`${d.unit} ${d.period}`, d)),
    ...r.warnings.map((p) => w.warning + w.problem(p)),
  ];
  return `${lines.join('\n')}\n`;
}

/** `target-desk import-list` (SPEC §9): a recognition list matched to the registry and counted. */
export const importListCommand: Command = {
  name: 'import-list',
  usage: USAGE,
  summary:
    'import a recognition list (认定名单): match to 企业库, count by quarter, report 核对差异',
  options: {
    indicator: { type: 'string', value: 'ID', help: 'the indicator the list counts' },
    assign: {
      type: 'string',
      multiple: true,
      value: '企业名称=单位编号',
      help: 'put a company of the list in a unit (repeatable)',
    },
    reassign: {
      type: 'boolean',
      help: 'let --assign move a company registered to another unit',
    },
    period: { type: 'string', value: 'P', help: 'count the list for this period only' },
    json: { type: 'boolean', help: 'the report as JSON' },
    'ignore-lock-file': IGNORE_LOCK_FILE,
  },
  positionals: [2, 2],
  async run(args: CommandArgs, io: CliIO): Promise<number> {
    const [bookFile, listFile] = args.positional;
    const indicator = requiredOption(args, 'indicator');
    const assign: Record<string, string> = {};
    for (const a of listOption(args, 'assign')) {
      const eq = a.lastIndexOf('=');
      if (eq <= 0 || eq === a.length - 1) throw inputError('list.badAssign', '', { text: a });
      assign[a.slice(0, eq).trim()] = a.slice(eq + 1).trim();
    }
    const period = stringOption(args, 'period');
    const list = await readGridFile(listFile, path.basename(listFile));
    const report = await editBook(bookFile, storeOptions(args, 'import-list'), async (wb) => {
      const { plan, report } = importListJob(readSnapshot(wb), list, {
        indicator,
        assign,
        now: new Date().toISOString(),
        reassign: flag(args, 'reassign'),
        ...(period ? { period } : {}),
      });
      // A list that matched nothing writes nothing (SPEC §12: exit 2, nothing changes).
      if (report.outcome !== 'none') applyBookPlan(wb, plan);
      return { result: report, save: report.outcome !== 'none' };
    });
    const lang = argsLang(args);
    io.out(
      flag(args, 'json') ? `${JSON.stringify(report)}\n` : reportText(report, reportWords(lang)),
    );
    if (report.outcome === 'none')
      io.err(`${formatProblemIn(problem('list.noneMatched', listFile, {}), lang)}\n`);
    return OUTCOME_EXIT[report.outcome];
  },
};
