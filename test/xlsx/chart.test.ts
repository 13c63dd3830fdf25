import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addNativeCharts, cellIndex } from '../../src/xlsx/chart';
import type { ChartPlan } from '../../src/plan/types';

const chart = (
  title: string,
  categories: string[],
  values: number[],
  from = 'A3',
  to = 'H20',
): ChartPlan => ({
  title,
  from,
  to,
  categories,
  values,
  reference: 0.75,
  referenceLabel: '序时进度',
  valueLabel: '完成率',
});

const streets = chart(
  '各单位新增国高企完成率与序时进度',
  ['武林街道', '天水街道', 'R&D <中心>'],
  [1, 0.6, 0.125],
);

async function book(withImageOn?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const bulletin = wb.addWorksheet('通报 2019Q3');
  bulletin.getCell('A1').value = '关于2019年第三季度国高企培育工作进展情况的通报';
  bulletin.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  const other = wb.addWorksheet('A&B "数据"');
  other.addTable({
    name: 'TD_Units',
    ref: 'A1',
    columns: [{ name: '单位' }],
    rows: [['武林街道']],
  });
  if (withImageOn) {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    );
    const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    wb.getWorksheet(withImageOn)!.addImage(id, 'J1:K2');
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const text = (zip: JSZip, path: string) => zip.file(path)!.async('string');

function xpath(xml: string, expr: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'td-chart-'));
  try {
    const file = join(dir, 'part.xml');
    writeFileSync(file, xml);
    return execFileSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const local = (name: string) => `*[local-name()='${name}']`;

describe('addNativeCharts', () => {
  it('writes a well-formed clustered column chart with the reference as a line series', async () => {
    const zip = await JSZip.loadAsync(
      await addNativeCharts(await book(), [{ sheet: '通报 2019Q3', chart: streets }]),
    );
    const xml = await text(zip, 'xl/charts/chart1.xml');
    expect(xpath(xml, `count(//${local('barChart')}/${local('ser')})`)).toBe('1');
    expect(xpath(xml, `count(//${local('lineChart')}/${local('ser')})`)).toBe('1');
    expect(xpath(xml, `string(//${local('barChart')}/${local('grouping')}/@val)`)).toBe(
      'clustered',
    );
    expect(xpath(xml, `string(//${local('barChart')}/${local('barDir')}/@val)`)).toBe('col');
    const points = (chartType: string, part: string) =>
      xpath(
        xml,
        `//${local(chartType)}/${local('ser')}/${local(part)}//${local('pt')}/${local('v')}/text()`,
      ).split('\n');
    expect(points('barChart', 'cat')).toEqual(['武林街道', '天水街道', 'R&amp;D &lt;中心&gt;']);
    expect(points('barChart', 'val')).toEqual(['1', '0.6', '0.125']);
    expect(points('lineChart', 'cat')).toEqual(['武林街道', '天水街道', 'R&amp;D &lt;中心&gt;']);
    expect(points('lineChart', 'val')).toEqual(['0.75', '0.75', '0.75']);
    expect(
      xpath(xml, `string(//${local('lineChart')}/${local('ser')}/${local('tx')}/${local('v')})`),
    ).toBe('序时进度');
    expect(xpath(xml, `string(//${local('title')}//${local('t')})`)).toBe(
      '各单位新增国高企完成率与序时进度',
    );
    const axes = xpath(xml, `//${local('barChart')}/${local('axId')}/@val`);
    expect(axes).toBe(xpath(xml, `//${local('lineChart')}/${local('axId')}/@val`));
  });

  it('wires chart, drawing, relationships and content types into the package', async () => {
    const zip = await JSZip.loadAsync(
      await addNativeCharts(await book(), [
        { sheet: '通报 2019Q3', chart: streets },
        { sheet: 'A&B "数据"', chart: chart('二', ['甲'], [0.5], 'C3', 'F9') },
        { sheet: '通报 2019Q3', chart: chart('三', ['乙'], [0.25], 'A22', 'H40') },
      ]),
    );
    const types = await text(zip, '[Content_Types].xml');
    for (const part of [
      '/xl/charts/chart1.xml',
      '/xl/charts/chart2.xml',
      '/xl/charts/chart3.xml',
    ]) {
      expect(types).toContain(
        `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
    }
    for (const part of ['/xl/drawings/drawing1.xml', '/xl/drawings/drawing2.xml']) {
      expect(types).toContain(
        `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
      );
    }
    const sheet1 = await text(zip, 'xl/worksheets/sheet1.xml');
    const sheet2 = await text(zip, 'xl/worksheets/sheet2.xml');
    const drawingId = /<drawing r:id="(rId\d+)"\/>/.exec(sheet1)![1];
    const rels1 = await text(zip, 'xl/worksheets/_rels/sheet1.xml.rels');
    expect(rels1).toContain(
      `Id="${drawingId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    // CT_Worksheet order: <drawing> before <tableParts>.
    expect(sheet2.indexOf('<drawing ')).toBeGreaterThan(0);
    expect(sheet2.indexOf('<drawing ')).toBeLessThan(sheet2.indexOf('<tableParts'));
    const drawing1 = await text(zip, 'xl/drawings/drawing1.xml');
    expect(xpath(drawing1, `count(//${local('twoCellAnchor')})`)).toBe('2');
    expect(xpath(drawing1, `//${local('from')}/${local('row')}/text()`).split('\n')).toEqual([
      '2',
      '21',
    ]);
    expect(xpath(drawing1, `//${local('to')}/${local('col')}/text()`).split('\n')).toEqual([
      '7',
      '7',
    ]);
    const drawingRels = await text(zip, 'xl/drawings/_rels/drawing1.xml.rels');
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    // Charts are numbered sheet by sheet, in the order the sheets first appear in the list.
    expect(drawingRels).toContain('Target="../charts/chart2.xml"');
    expect(await text(zip, 'xl/drawings/_rels/drawing2.xml.rels')).toContain(
      'Target="../charts/chart3.xml"',
    );
    expect(
      xpath(await text(zip, 'xl/charts/chart2.xml'), `string(//${local('title')}//${local('t')})`),
    ).toBe('三');
    for (const path of Object.keys(zip.files).filter(
      (p) => p.endsWith('.xml') || p.endsWith('.rels'),
    )) {
      const xml = await text(zip, path);
      expect([path, xpath(xml, 'count(/*)')]).toEqual([path, '1']);
    }
  });

  it('adds the chart to a drawing the sheet already has, keeping its picture', async () => {
    const zip = await JSZip.loadAsync(
      await addNativeCharts(await book('通报 2019Q3'), [{ sheet: '通报 2019Q3', chart: streets }]),
    );
    const sheet1 = await text(zip, 'xl/worksheets/sheet1.xml');
    expect(sheet1.match(/<drawing /g)).toHaveLength(1);
    const drawing = await text(zip, 'xl/drawings/drawing1.xml');
    expect(xpath(drawing, `count(//${local('pic')})`)).toBe('1');
    expect(xpath(drawing, `count(//${local('graphicFrame')})`)).toBe('1');
    const ids = xpath(drawing, `//${local('cNvPr')}/@id`).split('\n');
    expect(new Set(ids).size).toBe(ids.length);
    const rels = await text(zip, 'xl/drawings/_rels/drawing1.xml.rels');
    expect(rels).toContain('relationships/image');
    expect(rels).toContain('Target="../charts/chart1.xml"');
  });

  it('gives back a package ExcelJS still reads, and leaves it unchanged without charts', async () => {
    const input = await book();
    expect(await addNativeCharts(input, [])).toBe(input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await addNativeCharts(input, [
        { sheet: '通报 2019Q3', chart: streets },
      ])) as unknown as ExcelJS.Buffer,
    );
    expect(wb.getWorksheet('通报 2019Q3')!.getCell('A1').value).toBe(
      '关于2019年第三季度国高企培育工作进展情况的通报',
    );
  });

  it('names a sheet the book does not have', async () => {
    await expect(
      addNativeCharts(await book(), [{ sheet: '通报 2019Q4', chart: streets }]),
    ).rejects.toThrow('通报 2019Q4');
  });

  it('reads A1 anchors as zero-based column and row', () => {
    expect(cellIndex('A1')).toEqual({ col: 0, row: 0 });
    expect(cellIndex('M40')).toEqual({ col: 12, row: 39 });
    expect(cellIndex('AA3')).toEqual({ col: 26, row: 2 });
  });
});
