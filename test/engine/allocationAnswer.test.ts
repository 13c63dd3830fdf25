import fc from 'fast-check';
import { allocate } from '../../src/engine/allocation';
import { allocationAnswer } from '../../src/engine/allocation/answer';
import { InputError } from '../../src/engine/errors';
import { AllocationRequest } from '../../src/engine/types';

/** What allocate() says about a request: its quotas, or the problems it refuses it with. */
function verdict(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { refused: e.problems };
  }
}

/**
 * The `--jsonl` answer line is built from the quotas in request order rather than from allocate()'s
 * object: both must say the same thing about every request, refused ones included.
 */
describe('allocationAnswer (the allocate answer line)', () => {
  it('is {"quotas": …} with the ids in request order, numeric-looking ids included', () => {
    const req = {
      total: 10,
      method: 'sainte-lague',
      units: [
        { id: 'b', weight: 3 },
        { id: '7', weight: 1 },
        { id: '__proto__', weight: 2 },
        { id: 'a"\\', weight: 4 },
      ],
    };
    expect(allocationAnswer(req)).toBe('{"quotas":{"b":3,"7":1,"__proto__":2,"a\\"\\\\":4}}');
  });

  it('says what allocate() says about varied requests, malformed ones included', () => {
    const unit = fc.record(
      {
        id: fc.oneof(fc.constantFrom('a', 'b', 'c', '1', '10', '__proto__', ''), fc.integer()),
        weight: fc.oneof(
          fc.nat(1_000_000),
          fc.double({ min: -1, max: 1e6, noNaN: true }),
          fc.constantFrom('12.5', 'x', null, -3),
        ),
        min: fc.nat(5),
        max: fc.oneof(fc.nat(30), fc.constant(0.5)),
        locked: fc.nat(10),
      },
      { requiredKeys: ['id', 'weight'] },
    );
    const METHODS = [
      'largest-remainder',
      'equal',
      'dhondt',
      'sainte-lague',
      'huntington-hill',
      'adams',
    ];
    const wellFormed = fc.record({
      total: fc.nat(500),
      method: fc.constantFrom(...METHODS),
      units: fc.uniqueArray(
        fc.record({
          id: fc.oneof(fc.string({ minLength: 1, maxLength: 3 }), fc.nat(20).map(String)),
          weight: fc.nat(1_000_000),
        }),
        { minLength: 1, maxLength: 12, selector: (u) => u.id },
      ),
    });
    const request = fc.oneof(
      { arbitrary: wellFormed, weight: 3 },
      fc.record(
        {
          total: fc.oneof(fc.nat(500), fc.constantFrom(-1, 2.5, '40', '1e2', 'many')),
          method: fc.constantFrom(...METHODS, 'borda'),
          precision: fc.constantFrom(0, 1, 2, 7, -1),
          units: fc.oneof(fc.array(unit, { maxLength: 8 }), fc.constant('none')),
        },
        { requiredKeys: ['total', 'method', 'units'] },
      ),
      fc.constantFrom(null, [], 'request', 42),
    );
    let answered = 0;
    fc.assert(
      fc.property(request, (req) => {
        const exact = verdict(() => allocate(req as AllocationRequest));
        const line = verdict(() => {
          const parsed = JSON.parse(allocationAnswer(req)) as { quotas: Record<string, number> };
          answered++;
          return parsed.quotas;
        });
        expect(line).toEqual(exact);
      }),
      { numRuns: 3000, seed: 13 },
    );
    // The generator must reach allocations, not only refusals.
    expect(answered).toBeGreaterThan(1500);
  });
});
