/** A workbook's problems keep their Chinese text, with JSON paths in it turned into cells too. */
import { problemText } from '../../src/engine/messages/catalogue';
import { readFileSync } from 'fs';
import { join } from 'path';
import { InputError } from '../../src/engine/errors';
import type { Scenario } from '../../src/engine/types';
import { snapshotToScenario } from '../../src/plan/scenarioTables';
import { readSnapshot } from '../../src/xlsx';
import { initBook, reload } from './books';

const HAND: Scenario = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/plan/hand-made-scenario.json'), 'utf8'),
);

it('relocates the Chinese text of validator problems to sheet, table, row and column', async () => {
  const snap = readSnapshot(await reload(initBook(HAND)));
  const targets = snap.tables.TD_Targets;
  targets.rows[2][targets.headers.indexOf('分解方法')] = 'hare';
  const units = snap.tables.TD_Units;
  units.rows[1][units.headers.indexOf('单位编号')] =
    units.rows[0][units.headers.indexOf('单位编号')];
  let error: unknown;
  try {
    snapshotToScenario(snap);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  const zh = (error as InputError).problems.map((p) => `${p.where}：${problemText(p, 'zh-CN')}`);
  const id = String(units.rows[0][units.headers.indexOf('单位编号')]);
  expect(zh).toContain(
    `单位 › TD_Units › 第3行 › 单位编号：单位编号“${id}”重复（另见 单位 › TD_Units › 第2行 › 单位编号）`,
  );
  expect(zh).toContain(
    '目标 › TD_Targets › 第4行 › 分解方法：分解方法“hare”无法识别，可选：最大余额法、平均分配、洪特法、圣拉古法、亨廷顿-希尔法、亚当斯法',
  );
});
