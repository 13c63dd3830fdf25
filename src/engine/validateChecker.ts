/**
 * The scenario checker's common parts: a collector of every problem at its JSON path, the typed
 * readers of one field, and the shared defaults.
 */
import { parseDecimal } from './decimal';
import { Problem, problem } from './errors';
import { ArgsOf, Code, Complaint, placed } from './messages/catalogue';
import type { ChoiceField } from './messages/en/scenario';
import { MAX_FIGURE } from './plausible';
import type { Assessed, UnitType } from './types';

export type Obj = Record<string, unknown>;

/** Collects every problem with its JSON path; the readers return undefined for a bad value. */
export class Checker {
  readonly problems: Problem[] = [];

  add<C extends Code>(code: C, where: string, args: ArgsOf<C>): void {
    this.problems.push(problem(code, where, args));
  }

  /** Adds a problem made elsewhere (a period, a figure), at `where`. */
  addAt(p: Complaint, where: string): void {
    this.problems.push(placed(p, where));
  }

  required(where: string): void {
    this.add('value.required', where, {});
  }

  object(x: unknown, where: string, allowed: readonly string[]): Obj | undefined {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) {
      this.add('value.notObject', where, { got: x });
      return undefined;
    }
    for (const key of Object.keys(x)) {
      if (!allowed.includes(key))
        this.add('value.unknownKey', at(where, key), { allowed: [...allowed] });
    }
    return x as Obj;
  }

  /** A missing array is empty. */
  array(o: Obj, key: string, where: string): unknown[] {
    const x = o[key];
    if (x === undefined) return [];
    if (!Array.isArray(x)) {
      this.add('value.notArray', at(where, key), { got: x });
      return [];
    }
    return x;
  }

  string(o: Obj, key: string, where: string, required: boolean): string | undefined {
    const x = o[key];
    if (x === undefined || x === null) {
      if (required) this.required(at(where, key));
      return undefined;
    }
    if (typeof x !== 'string') {
      this.add('value.notString', at(where, key), { got: x });
      return undefined;
    }
    if (required && x.trim() === '') {
      this.add('value.empty', at(where, key), {});
      return undefined;
    }
    return x;
  }

  number(o: Obj, key: string, where: string, required: boolean, min?: number): number | undefined {
    const x = o[key];
    if (x === undefined || x === null) {
      if (required) this.required(at(where, key));
      return undefined;
    }
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      this.add('value.notNumber', at(where, key), { got: x });
      return undefined;
    }
    if (min !== undefined && x < min) {
      this.add('value.belowMin', at(where, key), { min, got: x });
      return undefined;
    }
    if (Math.abs(x) >= MAX_FIGURE) {
      this.add('value.beyondExact', at(where, key), { got: x });
      return undefined;
    }
    return x;
  }

  year(o: Obj, where: string): number | undefined {
    const x = o.year;
    if (x === undefined || x === null) {
      this.required(at(where, 'year'));
      return undefined;
    }
    if (!Number.isInteger(x) || (x as number) < 1000 || (x as number) > 9999) {
      this.add('value.notYear', at(where, 'year'), { got: x });
      return undefined;
    }
    return x as number;
  }

  /** `field` names the kind of value in the message (and its values' Chinese names). */
  oneOf<T extends string>(
    o: Obj,
    key: string,
    where: string,
    allowed: readonly T[],
    field: ChoiceField,
  ): T | undefined {
    const x = o[key];
    if (x === undefined || x === null) {
      this.required(at(where, key));
      return undefined;
    }
    if (!allowed.includes(x as T)) {
      this.add('value.unknownChoice', at(where, key), { field, got: x, allowed: [...allowed] });
      return undefined;
    }
    return x as T;
  }
}

export function at(where: string, key: string): string {
  return where ? `${where}.${key}` : key;
}

export function decimals(x: number): number {
  return parseDecimal(x).scale;
}

/** Adds the defined optional fields only (to a fresh `base`), so normalized JSON has no `undefined` keys. */
export function withOptional<T extends object>(base: T, extra: Partial<T>): T {
  const out = base as Record<string, unknown>;
  for (const k in extra) if (extra[k] !== undefined) out[k] = extra[k];
  return base;
}

/** Which unit types carry an indicator assessed this way. */
export function carriesIndicator(unitType: UnitType, assessed: Assessed): boolean {
  return assessed === 'all' || assessed === unitType;
}

/** Reports (by `duplicate`, given where the first one is) a second row with the same key. */
export function unique(
  seen: Map<string, string>,
  key: string,
  where: string,
  duplicate: (first: string) => void,
): boolean {
  const first = seen.get(key);
  if (first) {
    duplicate(first);
    return false;
  }
  seen.set(key, where);
  return true;
}

export const key = (...parts: (string | number)[]) => parts.join('\u0000');
