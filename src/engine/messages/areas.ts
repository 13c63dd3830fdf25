/** Every key of the objects in a tuple. */
type Keys<T extends readonly object[]> = T extends readonly [
  infer H extends object,
  ...infer R extends readonly object[],
]
  ? keyof H | Keys<R>
  : never;

/** The keys found in two or more of the objects. */
type Repeated<T extends readonly object[]> = T extends readonly [
  infer H extends object,
  ...infer R extends readonly object[],
]
  ? (keyof H & Keys<R>) | Repeated<R>
  : never;

type Merged<T extends readonly object[]> = T extends readonly [
  infer H extends object,
  ...infer R extends readonly object[],
]
  ? H & Merged<R>
  : unknown;

/** Asks for an impossible property, naming the codes, when some code is in two areas. */
type NoRepeats<T extends readonly object[]> = [Repeated<T>] extends [never]
  ? unknown
  : { codeInTwoAreas: Repeated<T> };

/**
 * A language's catalogue from its areas' catalogues. Spread together, a code defined in two areas
 * would silently take the later text; here it does not compile.
 */
export function catalogueOf<T extends readonly object[]>(...areas: T & NoRepeats<T>): Merged<T> {
  return Object.assign({}, ...areas) as Merged<T>;
}
