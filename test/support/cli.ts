import { spawnSync } from 'child_process';
import * as path from 'path';

export const BIN = path.resolve(__dirname, '../../bin/target-desk.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `target-desk` binary (built to dist/ by `npm run build:cli`). */
export function runCli(args: string[], input = '', cwd?: string): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    cwd,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
