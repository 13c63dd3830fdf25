import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import { runCli } from '../support/cli';
import { libreOfficeConvert } from '../support/libreoffice';
import { ooxmlProblems } from '../support/ooxmlCheck';

/**
 * The project's schema check agrees with the team's tool (../shared/tools/ooxml-check) problem for
 * problem, on valid packages from several writers and on packages broken on purpose.
 */
const TOOL = path.resolve(__dirname, '../../../shared/tools/ooxml-check');
let dir: string;
const files: Record<string, string> = {};

function toolProblems(file: string): string[] {
  const r = spawnSync(TOOL, [file], { encoding: 'utf8' });
  const lines = r.stdout.split('\n').filter(Boolean);
  expect(lines.pop()).toMatch(/^ooxml-check: 1 file\(s\), \d+ part\(s\) checked/);
  return lines;
}

async function edit(
  from: string,
  to: string,
  part: string,
  change: (xml: string) => string,
): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(files[from]));
  const xml = await zip.file(part)!.async('string');
  const changed = change(xml);
  expect(changed).not.toBe(xml);
  zip.file(part, changed);
  files[to] = path.join(dir, `${to}.${path.extname(files[from]).slice(1)}`);
  fs.writeFileSync(
    files[to],
    await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
  );
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-ooxml-'));
  files.demo = path.join(dir, 'demo.xlsx');
  expect(runCli(['init', '--sample', '--out', files.demo]).code).toBe(0);
  expect(runCli(['run', files.demo, '--period', '2019Q3']).code).toBe(0);
  expect(
    runCli(['templates', files.demo, '--period', '2019Q3', '--out-dir', path.join(dir, 't')]).code,
  ).toBe(0);
  files.template = path.join(dir, 't', fs.readdirSync(path.join(dir, 't'))[0]);

  files.openpyxl = path.join(dir, 'openpyxl.xlsx');
  execFileSync('/usr/bin/python3', [
    '-c',
    `import openpyxl, sys
from openpyxl.worksheet.table import Table
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.datavalidation import DataValidation
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "数据"
for r in (["单位", "数值"], ["武林", 3], ["天水", 5]): ws.append(r)
ws.add_table(Table(displayName="T1", ref="A1:B3"))
dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", errorStyle="stop"); ws.add_data_validation(dv); dv.add("B2:B3")
c = BarChart(); c.add_data(Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True); ws.add_chart(c, "D2")
wb.save(sys.argv[1])`,
    files.openpyxl,
  ]);

  files.sheetjs = path.join(dir, 'sheetjs.xlsx');
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['单位', '数值'],
      ['武林', 3],
    ]),
    'S',
  );
  XLSX.writeFile(wb, files.sheetjs);

  fs.writeFileSync(path.join(dir, 'note.txt'), '通报\n第二段 with   spaces\n');
  files.docx = libreOfficeConvert(path.join(dir, 'note.txt'), 'docx', path.join(dir, 'lo'));
  files.calc = libreOfficeConvert(files.sheetjs, 'xlsx', path.join(dir, 'lo'));

  // Broken on purpose: an enumeration value outside the schema, elements out of order, a missing
  // required attribute, an unknown element outside any ignorable namespace, the same in a docx.
  await edit('openpyxl', 'errorStyle', 'xl/worksheets/sheet1.xml', (x) =>
    x.replace('errorStyle="stop"', 'errorStyle="error"'),
  );
  await edit('demo', 'order', 'xl/worksheets/sheet1.xml', (x) => {
    const dimension = /<dimension [^>]*\/>/.exec(x)![0];
    return x.replace(dimension, '').replace('</sheetData>', `</sheetData>${dimension}`);
  });
  await edit('template', 'required', 'xl/tables/table1.xml', (x) => x.replace(/ ref="[^"]*"/, ''));
  await edit('sheetjs', 'unknown', 'xl/workbook.xml', (x) =>
    x.replace('</workbook>', '<extra/></workbook>'),
  );
  await edit('docx', 'docxOrder', 'word/document.xml', (x) => {
    const pPr = /<w:pPr>.*?<\/w:pPr>/s.exec(x)![0];
    return x.replace(pPr, '').replace('</w:p>', `${pPr}</w:p>`);
  });
  // Valid only once markup compatibility is applied: an ignorable namespace's attribute and
  // element, an AlternateContent whose Choice breaks the schema but whose Fallback is fine, xml:space.
  await edit('openpyxl', 'compat', 'xl/workbook.xml', (x) =>
    x
      .replace(
        /<workbook ([^>]*)>/,
        '<workbook $1 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x15="urn:x15" mc:Ignorable="x15" x15:flag="1"><x15:note/>',
      )
      .replace(
        /<workbookPr\/>/,
        '<mc:AlternateContent><mc:Choice Requires="x15"><x15:bad/></mc:Choice><mc:Fallback><fileSharing userName="甲" xml:space="preserve"/></mc:Fallback></mc:AlternateContent>\n<workbookPr/>',
      ),
  );
  await edit('demo', 'compatWrong', 'xl/workbook.xml', (x) =>
    x.replace(
      /<bookViews>/,
      '\n<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">\n<mc:Choice Requires="x"><fileSharing/></mc:Choice>\n<mc:Fallback>\n<sheets/>\n</mc:Fallback></mc:AlternateContent>\n<bookViews>',
    ),
  );
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ooxmlProblems', () => {
  const valid = ['demo', 'template', 'openpyxl', 'sheetjs', 'docx', 'calc', 'compat'];
  const broken: [string, RegExp][] = [
    ['errorStyle', /attribute 'errorStyle': \[facet 'enumeration'\] The value 'error'/],
    ['order', /dimension': This element is not expected/],
    ['required', /The attribute 'ref' is required but missing/],
    ['unknown', /extra': This element is not expected/],
    ['docxOrder', /pPr': This element is not expected/],
    ['compatWrong', /workbook.xml:2: element sheets: .*Missing child element/],
  ];

  it.each(valid)('finds no problem in the %s package, as ooxml-check does', (name) => {
    expect(ooxmlProblems(files[name])).toEqual([]);
    expect(toolProblems(files[name])).toEqual([]);
  });

  it.each(broken)('reports the %s package as ooxml-check does', (name, problem) => {
    const ours = ooxmlProblems(files[name]);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.join('\n')).toMatch(problem);
    expect(ours.every((p) => p.startsWith(`${files[name]} › `))).toBe(true);
    expect([...ours].sort()).toEqual([...toolProblems(files[name])].sort());
  });

  it('names a file that is not a zip package', () => {
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, 'not a zip at all');
    expect(ooxmlProblems(junk)).toEqual([expect.stringMatching(/junk\.xlsx: not a zip package/)]);
  });
});
