/**
 * The problem catalogues (the TypeScript compiler's diagnostics model): a problem is a code, where
 * it is, and the values it names; each language renders it from its own catalogue. The catalogues
 * live in the engine because the engine's InputError needs its English text (Error.message, stack
 * traces) and the task pane its Chinese one, and they are pure functions of their arguments.
 *
 * A new message is one entry in `en/<area>.ts` and one in `zh/<area>.ts` under the same code: the
 * Chinese catalogue is typed by the English one, so a code missing in either, or a Chinese text
 * given other arguments, does not compile (and test/engine/catalogue.test.ts checks it again).
 */
import { enUS } from './en';
import type { RenderNested } from './en/allocation';
import { zhCN } from './zh';

export type Lang = 'en-US' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en-US', 'zh-CN'];

type EnCatalogue = typeof enUS;
export type Code = keyof EnCatalogue;
/** What a code's texts are rendered from. */
export type ArgsOf<C extends Code> =
  Parameters<EnCatalogue[C]> extends [infer A, ...unknown[]] ? A : Record<string, never>;

/** One problem: language-neutral, so `--json` carries it as is. */
export type Problem = { [C in Code]: { code: C; where: string; args: ArgsOf<C> } }[Code];

/** A text: its arguments, and (for a problem that names another) how to render that one. */
type Text = (a: never, nested: RenderNested) => string;

export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<Code, Text>>>> = {
  'en-US': enUS,
  'zh-CN': zhCN,
};

export function problem<C extends Code>(code: C, where: string, args: ArgsOf<C>): Problem {
  // The union above is keyed by code; TypeScript cannot see that a generic C picks one member.
  return { code, where, args } as Problem;
}

export function problemText(p: Problem, lang: Lang): string {
  const render = CATALOGUES[lang][p.code] as (a: unknown, nested: RenderNested) => string;
  return render(p.args, (n) => problemText(n as Problem, lang));
}

/** `where: text` as the CLI prints it, in `lang`. */
export function formatProblemIn(p: Problem, lang: Lang): string {
  const text = problemText(p, lang);
  return p.where ? `${p.where}: ${text}` : text;
}

/** `where: text` in English (Error.message, logs). */
export function formatProblem(p: Problem): string {
  return formatProblemIn(p, 'en-US');
}

/**
 * The problem moved to `where`, with `rewrite` applied to every text among its arguments: the
 * plan's reader turns the JSON paths a problem names (`also units[0].id`) into cells.
 */
export function rewritten(p: Problem, where: string, rewrite: (text: string) => string): Problem {
  const walk = (x: unknown): unknown =>
    typeof x === 'string'
      ? rewrite(x)
      : Array.isArray(x)
        ? x.map(walk)
        : typeof x === 'object' && x !== null
          ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]))
          : x;
  return { code: p.code, where, args: walk(p.args) } as Problem;
}

/** A problem not yet placed: the caller knows where. */
export type Complaint = { [C in Code]: { code: C; args: ArgsOf<C> } }[Code];

export function complaint<C extends Code>(code: C, args: ArgsOf<C>): Complaint {
  return { code, args } as Complaint;
}

export function placed(c: Complaint, where: string): Problem {
  return { code: c.code, where, args: c.args } as Problem;
}
