/**
 * Native Excel charts, which ExcelJS cannot write: each ChartPlan becomes a clustered column chart
 * of values by category with the reference value as a line (the bulletin's completion rate by unit
 * against 序时进度), injected into a saved xlsx package as xl/charts/chartN.xml, anchored by a
 * drawing part, with the relationships and content types Excel and LibreOffice require. Series
 * data are literals (numLit/strLit), so the chart does not depend on where its figures sit.
 */
import JSZip from 'jszip';
import type { PartStore } from './partStore';
import { decodeCell } from '../engine/address';
import { parseRels, resolvePath, sheetPartPaths } from './packageParts';
import type { ChartPlan } from '../plan/types';

const NS = {
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  chartRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  drawingRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** Elements that must follow <drawing> in a worksheet (CT_Worksheet order). */
const AFTER_DRAWING = [
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

export async function addNativeCharts(
  xlsx: Buffer,
  charts: { sheet: string; chart: ChartPlan }[],
): Promise<Buffer> {
  if (!charts.length) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  await drawNativeCharts(zip, charts);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** addNativeCharts on a package already open, for a caller that zips it once after other changes. */
export async function drawNativeCharts(
  zip: PartStore,
  charts: { sheet: string; chart: ChartPlan }[],
): Promise<void> {
  if (!charts.length) return;
  const pkg = new Package(zip);
  await pkg.load();
  const bySheet = new Map<string, ChartPlan[]>();
  for (const { sheet, chart } of charts) bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), chart]);
  for (const [sheet, plans] of bySheet) await pkg.addCharts(sheet, plans);
  await pkg.save();
}

class Package {
  private contentTypes = '';
  private sheetPaths = new Map<string, string>();

  constructor(private readonly zip: PartStore) {}

  async load(): Promise<void> {
    this.contentTypes = await this.read('[Content_Types].xml');
    this.sheetPaths = sheetPartPaths(
      await this.read('xl/workbook.xml'),
      await this.read('xl/_rels/workbook.xml.rels'),
    );
  }

  async addCharts(sheet: string, plans: ChartPlan[]): Promise<void> {
    const sheetPath = this.sheetPaths.get(sheet);
    if (!sheetPath) throw new Error(`addNativeCharts: the workbook has no sheet named "${sheet}"`);
    const sheetRelsPath = relsPathOf(sheetPath);
    const sheetRels = (await this.readOptional(sheetRelsPath)) ?? emptyRels();
    let sheetXml = await this.read(sheetPath);

    const existing = /<drawing\b[^>]*r:id="([^"]+)"/.exec(sheetXml);
    let drawingPath: string;
    let drawingXml: string;
    if (existing) {
      drawingPath = resolvePath(dirOf(sheetPath), parseRels(sheetRels).get(existing[1])!);
      drawingXml = await this.read(drawingPath);
    } else {
      drawingPath = this.freeName('xl/drawings/drawing', '.xml');
      drawingXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
      const { xml, id } = addRel(sheetRels, NS.drawingRel, `../drawings/${baseName(drawingPath)}`);
      this.zip.file(sheetRelsPath, xml);
      sheetXml = insertDrawing(sheetXml, id);
      this.zip.file(sheetPath, sheetXml);
      this.addOverride(drawingPath, DRAWING_TYPE);
    }

    const drawingRelsPath = relsPathOf(drawingPath);
    let drawingRels = (await this.readOptional(drawingRelsPath)) ?? emptyRels();
    let anchors = '';
    for (const plan of plans) {
      const chartPath = this.freeName('xl/charts/chart', '.xml');
      this.zip.file(chartPath, chartXml(plan));
      this.addOverride(chartPath, CHART_TYPE);
      const rel = addRel(drawingRels, NS.chartRel, `../charts/${baseName(chartPath)}`);
      drawingRels = rel.xml;
      anchors += anchorXml(plan, rel.id, nextShapeId(drawingXml + anchors));
    }
    this.zip.file(drawingRelsPath, drawingRels);
    if (!drawingXml.includes('xmlns:c='))
      drawingXml = drawingXml.replace(
        '<xdr:wsDr ',
        `<xdr:wsDr xmlns:c="${NS.c}" xmlns:r="${NS.rel}" `,
      );
    this.zip.file(drawingPath, drawingXml.replace('</xdr:wsDr>', `${anchors}</xdr:wsDr>`));
  }

  async save(): Promise<void> {
    this.zip.file('[Content_Types].xml', this.contentTypes);
  }

  private addOverride(path: string, type: string): void {
    const part = `/${path}`;
    if (this.contentTypes.includes(`PartName="${part}"`)) return;
    this.contentTypes = this.contentTypes.replace(
      '</Types>',
      `<Override PartName="${part}" ContentType="${type}"/></Types>`,
    );
  }

  /** The first `prefixN.ext` not yet in the package. */
  private freeName(prefix: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.zip.file(`${prefix}${n}${ext}`)) return `${prefix}${n}${ext}`;
  }

  private async read(path: string): Promise<string> {
    const text = await this.readOptional(path);
    if (text === null) throw new Error(`addNativeCharts: the package has no ${path}`);
    return text;
  }

  private async readOptional(path: string): Promise<string | null> {
    const file = this.zip.file(path);
    return file ? file.async('string') : null;
  }
}

