/**
 * A small Excel formula evaluator, so formula cells in the simulated host read back calculated
 * values as in Excel: numbers, text, booleans, A1 references and ranges (optionally sheet-qualified),
 * arithmetic, & and comparisons, and IF, IFERROR, ROUND, SUM, MIN, MAX, ABS, AND, OR, NOT, ROW.
 * Anything else evaluates to #NAME?, which a test sees instead of a silently wrong number.
 */
import { Rect, parseRect, splitSheet } from './address';
import type { CellValue } from './model';
import type { SimSheet } from './simSheet';

export type FormulaValue = CellValue | FormulaValue[][];

type Token = {
  kind: 'num' | 'str' | 'ref' | 'name' | 'op' | 'lparen' | 'rparen' | 'comma';
  text: string;
};

const ERROR = /^#(DIV\/0!|NAME\?|VALUE!|REF!|N\/A|NUM!)$/;
const isError = (v: unknown): v is string => typeof v === 'string' && ERROR.test(v);

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const refRe =
    /^(?:(?:'(?:[^']|'')+'|[A-Za-z_\u0080-\uFFFF][\w.\u0080-\uFFFF]*)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    let m = /^\d+(\.\d+)?([eE][+-]?\d+)?%?/.exec(rest);
    if (m) {
      tokens.push({ kind: 'num', text: m[0] });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          text += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else text += src[j++];
      }
      tokens.push({ kind: 'str', text });
      i = j + 1;
      continue;
    }
    m = refRe.exec(rest);
    if (m && !/^[A-Za-z_\u0080-\uFFFF][\w.\u0080-\uFFFF]*\(/.test(rest.slice(0, m[0].length + 1))) {
      tokens.push({ kind: 'ref', text: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^[A-Za-z_][\w.]*/.exec(rest);
    if (m) {
      tokens.push({ kind: 'name', text: m[0].toUpperCase() });
      i += m[0].length;
      continue;
    }
    m = /^(<>|<=|>=|[-+*/^&=<>])/.exec(rest);
    if (m) {
      tokens.push({ kind: 'op', text: m[0] });
      i += m[0].length;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch });
      i++;
      continue;
    }
    throw new SyntaxError(`unexpected ${ch}`);
  }
  return tokens;
}

type Node =
  | { t: 'lit'; v: CellValue }
  | { t: 'ref'; sheet: string | null; rect: Rect }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'call'; name: string; args: Node[] };

function parse(tokens: Token[]): Node {
  let pos = 0;
  const peek = () => tokens[pos];
  const take = () => tokens[pos++];
  const level = (ops: string[], next: () => Node) => (): Node => {
    let a = next();
    while (peek()?.kind === 'op' && ops.includes(peek().text)) {
      const op = take().text;
      a = { t: 'bin', op, a, b: next() };
    }
    return a;
  };
  const primary = (): Node => {
    const tok = take();
    if (!tok) throw new SyntaxError('unexpected end');
    if (tok.kind === 'num')
      return {
        t: 'lit',
        v: tok.text.endsWith('%') ? Number(tok.text.slice(0, -1)) / 100 : Number(tok.text),
      };
    if (tok.kind === 'str') return { t: 'lit', v: tok.text };
    if (tok.kind === 'ref') {
      const { sheet, local } = splitSheet(tok.text);
      const rect = parseRect(local);
      if (!rect) throw new SyntaxError(`bad reference ${tok.text}`);
      return { t: 'ref', sheet, rect };
    }
    if (tok.kind === 'lparen') {
      const e = comparison();
      if (take()?.kind !== 'rparen') throw new SyntaxError('missing )');
      return e;
    }
    if (tok.kind === 'name') {
      if (peek()?.kind !== 'lparen') {
        if (tok.text === 'TRUE' || tok.text === 'FALSE')
          return { t: 'lit', v: tok.text === 'TRUE' };
        return { t: 'lit', v: '#NAME?' };
      }
      take();
      const args: Node[] = [];
      if (peek()?.kind !== 'rparen') {
        do args.push(comparison());
        while (peek()?.kind === 'comma' && take());
      }
      if (take()?.kind !== 'rparen') throw new SyntaxError('missing )');
      return { t: 'call', name: tok.text, args };
    }
    throw new SyntaxError(`unexpected ${tok.text}`);
  };
  const power = level(['^'], primary);
  const unary = (): Node =>
    peek()?.kind === 'op' && (peek().text === '-' || peek().text === '+')
      ? { t: 'un', op: take().text, a: unary() }
      : power();
  const term = level(['*', '/'], unary);
  const additive = level(['+', '-', '&'], term);
  const comparison = level(['=', '<>', '<', '>', '<=', '>='], additive);
  const tree = comparison();
  if (pos !== tokens.length) throw new SyntaxError('trailing input');
  return tree;
}

/** Reads a cell's value, calculating it first when it holds a formula. */
export type CellReader = (sheet: SimSheet, r: number, c: number) => CellValue | undefined;

