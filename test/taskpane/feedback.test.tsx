/**
 * The task pane's error display: an InputError from the engine shows each problem's Chinese text
 * in zh-CN and its English message in en-US, with the place it names.
 */
import { problemText } from '../../src/engine/messages/catalogue';
import { readFileSync } from 'fs';
import { join } from 'path';
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { InputError, Problem, problem } from '../../src/engine/errors';
import { validateScenario } from '../../src/engine/validate';
import { enUS, Strings, zhCN } from '../../src/i18n/strings';
import { Feedback } from '../../src/taskpane/components/Feedback';
import { locateColumns } from '../../src/plan/scenarioTables';
import type { TableData } from '../../src/plan/types';

const MANY = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/scenarios/many-problems.json'), 'utf8'),
);

function errorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const ENTITIES: Record<string, string> = { quot: '"', '#x27': "'", gt: '>', lt: '<', amp: '&' };

/** The rendered list items' text. */
function shown(strings: Strings, error: unknown): string[] {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <Feedback strings={strings} state={{ kind: 'error', error }} />
    </FluentProvider>,
  );
  return [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) =>
    m[1].replace(/<[^>]+>/g, '').replace(/&(quot|#x27|gt|lt|amp);/g, (_, e: string) => ENTITIES[e]),
  );
}

describe('Feedback shows an InputError in the user language', () => {
  const error = errorOf(() => validateScenario(MANY));

  it('zh-CN: every problem in Chinese', () => {
    const items = shown(zhCN, error);
    expect(items).toHaveLength(47);
    expect(items).toContain(
      'targets[2].method：分解方法“hare”无法识别，可选：最大余额法、平均分配、洪特法、圣拉古法、亨廷顿-希尔法、亚当斯法',
    );
    expect(items).toContain('basis[1].weight：不能为负数（现为：-1）');
    expect(items).toEqual(error.problems.map((p) => `${p.where}：${problemText(p, 'zh-CN')}`));
  });

  it('en-US: the English messages', () => {
    const items = shown(enUS, error);
    expect(items).toContain(
      'targets[2].method：unknown method "hare" (expected largest-remainder, equal, dhondt, sainte-lague, huntington-hill, adams)',
    );
    expect(items).toEqual(error.problems.map((p) => `${p.where}：${problemText(p, 'en-US')}`));
  });

  it('zh-CN: a workbook reader problem in its Chinese text', () => {
    const problems: Problem[] = [];
    const headers = ['指标编号', '年度', '单位编号', '下限', '上限', '锁定值'];
    const data: TableData = {
      name: 'TD_Basis',
      sheet: '分解依据',
      ref: 'A1:F2',
      headers,
      rows: [['gqq', 2019, 'S01', null, null, null]],
    };
    locateColumns(
      { sheetNames: ['分解依据'], tables: { TD_Basis: data }, sheets: {} },
      'TD_Basis',
      problems,
    );
    expect(shown(zhCN, new InputError(problems))).toEqual(['分解依据 › TD_Basis：缺少列“权重”']);
  });

  it('shows a refusal of the plan executor (missing columns) in either language', () => {
    const error = new InputError([
      problem('table.missingColumns', '分解依据 › TD_Basis', { columns: ['权重'] }),
    ]);
    expect(shown(zhCN, error)).toEqual(['分解依据 › TD_Basis：缺少列“权重”']);
    expect(shown(enUS, error)).toEqual(['分解依据 › TD_Basis：missing column "权重"']);
  });
});
