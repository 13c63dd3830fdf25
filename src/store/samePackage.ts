/**
 * Whether two zip packages hold the same parts with the same contents, apart from
 * docProps/core.xml (its created/modified times differ on every save). Lets `templates` skip a
 * file it would write again identically instead of refusing it.
 */
import JSZip from 'jszip';

const VOLATILE = new Set(['docProps/core.xml']);

export async function samePackage(a: Uint8Array, b: Uint8Array): Promise<boolean> {
  let za: JSZip;
  let zb: JSZip;
  try {
    [za, zb] = await Promise.all([JSZip.loadAsync(a), JSZip.loadAsync(b)]);
  } catch {
    return false;
  }
  const names = (z: JSZip) =>
    Object.keys(z.files)
      .filter((n) => !z.files[n].dir && !VOLATILE.has(n))
      .sort();
  const na = names(za);
  const nb = names(zb);
  if (na.join('\n') !== nb.join('\n')) return false;
  for (const n of na) {
    const [x, y] = await Promise.all([
      za.file(n)!.async('nodebuffer'),
      zb.file(n)!.async('nodebuffer'),
    ]);
    if (!x.equals(y)) return false;
  }
  return true;
}
