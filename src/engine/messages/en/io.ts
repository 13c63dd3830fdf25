import { osCauseText } from '../osCauses';

/** What was being done when the operating system refused (src/store/osError.ts). */
export type OsAction = 'read' | 'write' | 'makeFolder';
const ACTIONS: Record<OsAction, string> = {
  read: 'cannot read',
  write: 'cannot write',
  makeFolder: 'cannot create the folder',
};

/** How a zip package is damaged; `part` names the part where one is concerned. */
export type PackageDamage =
  | 'noEnd'
  | 'tooShort'
  | 'zip64'
  | 'directory'
  | 'sizes'
  | 'localHeader'
  | 'cutShort'
  | 'wrongSize'
  | 'noInflate';
const DAMAGE_EN: Record<PackageDamage, (part: string) => string> = {
  noEnd: () => 'no end of central directory',
  tooShort: () => 'too short',
  zip64: () => 'damaged zip64 directory',
  directory: () => 'damaged central directory',
  sizes: (part) => `unreadable sizes of part ${part}`,
  localHeader: (part) => `damaged local header of ${part}`,
  cutShort: (part) => `part ${part} is cut short`,
  wrongSize: (part) => `part ${part} is not its declared size`,
  noInflate: (part) => `part ${part} does not inflate`,
};

/** The command line, files read and written, and the packages opened (SPEC §6, §12). */
export const ioEn = {
  'option.badLang': (a: { got: string }) =>
    `unknown language ${JSON.stringify(a.got)} (use zh-CN or en-US)`,
  'option.unknown': (a: { option: string; near: string | null; usage: string }) =>
    `unknown option ${a.option}${a.near ? ` (did you mean --${a.near}?)` : ''} (usage: target-desk ${a.usage})`,
  'option.needsValue': (a: { option: string; usage: string }) =>
    `option ${a.option} needs a value (usage: target-desk ${a.usage})`,
  'option.takesNoValue': (a: { option: string; usage: string }) =>
    `option ${a.option} takes no value (usage: target-desk ${a.usage})`,
  'option.missing': (a: { name: string }) => `missing required option --${a.name}`,
  'args.unexpected': (a: { arg: string; usage: string }) =>
    `unexpected argument ${a.arg} (usage: target-desk ${a.usage})`,
  'args.missing': (a: { usage: string }) => `missing argument (usage: target-desk ${a.usage})`,
  'init.sampleOrScenario': (a: { usage: string }) =>
    `give either --sample or --scenario S.json (usage: target-desk ${a.usage})`,
  'input.notJson': (a: { detail: string }) => `not valid JSON (${a.detail})`,
  'os.failed': (a: { action: OsAction; code: string; message: string }) =>
    `${ACTIONS[a.action]} (${osCauseText(a.code, a.message, 'en-US')})`,
  'file.exists': (a: { option: string }) =>
    `the file already exists; choose another ${a.option}, or add --force to replace it`,
  'book.locked': (a: { who: string; lock: string }) =>
    `another target-desk command is writing this book (${a.who}); try again when it has finished, or delete ${a.lock} if none is running; nothing written`,
  'file.notReadBack': () => 'the file written did not read back as a package; nothing written',
  'book.unreadable': (a: { cause: string }) => `cannot read the workbook (${a.cause})`,
  'package.badXml': (a: { part: string; detail: string }) =>
    `part ${a.part} is not well-formed XML (${a.detail})`,
  'package.damaged': (a: { what: PackageDamage; part: string }) =>
    `not an xlsx workbook (not a zip package: ${DAMAGE_EN[a.what](a.part)})`,
  'package.tooLarge': (a: { limit: number; mb: number; part: string }) =>
    `refused: the package expands to more than ${a.limit} MB (at least ${a.mb} MB by part ${a.part}); nothing read`,
  'package.badMethod': (a: { part: string; method: number }) =>
    `part ${a.part} uses zip compression method ${a.method}; only stored and deflated parts are read`,
  'package.ratio': (a: { part: string; times: number; ratio: number; fromMb: number }) =>
    `refused: part ${a.part} expands ${a.times} times (more than ${a.ratio}:1 above ${a.fromMb} MB), as a zip bomb does; nothing read`,
  'package.beyondDeclared': (a: { part: string; size: number }) =>
    `refused: part ${a.part} expands beyond the size its header declares (${a.size} bytes), as a zip bomb does; nothing read`,
};
