/**
 * The units that share R = T − Σ locked, in request order. Amounts are integer counts of
 * 10^-precision steps; weights are integers on one common decimal scale, so ratios of weights are
 * exact and comparisons never go through rounded quotients.
 */
export interface FreeUnits {
  weight: bigint[];
  /** The same weights as doubles, for the fast path of comparisons that are not near a tie. */
  approx: number[];
  min: bigint[];
  /** null: unbounded. */
  max: (bigint | null)[];
}

/** Seat counts, one per free unit. */
export type Seats = bigint[];