export function evaluateFormula(
  formula: string,
  sheet: SimSheet,
  row: number,
  read: CellReader,
): CellValue {
  let tree: Node;
  try {
    tree = parse(tokenize(formula.replace(/^=/, '')));
  } catch {
    return '#NAME?';
  }
  const result = scalar(evaluate(tree, { sheet, row, read }));
  // A formula that is just a reference to an empty cell shows 0.
  return result === '' && tree.t === 'ref' ? 0 : result;
}

interface Env {
  sheet: SimSheet;
  row: number;
  read: CellReader;
}

function scalar(v: FormulaValue): CellValue {
  if (!Array.isArray(v)) return v;
  return v.length === 1 && v[0].length === 1 ? scalar(v[0][0]) : '#VALUE!';
}

function num(v: CellValue): number | string {
  if (isError(v)) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : '#VALUE!';
}

function evaluate(node: Node, env: Env): FormulaValue {
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'ref': {
      const sheet = node.sheet === null ? env.sheet : env.sheet.book.findSheet(node.sheet);
      if (!sheet) return '#REF!';
      const out: CellValue[][] = [];
      for (let r = node.rect.r0; r <= node.rect.r1; r++) {
        const row: CellValue[] = [];
        for (let c = node.rect.c0; c <= node.rect.c1; c++) row.push(env.read(sheet, r, c) ?? '');
        out.push(row);
      }
      return out;
    }
    case 'un': {
      const a = num(scalar(evaluate(node.a, env)));
      return typeof a === 'string' ? a : node.op === '-' ? -a : a;
    }
    case 'bin':
      return binary(node.op, scalar(evaluate(node.a, env)), scalar(evaluate(node.b, env)));
    case 'call':
      return call(node, env);
  }
}

function binary(op: string, a: CellValue, b: CellValue): CellValue {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (op === '&') return `${text(a)}${text(b)}`;
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const cmp = compare(a, b);
    return {
      '=': cmp === 0,
      '<>': cmp !== 0,
      '<': cmp < 0,
      '>': cmp > 0,
      '<=': cmp <= 0,
      '>=': cmp >= 0,
    }[op]!;
  }
  const x = num(a);
  const y = num(b);
  if (typeof x === 'string') return x;
  if (typeof y === 'string') return y;
  if (op === '+') return x + y;
  if (op === '-') return x - y;
  if (op === '*') return x * y;
  if (op === '^') return x ** y;
  return y === 0 ? '#DIV/0!' : x / y;
}

function text(v: CellValue): string {
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

/** Excel orders numbers < text < booleans; an empty cell compares as 0 or "" as needed. */
function compare(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === '' && typeof b === 'number') a = 0;
  if (b === '' && typeof a === 'number') b = 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string' && typeof b === 'string')
    return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  return Number(a) - Number(b);
}

function flatNumbers(values: FormulaValue[]): number[] | string {
  const out: number[] = [];
  for (const v of values) {
    if (Array.isArray(v)) {
      for (const row of v)
        for (const cell of row as CellValue[]) {
          if (isError(cell)) return cell;
          if (typeof cell === 'number') out.push(cell);
        }
    } else {
      const n = num(v);
      if (typeof n === 'string') return n;
      out.push(n);
    }
  }
  return out;
}

function call(node: { name: string; args: Node[] }, env: Env): FormulaValue {
  const arg = (i: number) => scalar(evaluate(node.args[i], env));
  switch (node.name) {
    case 'IF': {
      const c = arg(0);
      if (isError(c)) return c;
      const yes = typeof c === 'string' ? c !== '' : Boolean(num(c));
      return yes ? (node.args.length > 1 ? arg(1) : true) : node.args.length > 2 ? arg(2) : false;
    }
    case 'IFERROR': {
      const v = arg(0);
      return isError(v) ? arg(1) : v;
    }
    case 'ROUND': {
      const x = num(arg(0));
      const d = num(node.args.length > 1 ? arg(1) : 0);
      if (typeof x === 'string') return x;
      if (typeof d === 'string') return d;
      const f = 10 ** d;
      return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
    }
    case 'ABS': {
      const x = num(arg(0));
      return typeof x === 'string' ? x : Math.abs(x);
    }
    case 'SUM':
    case 'MIN':
    case 'MAX': {
      const xs = flatNumbers(node.args.map((a) => evaluate(a, env)));
      if (typeof xs === 'string') return xs;
      if (node.name === 'SUM') return xs.reduce((s, x) => s + x, 0);
      if (xs.length === 0) return 0;
      return node.name === 'MIN' ? Math.min(...xs) : Math.max(...xs);
    }
    case 'AND':
    case 'OR': {
      const xs = node.args.map((_, i) => arg(i));
      const bad = xs.find(isError);
      if (bad !== undefined) return bad;
      const truth = xs.map((x) => Boolean(num(x)));
      return node.name === 'AND' ? truth.every(Boolean) : truth.some(Boolean);
    }
    case 'NOT': {
      const x = num(arg(0));
      return typeof x === 'string' ? x : !x;
    }
    case 'ROW': {
      if (node.args.length === 0) return env.row + 1;
      const ref = node.args[0];
      return ref.t === 'ref' ? ref.rect.r0 + 1 : '#VALUE!';
    }
    default:
      return '#NAME?';
  }
}
