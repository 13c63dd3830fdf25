import { spawnSync } from 'child_process';
import * as path from 'path';

export const BIN = path.resolve(__dirname, '../../bin/target-desk.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `target-desk` binary (built to dist/ by `npm run build:cli`). */
/**
 * Runs the built CLI. It speaks the language of LC_ALL/LANG: English here unless `env` says
 * otherwise, whatever the machine running the tests is set to.
 */
export function runCli(
  args: string[],
  input = '',
  cwd?: string,
  env: NodeJS.ProcessEnv = {},
): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    env: { ...process.env, LC_ALL: '', LANG: 'C.UTF-8', ...env },
    encoding: 'utf8',
    cwd,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
