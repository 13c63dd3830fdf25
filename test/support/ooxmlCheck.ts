import { spawnSync } from 'child_process';
import * as path from 'path';

/**
 * The OOXML schema problems of a written package (empty = valid). A thin wrapper of
 * ../shared/tools/ooxml-check until the project's own check (the `frontdoor` branch) replaces it.
 */
export function ooxmlProblems(file: string): string[] {
  const tool = path.resolve(__dirname, '../../../shared/tools/ooxml-check');
  const r = spawnSync(tool, [file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r.stdout.split('\n').filter((line) => line.includes(' › '));
}
