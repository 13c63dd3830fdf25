import { Decimal, formatScaled, parseDecimal, toScaledInt } from '../decimal';
import { InputError, Problem } from '../errors';
import { METHOD_LABELS, zhShow } from '../labels';
import { ALLOCATION_METHODS, AllocationMethod } from '../types';

/** Quotas are returned as JS numbers, so a scaled total must stay an exact double integer. */
const MAX_SCALED = BigInt(Number.MAX_SAFE_INTEGER);
/** More decimal places than anyone splits a target into; keeps T·10^p within exact doubles. */
export const MAX_PRECISION = 6;

/** A unit of a validated request; amounts are integers in units of 10^-precision. */
export interface ParsedUnit {
  id: string;
  weight: Decimal;
  min: bigint;
  max: bigint | null;
  locked: bigint | null;
}

export interface ParsedRequest {
  method: AllocationMethod;
  precision: number;
  total: bigint;
  units: ParsedUnit[];
}

/**
 * The request of SPEC §4, checked completely: every problem is collected and thrown as one
 * InputError naming its field, so nothing is allocated from a half-valid request.
 */
export function parseRequest(req: unknown): ParsedRequest {
  const problems: Problem[] = [];
  const add: Add = (where, message, zh) => problems.push({ where, message, zh });
  if (typeof req !== 'object' || req === null || Array.isArray(req)) {
    throw new InputError(
      'an allocation request must be a JSON object with total, method and units',
      '',
      '分解请求应为对象结构，包含总数、分解方法和各单位',
    );
  }
  const r = req as Record<string, unknown>;

  const precision = readPrecision(r.precision, add);
  const method = readMethod(r.method, add);
  const total = readAmount(r.total, 'total', precision, add);
  if (total !== null && total > MAX_SCALED) {
    const [t, max] = [formatScaled(total, precision!), formatScaled(MAX_SCALED, precision!)];
    add('total', `${t} is too large (at most ${max})`, `${t} 过大（最大为 ${max}）`);
  }

  const units: ParsedUnit[] = [];
  if (r.units === undefined)
    add(
      'units',
      'missing: give a list of units with id and weight',
      '缺少单位：请列出各单位的编号和权重',
    );
  else if (!Array.isArray(r.units)) add('units', 'must be a list of units', '应为单位列表');
  else {
    const firstIndex = new Map<string, number>();
    r.units.forEach((u, i) => {
      const where = `units[${i}]`;
      if (typeof u !== 'object' || u === null || Array.isArray(u)) {
        add(where, 'must be an object with id and weight', '应为对象结构，包含编号和权重');
        return;
      }
      const o = u as Record<string, unknown>;
      const id = readId(o.id, i, firstIndex, add);
      const weight = readNumber(o.weight, `${where}.weight`, add);
      const min = o.min === undefined ? 0n : readAmount(o.min, `${where}.min`, precision, add);
      const max = o.max === undefined ? null : readAmount(o.max, `${where}.max`, precision, add);
      const locked =
        o.locked === undefined ? null : readAmount(o.locked, `${where}.locked`, precision, add);
      if (o.locked === undefined && min !== null && max !== null && max < min) {
        const [hi, lo] = [formatScaled(max, precision!), formatScaled(min, precision!)];
        add(`${where}.max`, `${hi} is below min ${lo}`, `上限 ${hi} 低于下限 ${lo}`);
      }
      // A null from a bad field was reported, and then the request is refused below.
      units.push({ id: id!, weight: weight!, min: min!, max, locked });
    });
  }
  if (problems.length) throw new InputError(problems);
  const parsed: ParsedRequest = { method: method!, precision: precision!, total: total!, units };
  checkFeasible(parsed, add);
  if (problems.length) throw new InputError(problems);
  return parsed;
}

/** Reports a problem in English and in Chinese. */
type Add = (where: string, message: string, zh: string) => void;

function readPrecision(x: unknown, add: Add): number | null {
  if (x === undefined) return 0;
  if (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= MAX_PRECISION) return x;
  add(
    'precision',
    `must be a whole number of decimal places from 0 to ${MAX_PRECISION} (got ${JSON.stringify(x)})`,
    `小数位数应为 0 到 ${MAX_PRECISION} 之间的整数（现为：${zhShow(x)}）`,
  );
  return null;
}

function readMethod(x: unknown, add: Add): AllocationMethod | null {
  if (typeof x === 'string' && (ALLOCATION_METHODS as readonly string[]).includes(x))
    return x as AllocationMethod;
  const known = ALLOCATION_METHODS.join(', ');
  const knownZh = ALLOCATION_METHODS.map((m) => METHOD_LABELS[m]).join('、');
  if (x === undefined)
    add('method', `missing: use one of ${known}`, `缺少分解方法，可选：${knownZh}`);
  else
    add(
      'method',
      `unknown method ${JSON.stringify(x)}: use one of ${known}`,
      `分解方法${zhShow(x)}无法识别，可选：${knownZh}`,
    );
  return null;
}

