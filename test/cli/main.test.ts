import { runCli } from '../support/cli';

describe('target-desk', () => {
  it('prints help listing every command with --help', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: target-desk <command>');
  });

  it('rejects an unknown command with exit 2 and names it', () => {
    const r = runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });
});
