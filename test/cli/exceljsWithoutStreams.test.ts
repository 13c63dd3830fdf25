import { spawnSync } from 'child_process';
import * as path from 'path';

const BIN_MODULE = path.join(__dirname, '../../bin/exceljs-without-streams.js');

/** Runs `script` in a plain Node process (jest's module registry has no require.cache). */
function node(script: string): unknown {
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe("the CLI's ExcelJS entry without the streaming classes", () => {
  it('exports what ExcelJS exports, the same objects, and loads nothing heavy until asked (allocate opens no workbook)', () => {
    const result = node(`
      const lean = require(${JSON.stringify(BIN_MODULE)});
      const loaded = (name) => Object.keys(require.cache).some((f) => f.includes(name));
      const before = {
        unzipper: loaded('/unzipper/'),
        archiver: loaded('/archiver/'),
        workbook: loaded('/lib/doc/workbook.js'),
      };
      const viaRequire = require('exceljs') === lean;
      const real = require(require.resolve('exceljs').replace(/excel\\.js$/, 'lib/exceljs.nodejs.js'));
      const same = Object.keys(real).every((k) => k === 'stream' || real[k] === lean[k]);
      process.stdout.write(JSON.stringify({
        before,
        viaRequire,
        keys: [Object.keys(lean).sort(), Object.keys(real).sort()],
        same,
        writer: lean.stream.xlsx.WorkbookWriter === real.stream.xlsx.WorkbookWriter,
        reader: lean.stream.xlsx.WorkbookReader === real.stream.xlsx.WorkbookReader,
      }));
    `) as { keys: [string[], string[]] };
    expect(result).toEqual({
      before: { unzipper: false, archiver: false, workbook: false },
      viaRequire: true,
      keys: [result.keys[1], result.keys[1]],
      same: true,
      writer: true,
      reader: true,
    });
    expect(result.keys[1]).toContain('Workbook');
    expect(result.keys[1]).toContain('ValueType');
  });
});
