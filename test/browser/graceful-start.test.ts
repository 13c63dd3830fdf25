/**
 * The graceful start of SPEC §13: taskpane.html's check is ES5 (parsed by acorn as ECMAScript 5, as
 * Internet Explorer 11 would have to), and in Chromium it shows the notice instead of the pane for a
 * Trident user agent or a missing fetch, and, outside Office, says the pane belongs in Excel — both
 * pointing at the 网页版, which is really there next to the add-in. Built dist/ served whole, as an
 * office would (dist/addin and dist/web side by side).
 */
import { existsSync, mkdirSync, readFileSync } from 'fs';
import path from 'path';
import { parse } from 'acorn';
import type { Page } from 'playwright-core';
import { launchChromium } from './launchChromium';
import { serveStatic } from './serveStatic';

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist');
const shots = path.resolve(
  root,
  process.env.SCREENSHOTS ?? path.join('test-output', 'screenshots'),
);
const IE11 =
  'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';

const preflight = (html: string) => {
  const m = /<script id="?td-preflight"?>([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no td-preflight script');
  return m[1];
};

let server: Awaited<ReturnType<typeof serveStatic>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  for (const f of ['addin/taskpane.html', 'web/index.html'])
    if (!existsSync(path.join(dist, f))) throw new Error(`dist/${f} is missing: run npm run build`);
  mkdirSync(shots, { recursive: true });
  server = await serveStatic(dist);
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

describe('the ES5 check', () => {
  test.each([
    ['the source', path.join(root, 'src', 'taskpane', 'taskpane.html')],
    ['the build', path.join(dist, 'addin', 'taskpane.html')],
    ['the 网页版', path.join(root, 'src', 'web', 'web.html')],
    ['the 网页版 build', path.join(dist, 'web', 'index.html')],
  ])('in %s parses as ECMAScript 5', (_, file) => {
    const code = preflight(readFileSync(file, 'utf8'));
    expect(code).toContain('Trident');
    expect(() => parse(code, { ecmaVersion: 5 })).not.toThrow();
  });

  test('acorn at ECMAScript 5 refuses what IE11 cannot run', () => {
    expect(() => parse('var f = () => 1;', { ecmaVersion: 5 })).toThrow();
    expect(() => parse('let a = `x`;', { ecmaVersion: 5 })).toThrow();
  });

  test('the build runs it before the bundle', () => {
    const html = readFileSync(path.join(dist, 'addin', 'taskpane.html'), 'utf8');
    const bundle = /<script[^>]*src="?taskpane\.js"?[^>]*>/.exec(html);
    expect(bundle).not.toBeNull();
    // the bundle is deferred (runs after the document is parsed) or comes after the check
    expect(
      /\bdefer\b/.test(bundle![0]) || html.indexOf(bundle![0]) > html.indexOf('td-preflight'),
    ).toBe(true);
  });
});

async function pane(setup: (page: Page) => Promise<void>, shotName: string) {
  const page = await chromium.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await setup(page);
    await page.goto(`${server.url}/addin/taskpane.html`);
    const notice = page.getByTestId('td-notice');
    await notice.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, `${shotName}.png`) });
    return {
      page,
      kind: await notice.getAttribute('data-kind'),
      text: await notice.innerText(),
      links: await notice
        .locator('a')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)),
      tabs: await page.getByRole('tab').count(),
      errors,
    };
  } catch (e) {
    await page.close();
    throw e;
  }
}

describe('the pane in Chromium', () => {
  test('with an IE11 (Trident) user agent: why, and the 网页版 and the CLI instead', async () => {
    const r = await pane(async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setUserAgentOverride', { userAgent: IE11 });
    }, 'graceful-start-trident');
    try {
      expect(r.kind).toBe('old');
      expect(r.text).toContain('此版本的 Excel 无法运行目标分解考核助手');
      expect(r.text).toContain('This Excel cannot run Target Desk');
      expect(r.text).toContain('target-desk');
      expect(r.links).toEqual([`${server.url}/web/index.html`, `${server.url}/web/index.html`]);
      expect(r.text).toContain(`${server.url}/web/index.html`);
      // the pane itself never started
      expect(r.tabs).toBe(0);
      expect(r.errors).toEqual([]);
      // and the address leads to the 网页版 (in a current browser: the user's Chrome or Edge)
      const web = await chromium.context.newPage();
      try {
        await web.goto(r.links[0]);
        await web.getByTestId('open').waitFor();
      } finally {
        await web.close();
      }
    } finally {
      await r.page.close();
    }
  });

  test('with fetch missing: the same notice', async () => {
    const r = await pane(async (page) => {
      await page.addInitScript(() => delete (window as { fetch?: unknown }).fetch);
    }, 'graceful-start-no-fetch');
    await r.page.close();
    expect(r.kind).toBe('old');
    expect(r.tabs).toBe(0);
  });

  test('the 网页版 in IE11 says which browsers run it instead of loading forever', async () => {
    const page = await chromium.context.newPage();
    try {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setUserAgentOverride', { userAgent: IE11 });
      await page.goto(`${server.url}/web/index.html`);
      const notice = page.getByTestId('td-notice');
      await notice.waitFor();
      expect(await notice.getAttribute('data-kind')).toBe('old-browser');
      expect(await notice.innerText()).toContain('此浏览器无法运行目标分解考核助手网页版');
      expect(await page.getByTestId('open').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('outside Office: open it from Excel, or use the 网页版', async () => {
    const r = await pane(async () => undefined, 'graceful-start-outside-office');
    await r.page.close();
    expect(r.kind).toBe('outside');
    expect(r.text).toContain('请在 Excel 中打开目标分解考核助手');
    expect(r.text).toContain('Open Target Desk from Excel');
    expect(r.links[0]).toBe(`${server.url}/web/index.html`);
    expect(r.tabs).toBe(0);
    expect(r.errors).toEqual([]);
  });
});
