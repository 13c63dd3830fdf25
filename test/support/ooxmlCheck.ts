/**
 * Thin wrapper over the shared schema check (../shared/tools/ooxml-check) until the frontdoor
 * branch's own check lands: the problem lines for one package, empty when it is valid.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const TOOL = path.resolve(__dirname, '../../../shared/tools/ooxml-check');

export function ooxmlProblems(file: string): string[] {
  const r = spawnSync(TOOL, [file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  const lines = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.trim() !== '');
  const problems = lines.filter((l) => !l.startsWith('ooxml-check:'));
  if (r.status !== 0 && problems.length === 0) problems.push(...lines);
  return problems;
}