function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
}

function addRel(xml: string, type: string, target: string): { xml: string; id: string } {
  const used = parseRels(xml);
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const out = xml.includes('</Relationships>')
    ? xml.replace('</Relationships>', `${rel}</Relationships>`)
    : xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
  return { xml: out, id };
}

function insertDrawing(sheetXml: string, id: string): string {
  const tag = `<drawing r:id="${id}"/>`;
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*xmlns:r=/.test(xml))
    xml = xml.replace('<worksheet ', `<worksheet xmlns:r="${NS.rel}" `);
  const positions = AFTER_DRAWING.map((name) => xml.search(new RegExp(`<${name}\\b`))).filter(
    (i) => i >= 0,
  );
  const at = positions.length ? Math.min(...positions) : xml.lastIndexOf('</worksheet>');
  return xml.slice(0, at) + tag + xml.slice(at);
}

function relsPathOf(path: string): string {
  return `${dirOf(path)}_rels/${baseName(path)}.rels`;
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function nextShapeId(xml: string): number {
  const ids = [...xml.matchAll(/<xdr:cNvPr\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1]));
  return Math.max(1, ...ids) + 1;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** "C12" → zero-based column and row. */
export function cellIndex(a1: string): { col: number; row: number } {
  const { col, row } = decodeCell(a1);
  return { col, row: row - 1 };
}

function anchorXml(plan: ChartPlan, relId: string, shapeId: number): string {
  const from = cellIndex(plan.from);
  const to = cellIndex(plan.to);
  const marker = (tag: string, p: { col: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker('from', from)}${marker('to', to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="Chart ${shapeId}" descr="${escapeXml(plan.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function strLit(values: string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strLit><c:ptCount val="${values.length}"/>${pts}</c:strLit>`;
}

function numLit(values: number[], format: string): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('');
  return `<c:numLit><c:formatCode>${format}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numLit>`;
}

function text(runs: string, size: number, bold = false): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(runs)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function fontProps(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

function series(
  idx: number,
  name: string,
  categories: string[],
  values: number[],
  body: string,
): string {
  return (
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${escapeXml(name)}</c:v></c:tx>${body}` +
    `<c:cat>${strLit(categories)}</c:cat><c:val>${numLit(values, '0.0%')}</c:val>`
  );
}

export function chartXml(plan: ChartPlan): string {
  const bars =
    series(
      0,
      plan.valueLabel,
      plan.categories,
      plan.values,
      `<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:dLbls><c:numFmt formatCode="0.0%" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${fontProps(800)}` +
        `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`,
    ) + '</c:ser>';
  const line =
    series(
      1,
      plan.referenceLabel,
      plan.categories,
      plan.categories.map(() => plan.reference),
      `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="none"/></c:marker>`,
    ) + '<c:smooth val="0"/></c:ser>';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${text(plan.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${bars}` +
    `<c:gapWidth val="80"/><c:axId val="111"/><c:axId val="222"/></c:barChart>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${line}` +
    `<c:marker val="1"/><c:axId val="111"/><c:axId val="222"/></c:lineChart>` +
    `<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="low"/>${fontProps(900)}<c:crossAx val="222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${fontProps(900)}<c:crossAx val="111"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${fontProps(900)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}
