import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'td-cli-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIXTURES = {
  'the Xiacheng sample scenario': join(__dirname, '../../examples/xiacheng-scenario.json'),
  'a hand-made scenario': join(__dirname, '../fixtures/plan/hand-made-scenario.json'),
};

describe('target-desk export', () => {
  it.each(Object.entries(FIXTURES))('gives back %s given to init --scenario', (_, file) => {
    const book = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
    expect(runCli(['init', '--scenario', file, '--out', book]).code).toBe(0);
    const r = runCli(['export', book]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const { $schema: _schema, ...given } = JSON.parse(readFileSync(file, 'utf8'));
    expect(JSON.parse(r.stdout)).toEqual(given);
  });

  it('gives back the sample of init --sample after a run', () => {
    const book = join(dir, 'sample.xlsx');
    expect(runCli(['init', '--sample', '--out', book]).code).toBe(0);
    const before = runCli(['export', book]).stdout;
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);
    expect(runCli(['export', book]).stdout).toBe(before);
    const { $schema: _schema, ...sample } = JSON.parse(
      readFileSync(FIXTURES['the Xiacheng sample scenario'], 'utf8'),
    );
    expect(JSON.parse(before)).toEqual(sample);
  });

  it('names a file that is not a workbook', () => {
    const r = runCli(['export', join(dir, 'missing.xlsx')]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `target-desk export: ${join(dir, 'missing.xlsx')}: cannot read the workbook (ENOENT)\n`,
    });
  });
});
