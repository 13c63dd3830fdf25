import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

const root = path.join(__dirname, '..', '..');
const schema = path.join(root, 'test', 'schemas', 'OfficeAppManifestV1_1.xsd');
const manifestPath = path.join(root, 'manifest.xml');
const manifest = readFileSync(manifestPath, 'utf8');

function validate(file: string) {
  return spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
}

function brokenCopy(from: string, to: string): string {
  expect(manifest).toContain(from);
  const dir = mkdtempSync(path.join(tmpdir(), 'td-manifest-'));
  const file = path.join(dir, 'manifest.xml');
  writeFileSync(file, manifest.replace(from, to));
  return file;
}

describe('manifest.xml', () => {
  test('validates against the official Office add-in manifest schemas', () => {
    const r = validate(manifestPath);
    expect(r.stderr).toContain('manifest.xml validates');
    expect(r.status).toBe(0);
  });

  test('the schema check rejects a malformed Id and an unknown permission, naming the element', () => {
    const badId = validate(
      brokenCopy('<Id>6c1f7d2e-4b8a-4e3b-9a57-0d2f5e8c1a41</Id>', '<Id>not-a-guid</Id>'),
    );
    expect(badId.status).not.toBe(0);
    expect(badId.stderr).toMatch(/Element '\{[^}]+\}Id'.*not-a-guid/);

    const badPermission = validate(
      brokenCopy(
        '<Permissions>ReadWriteDocument</Permissions>',
        '<Permissions>Everything</Permissions>',
      ),
    );
    expect(badPermission.status).not.toBe(0);
    expect(badPermission.stderr).toContain('Permissions');
  });

  test('is a Chinese-first Excel task pane add-in needing ExcelApi 1.7, served from localhost:3000', () => {
    expect(manifest).toContain('xsi:type="TaskPaneApp"');
    expect(manifest).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(manifest).toMatch(
      /<DisplayName DefaultValue="目标分解考核助手">\s*<Override Locale="en-US" Value="Target Desk"\/>/,
    );
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain(
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
    );
  });

  test('the ribbon tab 目标考核 has one button per step, each opening the same pane at its step', () => {
    expect(manifest).toMatch(
      /<bt:String id="Tab.Label" DefaultValue="目标考核">\s*<bt:Override Locale="en-US" Value="Target Desk"\/>/,
    );
    const steps: Record<string, string> = {
      plan: '计划',
      allocate: '分解',
      returns: '报表',
      assess: '考核',
      bulletin: '通报',
    };
    for (const [step, label] of Object.entries(steps)) {
      const id = step[0].toUpperCase() + step.slice(1);
      expect(manifest).toContain(
        `<bt:Url id="${id}.Url" DefaultValue="https://localhost:3000/taskpane.html?step=${step}"/>`,
      );
      expect(manifest).toContain(`<bt:String id="${id}.Label" DefaultValue="${label}">`);
      expect(manifest).toContain(`<SourceLocation resid="${id}.Url"/>`);
    }
    expect(manifest.match(/<TaskpaneId>TargetDesk.Pane<\/TaskpaneId>/g)).toHaveLength(5);
  });

  test('every image it names exists in assets/ at the size it claims', () => {
    const images = [
      ...manifest.matchAll(
        /<bt:Image id="[^"]+" DefaultValue="https:\/\/localhost:3000\/assets\/([^"]+)"\/>/g,
      ),
    ];
    expect(images.length).toBeGreaterThanOrEqual(18);
    for (const [, file] of images) {
      const size = Number(/-(\d+)\.png$/.exec(file)![1]);
      const png = readFileSync(path.join(root, 'assets', file));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const icon of ['icon-32.png', 'icon-64.png'])
      expect(existsSync(path.join(root, 'assets', icon))).toBe(true);
  });

  test('every resid used is defined, and the ExecuteFunction names a function the commands file registers', () => {
    const defined = new Set(
      [...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]),
    );
    const used = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);

    const commands = readFileSync(path.join(root, 'src', 'commands', 'commands.ts'), 'utf8');
    for (const [, name] of manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)) {
      expect(commands).toContain(`Office.actions.associate('${name}'`);
    }
  });
});
