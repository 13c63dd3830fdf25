/**
 * Headless LibreOffice for tests: convert a workbook to xlsx (optionally recalculating every
 * formula on load) or to pdf, each run with its own private profile so concurrent runs never share
 * one. Rendering to PNG goes through pdf and `pdftoppm`.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, extname, join } from 'path';

/** Makes LibreOffice recalculate xlsx and ods formulas on load instead of trusting cached values. */
const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface ConvertOptions {
  /** Recalculate all formulas when loading (default false: LibreOffice's default for xlsx). */
  recalc?: boolean;
  timeoutMs?: number;
}

/**
 * Converts `input` to `format` ("xlsx", "pdf", "png"…) into `outDir` and returns the output path.
 * Throws with LibreOffice's output when the conversion fails.
 */
export function libreOfficeConvert(
  input: string,
  format: string,
  outDir: string,
  options: ConvertOptions = {},
): string {
  const profile = mkdtempSync(join(tmpdir(), 'td-lo-profile-'));
  try {
    if (options.recalc) {
      mkdirSync(join(profile, 'user'), { recursive: true });
      writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ON_LOAD);
    }
    mkdirSync(outDir, { recursive: true });
    const filter = format === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : format;
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter,
        '--outdir',
        outDir,
        input,
      ],
      {
        stdio: 'pipe',
        timeout: options.timeoutMs ?? 120_000,
      },
    );
    return join(outDir, `${basename(input, extname(input))}.${format}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Renders the first `pages` pages of a pdf to PNG files `${prefix}-N.png` (150 dpi) and returns their paths. */
export function pdfToPngs(pdf: string, prefix: string, pages = 1, dpi = 150): string[] {
  execFileSync(
    'pdftoppm',
    ['-png', '-r', String(dpi), '-f', '1', '-l', String(pages), pdf, prefix],
    { stdio: 'pipe' },
  );
  return Array.from({ length: pages }, (_, i) => `${prefix}-${i + 1}.png`);
}
