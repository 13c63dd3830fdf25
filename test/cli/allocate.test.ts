import { allocate } from '../../src/engine/allocation';
import { runCli } from '../support/cli';

const byRequest = {
  total: 26,
  method: 'huntington-hill',
  units: [
    { id: 'A', weight: 9061 },
    { id: 'B', weight: 7179 },
    { id: 'C', weight: 5259 },
    { id: 'D', weight: 3319 },
    { id: 'E', weight: 1182 },
  ],
};

describe('target-desk allocate', () => {
  it('reads one request on stdin and prints its quotas, exit 0', () => {
    const r = runCli(['allocate'], JSON.stringify(byRequest));
    expect(r).toEqual({
      code: 0,
      stdout: '{"quotas":{"A":9,"B":7,"C":6,"D":3,"E":1}}\n',
      stderr: '',
    });
  });

  it('keeps the ids in request order, even ids that look like numbers', () => {
    const req = {
      total: 10,
      method: 'equal',
      precision: 1,
      units: [
        { id: 'z', weight: 1 },
        { id: '10', weight: 1 },
        { id: '2', weight: 1 },
      ],
    };
    expect(runCli(['allocate'], JSON.stringify(req)).stdout).toBe(
      '{"quotas":{"z":3.4,"10":3.3,"2":3.3}}\n',
    );
  });

  it('accepts a byte-order mark and pretty-printed JSON', () => {
    const r = runCli(
      ['allocate'],
      `\uFEFF${JSON.stringify({ ...byRequest, method: 'dhondt' }, null, 2)}`,
    );
    expect(r.stdout).toBe('{"quotas":{"A":10,"B":7,"C":5,"D":3,"E":1}}\n');
  });

  it('refuses bad input with every problem on stderr, exit 2, no stack trace and nothing on stdout', () => {
    const r = runCli(
      ['allocate'],
      JSON.stringify({ total: 2.5, method: 'hare', units: [{ id: 'a', weight: -1 }] }),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'target-desk allocate: method: unknown method "hare": use one of largest-remainder, equal, dhondt, sainte-lague, huntington-hill, adams\n' +
        'total: 2.5 is not a whole number (precision 0)\n' +
        'units[0].weight: must not be negative (got -1)\n',
    );
  });

  it('refuses an infeasible request, exit 2', () => {
    const r = runCli(
      ['allocate'],
      JSON.stringify({ total: 5, method: 'dhondt', units: [{ id: 'a', weight: 1, locked: 6 }] }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'target-desk allocate: total: the locked quotas add up to 6, more than the total 5\n',
    );
  });

  it('refuses input that is not JSON, and stray arguments, exit 2', () => {
    const bad = runCli(['allocate'], '{"total": 3,');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^target-desk allocate: stdin: not valid JSON \(/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const extra = runCli(['allocate', 'request.json'], JSON.stringify(byRequest));
    expect(extra.code).toBe(2);
    expect(extra.stderr).toBe(
      'target-desk allocate: unexpected argument request.json (usage: target-desk allocate [--jsonl])\n',
    );
  });

  it('is listed by --help', () => {
    expect(runCli(['--help']).stdout).toContain('allocate [--jsonl]');
  });
});

describe('target-desk allocate --jsonl', () => {
  it('answers one line per request in order, skipping blank lines; a refused request gets {"error"} and exit 3', () => {
    const input = [
      JSON.stringify(byRequest),
      '',
      JSON.stringify({
        total: 7,
        method: 'largest-remainder',
        units: [
          { id: 'x', weight: 5 },
          { id: 'y', weight: 5 },
          { id: 'z', weight: 5 },
        ],
      }),
      '   ',
      JSON.stringify({ total: 3, method: 'dhondt', units: [{ id: 'a', weight: 1, max: 1 }] }),
      'not json',
      JSON.stringify({
        total: 0.5,
        precision: 1,
        method: 'adams',
        units: [
          { id: 'p', weight: 2 },
          { id: 'q', weight: 1 },
        ],
      }),
    ].join('\r\n');
    const r = runCli(['allocate', '--jsonl'], `${input}\n`);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('{"quotas":{"A":9,"B":7,"C":6,"D":3,"E":1}}');
    expect(lines[1]).toBe('{"quotas":{"x":3,"y":2,"z":2}}');
    expect(JSON.parse(lines[2])).toEqual({
      error:
        'total: the free units can hold at most 1 (a unit stops at its max, a unit with weight 0 keeps its min), less than the total 3',
    });
    expect(JSON.parse(lines[3]).error).toMatch(/^line 6: not valid JSON \(/);
    expect(lines[4]).toBe('{"quotas":{"p":0.3,"q":0.2}}');
    expect(lines[5]).toBe('');
  });

  it('exits 0 when every request is answered, and accepts a last line without a newline', () => {
    const r = runCli(
      ['allocate', '--jsonl'],
      `${JSON.stringify(byRequest)}\n${JSON.stringify({ ...byRequest, method: 'adams' })}`,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '{"quotas":{"A":9,"B":7,"C":6,"D":3,"E":1}}\n{"quotas":{"A":9,"B":7,"C":5,"D":3,"E":2}}\n',
    );
  });

  it('exits 0 with no output for empty input', () => {
    expect(runCli(['allocate', '--jsonl'], '')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('runs 10,000 mixed requests in one process, each answer equal to the engine', () => {
    const methods = [
      'largest-remainder',
      'equal',
      'dhondt',
      'sainte-lague',
      'huntington-hill',
      'adams',
    ] as const;
    const requests = Array.from({ length: 10_000 }, (_, n) => ({
      total: 20 + (n % 97),
      method: methods[n % methods.length],
      units: Array.from({ length: 3 + (n % 9) }, (_, i) => ({
        id: `u${i}`,
        weight: ((n * 7919 + i * 104729) % 1000) / 10,
        min: i % 4 === 0 ? 1 : 0,
      })),
    }));
    const r = runCli(['allocate', '--jsonl'], requests.map((q) => JSON.stringify(q)).join('\n'));
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10_000);
    for (const n of [0, 1, 2, 3, 4, 5, 4999, 9999]) {
      expect(JSON.parse(lines[n])).toEqual({ quotas: allocate(requests[n]) });
    }
  });
});
