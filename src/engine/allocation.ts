import { scaledToNumber } from './decimal';
import { highestAverages } from './allocation/divisor';
import { FreeUnits, Seats } from './allocation/free-units';
import { largestRemainder } from './allocation/hamilton';
import { ParsedRequest, parseRequest } from './allocation/request';
import { AllocationRequest } from './types';

/**
 * Splits a total into quotas, SPEC §4. Throws InputError naming every bad field (and returns
 * nothing) for a malformed or infeasible request. Quotas come back keyed by unit id, each a
 * number with at most `precision` decimal places, computed exactly on T·10^precision.
 */
export function allocate(req: AllocationRequest): Record<string, number> {
  const { ids, quotas } = allocateInOrder(req);
  const out: Record<string, number> = {};
  ids.forEach((id, i) => setOwn(out, id, quotas[i]));
  return out;
}

/** allocate()'s quotas as a list in the order of the request's units, with their ids. */
export function allocateInOrder(req: unknown): { ids: string[]; quotas: number[] } {
  const parsed = parseRequest(req);
  const rest = parsed.total - parsed.units.reduce((sum, u) => sum + (u.locked ?? 0n), 0n);
  const seats = share(parsed, toFreeUnits(parsed), rest);
  const ids: string[] = [];
  const quotas: number[] = [];
  let j = 0;
  for (const u of parsed.units) {
    ids.push(u.id);
    quotas.push(scaledToNumber(u.locked ?? seats[j++], parsed.precision));
  }
  return { ids, quotas };
}

function share(req: ParsedRequest, units: FreeUnits, rest: bigint): Seats {
  switch (req.method) {
    case 'largest-remainder':
    case 'equal':
      return largestRemainder(units, rest);
    default:
      return highestAverages(units, rest, req.method);
  }
}

/** The free units with their weights brought to one integer scale (all 1 for `equal`). */
function toFreeUnits(req: ParsedRequest): FreeUnits {
  const free = req.units.filter((u) => u.locked === null);
  const equal = req.method === 'equal';
  const scale = equal ? 0 : Math.max(0, ...free.map((u) => u.weight.scale));
  return {
    weight: free.map((u) =>
      equal
        ? 1n
        : u.weight.scale === scale
          ? u.weight.int
          : u.weight.int * 10n ** BigInt(scale - u.weight.scale),
    ),
    approx: free.map(({ weight: w }) =>
      equal ? 1 : w.scale === 0 ? Number(w.int) : Number(`${w.int}e-${w.scale}`),
    ),
    min: free.map((u) => u.min),
    max: free.map((u) => u.max),
  };
}

/** Sets an own property even for the id "__proto__", which plain assignment would not. */
function setOwn(obj: Record<string, number>, key: string, value: number): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else obj[key] = value;
}
