/**
 * 导出公文 in Chromium on the simulated Excel host: the pane builds the .docx in the browser (the
 * `docx` package and the writer in a lazy chunk) and hands it over as a download. The downloaded
 * file passes the OOXML schemas and is the same document the CLI writes from the same content.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import JSZip from 'jszip';
import { tmpdir } from 'os';
import path from 'path';
import { launchChromium } from './launchChromium';
import { serveStatic } from './serveStatic';
import { ooxmlProblems } from '../support/ooxmlCheck';

const root = path.join(__dirname, '..', '..');
const build = path.join(root, 'dist', 'test-harness');
const dir = mkdtempSync(path.join(tmpdir(), 'td-browser-docx-'));

let server: Awaited<ReturnType<typeof serveStatic>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  if (!existsSync(path.join(build, 'test-harness.html'))) {
    throw new Error('dist/test-harness is missing: run `npm run build:test-harness`');
  }
  server = await serveStatic(build);
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('导出公文 downloads the period’s bulletin as a schema-valid .docx', async () => {
  const page = await chromium.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${server.url}/test-harness.html?lang=zh-CN`);
    await page.getByTestId('create-sample').click();
    await page.getByTestId('result').waitFor();
    await page.getByRole('tab', { name: '5 通报' }).click();
    await page.getByTestId('period-quarter').selectOption('3');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bulletin-docx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('通报 2019Q3.docx');
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByTestId('result').waitFor();
    expect(await page.getByTestId('result').innerText()).toBe(
      '已生成公文“通报 2019Q3.docx”（GB/T 9704 格式）。如未自动下载，请点击：',
    );
    // The link stays for a host that ignores the scripted click.
    expect(await page.getByTestId('bulletin-docx-link').getAttribute('download')).toBe(
      '通报 2019Q3.docx',
    );
    expect(ooxmlProblems(file)).toEqual([]);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const doc = await zip.file('word/document.xml')!.async('string');
    // The title on two lines, turned between its words.
    expect(doc).toMatch(/>关于2019年第三季度<\/w:t>.*>国高企培育工作进展情况的通报<\/w:t>/);
    expect(doc).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(zip.file('word/charts/chart1.xml')).not.toBeNull();
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
