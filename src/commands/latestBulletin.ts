/** Bulletin sheets are named `通报 2019Q3` (a bare year, `通报 2019`, is its fourth quarter). */
const BULLETIN = /^通报\s*(\d{4})(?:Q([1-4]))?$/;

/** The sheet of the most recent period's bulletin among `names`, or undefined when there is none. */
export function latestBulletinSheet(names: readonly string[]): string | undefined {
  let best: { name: string; key: number } | undefined;
  for (const name of names) {
    const m = BULLETIN.exec(name.trim());
    if (!m) continue;
    const key = Number(m[1]) * 10 + Number(m[2] ?? 4);
    if (!best || key > best.key) best = { name, key };
  }
  return best?.name;
}