function readId(x: unknown, i: number, firstIndex: Map<string, number>, add: Add): string | null {
  const where = `units[${i}].id`;
  if (x === undefined) add(where, 'missing', '必须填写');
  else if (typeof x !== 'string' || x === '')
    add(
      where,
      `must be a non-empty string (got ${JSON.stringify(x)})`,
      `应为非空文本（现为：${zhShow(x)}）`,
    );
  else {
    const first = firstIndex.get(x);
    if (first !== undefined)
      add(
        where,
        `duplicate id ${JSON.stringify(x)} (also units[${first}].id)`,
        `编号${zhShow(x)}重复（另见 units[${first}].id）`,
      );
    else firstIndex.set(x, i);
    return x;
  }
  return null;
}

function readNumber(x: unknown, where: string, add: Add): Decimal | null {
  if (x === undefined) {
    add(where, 'missing', '必须填写');
    return null;
  }
  // Whole numbers, the common case, skip the text round trip.
  if (typeof x === 'number' && Number.isSafeInteger(x) && x >= 0)
    return { int: BigInt(x), scale: 0 };
  try {
    const d = parseDecimal(x as number | string, where);
    if (d.int < 0n) {
      const text = formatScaled(d.int, d.scale);
      add(where, `must not be negative (got ${text})`, `不能为负数（现为：${text}）`);
      return null;
    }
    return d;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    e.problems.forEach((p) => add(p.where, p.message, p.zh ?? p.message));
    return null;
  }
}

/**
 * An amount (total, min, max, locked) as an integer count of 10^-precision steps; null when it is
 * malformed or the precision is (reported elsewhere as) invalid.
 */
function readAmount(x: unknown, where: string, precision: number | null, add: Add): bigint | null {
  const d = readNumber(x, where, add);
  if (d === null || precision === null) return null;
  const scaled = toScaledInt(d, precision);
  if (scaled === null) {
    const text = formatScaled(d.int, d.scale);
    if (precision === 0)
      add(
        where,
        `${text} is not a whole number (precision 0)`,
        `${text} 不是整数（分解精度为整数）`,
      );
    else {
      add(
        where,
        `${text} has more than ${precision} decimal place${precision === 1 ? '' : 's'} (precision ${precision})`,
        `${text} 的小数位数超过 ${precision} 位（分解精度为 ${precision} 位小数）`,
      );
    }
  }
  return scaled;
}

/** SPEC §4 point 2: the locked quotas, minimums and capacities must fit the total. */
function checkFeasible(req: ParsedRequest, add: Add): void {
  const p = req.precision;
  const fmt = (n: bigint) => formatScaled(n, p);
  let lockedSum = 0n;
  let minSum = 0n;
  let capacity: bigint | null = 0n;
  for (const u of req.units) {
    if (u.locked !== null) {
      lockedSum += u.locked;
      continue;
    }
    minSum += u.min;
    const takesSeats = req.method === 'equal' || u.weight.int > 0n;
    if (!takesSeats) capacity = capacity === null ? null : capacity + u.min;
    else if (u.max === null) capacity = null;
    else if (capacity !== null) capacity += u.max;
  }
  const rest = req.total - lockedSum;
  // Worded only when refused: this runs for every request of a --jsonl stream.
  const left = () =>
    lockedSum > 0n ? `the ${fmt(rest)} left after locked quotas` : `the total ${fmt(req.total)}`;
  const leftZh = () =>
    lockedSum > 0n ? `扣除锁定值后剩余的 ${fmt(rest)}` : `目标总数 ${fmt(req.total)}`;
  if (rest < 0n) {
    add(
      'total',
      `the locked quotas add up to ${fmt(lockedSum)}, more than the total ${fmt(req.total)}`,
      `各单位锁定值合计 ${fmt(lockedSum)}，超过目标总数 ${fmt(req.total)}`,
    );
  } else if (minSum > rest) {
    add(
      'total',
      `the free units' minimums add up to ${fmt(minSum)}, more than ${left()}`,
      `未锁定单位的下限合计 ${fmt(minSum)}，超过${leftZh()}`,
    );
  } else if (capacity !== null && capacity < rest) {
    add(
      'total',
      `the free units can hold at most ${fmt(capacity)} (a unit stops at its max, a unit with weight 0 keeps its min), less than ${left()}`,
      `未锁定单位最多只能承担 ${fmt(capacity)}（各单位不超过其上限，权重为 0 的单位只取其下限），少于${leftZh()}`,
    );
  }
}
