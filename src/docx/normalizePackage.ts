/**
 * Makes a package from `docx` a function of its content, so the same book and date give the same
 * bytes. `docx` stamps the current time into docProps/core.xml and every zip entry (also of the
 * chart's embedded workbook), names some relationships with random ids (rIdk3x…), and numbers
 * drawings (wp:docPr) from a counter shared by every document the process makes. Times become the
 * document's date, random ids become the next free rIdN of their part, drawings count from 1.
 */
import JSZip from 'jszip';

const RELS = /^(.*\/)?_rels\/([^/]+)\.rels$/;

export async function normalizePackage(bytes: Uint8Array, created: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const parts = new Map<string, Uint8Array | string>();
  for (const name of names) {
    parts.set(
      name,
      /\.(xml|rels)$/.test(name)
        ? await zip.files[name].async('string')
        : await zip.files[name].async('uint8array'),
    );
  }
  for (const name of names) {
    const m = RELS.exec(name);
    const rels = parts.get(name);
    if (!m || typeof rels !== 'string') continue;
    const source = `${m[1] ?? ''}${m[2]}`;
    const renamed = renameRandomIds(rels);
    parts.set(name, renamed.xml);
    const xml = parts.get(source);
    if (typeof xml === 'string') {
      let text = xml;
      for (const [from, to] of renamed.ids) text = text.split(`"${from}"`).join(`"${to}"`);
      parts.set(source, text);
    }
  }
  const out = new JSZip();
  const date = new Date(created);
  for (const name of names) {
    let data = parts.get(name)!;
    if (name === 'docProps/core.xml' && typeof data === 'string') {
      data = data.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${created}`);
    } else if (name === 'word/document.xml' && typeof data === 'string') {
      let n = 0;
      data = data.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`);
    } else if (/\.xlsx$/.test(name) && typeof data !== 'string') {
      data = await normalizePackage(data, created);
    }
    out.file(name, data, { date, createFolders: false });
  }
  return out.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}

/** Relationship ids that are not rIdN become the next unused rIdN, in document order. */
function renameRandomIds(rels: string): { xml: string; ids: Map<string, string> } {
  const used = new Set([...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1])));
  const ids = new Map<string, string>();
  let next = 1;
  const xml = rels.replace(/Id="([^"]+)"/g, (whole, id: string) => {
    if (/^rId\d+$/.test(id)) return whole;
    while (used.has(next)) next++;
    used.add(next);
    ids.set(id, `rId${next}`);
    return `Id="rId${next}"`;
  });
  return { xml, ids };
}
