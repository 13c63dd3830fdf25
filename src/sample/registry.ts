/**
 * The sample enterprise registry (企业库) of the Xiacheng plan: fictional enterprises generated
 * from a fixed seed, spread over the streets and platforms in proportion to their enterprise stock,
 * with names in the styles real recognition lists use (full-width brackets, branches, Latin
 * letters, stray spaces) and valid GB 32100 credit codes for most of them — so that list matching
 * can be shown end to end. Every name and code is invented.
 */
import { normalizeName } from '../engine/matching';
import type { RegistryRow } from '../engine/types';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, orgCodeCheckChar } from './creditCode';
import { seededRandom, SeededRandom } from './seededRandom';

/** The number of enterprises in the sample registry. */
export const SAMPLE_REGISTRY_SIZE = 240;

/** The seed: the date the plan's explanation was published (2018-12-19). */
const SEED = 20181219;

/** Registry units and their relative enterprise stock. Departments hold no enterprises. */
const UNIT_STOCK: ReadonlyArray<readonly [string, number]> = [
  ['wulin', 16],
  ['tianshui', 9],
  ['zhaohui', 13],
  ['chaoming', 8],
  ['changqing', 6],
  ['dongxin', 15],
  ['shiqiao', 10],
  ['wenhui', 12],
  ['kuamao', 8],
  ['dianjing', 5],
  ['yingshi', 5],
];

/** Trade-name (字号) syllables; two-character combinations of them are the usual trade name. */
const NAME_FIRST = [
  '澜',
  '溪',
  '禾',
  '芯',
  '岚',
  '曜',
  '骁',
  '沐',
  '舜',
  '铂',
  '锐',
  '澈',
  '栖',
  '翎',
  '砚',
  '璟',
  '峻',
  '萤',
  '昕',
  '桐',
];
const NAME_SECOND = [
  '川',
  '启',
  '衡',
  '朗',
  '湃',
  '拓',
  '研',
  '弈',
  '舟',
  '岫',
  '晴',
  '原',
  '穗',
  '辰',
  '策',
  '途',
  '霁',
  '屿',
  '帆',
  '芮',
];

const INDUSTRIES = [
  '网络科技',
  '信息技术',
  '软件',
  '智能科技',
  '数据科技',
  '电子科技',
  '生物科技',
  '医药科技',
  '检测技术',
  '环境科技',
  '新材料科技',
  '节能科技',
  '物联网科技',
  '数字技术',
  '健康科技',
  '教育科技',
];
/** Platforms attract their own trades (cross-border e-commerce, e-sports, internet film). */
const PLATFORM_INDUSTRIES: Record<string, readonly string[]> = {
  kuamao: ['电子商务', '供应链管理', '跨境电子商务', '网络科技'],
  dianjing: ['网络科技', '互动娱乐', '数字文化', '电竞科技'],
  yingshi: ['影视科技', '文化传媒', '数字影像', '网络科技'],
};
const LATIN_WORDS = [
  'Nova',
  'Lumen',
  'Orbit',
  'Pixel',
  'Vertex',
  'Quanta',
  'Cedar',
  'Tidal',
  'Amber',
  'Helix',
];
const OTHER_CITIES = ['上海', '北京', '深圳', '南京', '苏州'];
const LATIN_CAPITALS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** 登记管理机关行政区划码: mostly 下城区 itself, some city- and province-level registrations. */
const REGISTRATION_AREAS: readonly string[] = [
  '330103',
  '330103',
  '330103',
  '330103',
  '330103',
  '330100',
  '330100',
  '330000',
];

function pickUnit(rnd: SeededRandom): string {
  const total = UNIT_STOCK.reduce((s, [, w]) => s + w, 0);
  let x = rnd.int(total);
  for (const [unit, w] of UNIT_STOCK) {
    if (x < w) return unit;
    x -= w;
  }
  return UNIT_STOCK[UNIT_STOCK.length - 1][0];
}

function latinLetters(rnd: SeededRandom, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rnd.pick([...LATIN_CAPITALS]);
  return s;
}

function enterpriseName(rnd: SeededRandom, unit: string): string {
  const brand = rnd.pick(NAME_FIRST) + rnd.pick(NAME_SECOND);
  const trade = rnd.pick(PLATFORM_INDUSTRIES[unit] ?? INDUSTRIES);
  const style = rnd.int(100);
  if (style < 50) return `杭州${brand}${trade}有限公司`;
  if (style < 58) return `浙江${brand}${trade}股份有限公司`;
  if (style < 66) return `${brand}（杭州）${trade}有限公司`;
  if (style < 71) return `杭州${brand}${trade}（集团）有限公司`;
  if (style < 76) return `${rnd.pick(OTHER_CITIES)}${brand}${trade}有限公司杭州分公司`;
  if (style < 79) return `杭州${brand}${trade}有限公司下城分公司`;
  if (style < 90) return `杭州${latinLetters(rnd, 2 + rnd.int(3))}${trade}有限公司`;
  if (style < 95) return `杭州${rnd.pick(LATIN_WORDS)} ${rnd.pick(LATIN_WORDS)}${trade}有限公司`;
  return `杭州${brand} ${trade}有限公司`;
}

/** Characters 9–17: an old numeric organization code or a post-2015 `MA2…` one, with its check. */
function orgCode(rnd: SeededRandom): string {
  let body: string;
  if (rnd.int(2) === 0) {
    body = String(rnd.pick([3, 5, 6, 7]));
    for (let i = 0; i < 7; i++) body += String(rnd.int(10));
  } else {
    body = 'MA2' + rnd.pick(['7', '8', 'A', 'B', 'C', 'G', 'H']);
    for (let i = 0; i < 4; i++) body += rnd.pick([...CREDIT_CODE_ALPHABET]);
  }
  return body + orgCodeCheckChar(body);
}

function creditCode(rnd: SeededRandom): string {
  const body = '91' + rnd.pick(REGISTRATION_AREAS) + orgCode(rnd);
  return body + creditCodeCheckChar(body);
}

/** The fictional enterprise registry of the Xiacheng sample; the same rows on every call. */
export function sampleRegistry(): RegistryRow[] {
  const rnd = seededRandom(SEED);
  const rows: RegistryRow[] = [];
  const names = new Set<string>();
  const codes = new Set<string>();
  while (rows.length < SAMPLE_REGISTRY_SIZE) {
    const unit = pickUnit(rnd);
    const name = enterpriseName(rnd, unit);
    // Names unique as list matching compares them, so that every name match is unambiguous.
    const key = normalizeName(name);
    if (names.has(key)) continue;
    names.add(key);
    // About one in twelve has no credit code on file yet, as in a real cultivation pool.
    if (rnd.int(12) === 0) {
      rows.push({ name, unit });
      continue;
    }
    let code = creditCode(rnd);
    while (codes.has(code)) code = creditCode(rnd);
    codes.add(code);
    rows.push({ name, creditCode: code, unit });
  }
  return rows;
}
