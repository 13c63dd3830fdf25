/**
 * The bundled sample scenario (`init --sample`, the demo, the task pane's "load sample"): Hangzhou
 * Xiacheng district's 2018–2020 action plan for national high-tech enterprises (国高企), with
 * quarterly returns through 2019Q3.
 *
 * Published in the plan (SPEC §1, the plan's official explanation) and reproduced exactly: 国高企 80 at the
 * end of 2017 → 108 / 136 / 160 in 2018 / 2019 / 2020, striving for 170; high-tech industry share
 * 74% (2017) → 83.9% (2020); ≥ 70 new provincial tech SMEs and municipal high-tech enterprises a
 * year; ≥ 30 Hangzhou tech start-up applications a year; the streets, departments and platforms
 * the plan names as responsible units. Everything else — the share's path for 2018 and 2019, the
 * two indicators invented so that departments and platforms have tasks of their own, weights,
 * locked quotas, rules and every actual — is illustrative, and the workbook says so (SAMPLE_NOTE).
 */
import type { Actual, Basis, Indicator, Scenario, Target, Unit } from '../engine/types';
import { sampleRegistry } from './registry';

/** The notice for the workbook, the bulletin and the task pane to show with the sample. */
export const SAMPLE_NOTE = '示例数据（除行动计划公布的目标外均为虚构）';

const UNITS: Unit[] = [
  { id: 'wulin', name: '武林街道', type: 'street' },
  { id: 'tianshui', name: '天水街道', type: 'street' },
  { id: 'zhaohui', name: '朝晖街道', type: 'street' },
  { id: 'chaoming', name: '潮鸣街道', type: 'street' },
  { id: 'changqing', name: '长庆街道', type: 'street' },
  { id: 'dongxin', name: '东新街道', type: 'street' },
  { id: 'shiqiao', name: '石桥街道', type: 'street' },
  { id: 'wenhui', name: '文晖街道', type: 'street' },
  { id: 'keji', name: '区科技局', type: 'department' },
  { id: 'jinglv', name: '区经旅局', type: 'department' },
  { id: 'shangwu', name: '区商务局', type: 'department' },
  { id: 'shichang', name: '区市场监管局', type: 'department' },
  { id: 'wenchuang', name: '区委宣传部（文创办）', type: 'department' },
  { id: 'kuamao', name: '区跨贸小镇管委会', type: 'platform' },
  { id: 'dianjing', name: '区电竞小镇管委会', type: 'platform' },
  { id: 'yingshi', name: '中国互联网影视产业园', type: 'platform' },
];

/** The engine's default time profile, written out so that the sample is its own validated form. */
const EVEN: [number, number, number, number] = [0.25, 0.5, 0.75, 1];

const INDICATORS: Required<Indicator>[] = [
  {
    id: 'gqq_total',
    name: '国高企数量',
    measure: '家',
    kind: 'level',
    assessed: 'district',
    profile: EVEN,
  },
  // Recognitions are published in batches from late Q3, most in Q4.
  {
    id: 'gqq_new',
    name: '新增国高企',
    measure: '家',
    kind: 'flow',
    assessed: 'all',
    profile: [0, 0, 0.2, 1],
  },
  {
    id: 'hitech_share',
    name: '高新技术产业增加值占规上工业增加值比重',
    measure: '%',
    kind: 'level',
    assessed: 'district',
    profile: EVEN,
  },
  {
    id: 'sme_new',
    name: '新增省科技型中小企业和市级高新技术企业',
    measure: '家',
    kind: 'flow',
    assessed: 'all',
    profile: [0.2, 0.45, 0.7, 1],
  },
  // The city's application window closes in the third quarter.
  {
    id: 'startup_apply',
    name: '杭州市科技型初创企业培育申报',
    measure: '家',
    kind: 'flow',
    assessed: 'street',
    profile: [0.1, 0.6, 0.9, 1],
  },
  // Illustrative: the departments' own task, from the plan's 培育库 work (task 一.1).
  {
    id: 'pool_new',
    name: '国高企培育库新增入库企业',
    measure: '家',
    kind: 'flow',
    assessed: 'department',
    profile: EVEN,
  },
  // Illustrative: the platforms' own task, from the plan's platform work (task 三).
  {
    id: 'platform_intro',
    name: '平台引进高新技术支撑型企业',
    measure: '家',
    kind: 'flow',
    assessed: 'platform',
    profile: EVEN,
  },
];

const YEARS = [2018, 2019, 2020] as const;

/**
 * Published district targets of the level indicators; the share's 2018/2019 path (an even climb
 * from 74) is illustrative. Level targets are not allocated, so they carry no method or precision.
 */
const LEVEL_TARGETS: Target[] = [
  { indicator: 'gqq_total', year: 2018, total: 108 },
  { indicator: 'gqq_total', year: 2019, total: 136 },
  { indicator: 'gqq_total', year: 2020, total: 160, stretch: 170 },
  { indicator: 'hitech_share', year: 2018, total: 77.3 },
  { indicator: 'hitech_share', year: 2019, total: 80.6 },
  { indicator: 'hitech_share', year: 2020, total: 83.9 },
];

/** Basis of one unit for 2018, 2019, 2020: a weight each year, optionally a min or a locked quota. */
interface BasisLine {
  weights: readonly [number, number, number];
  min?: number;
  locked?: number;
}

interface FlowPlan {
  indicator: string;
  method: NonNullable<Target['method']>;
  totals: readonly [number, number, number];
  stretch?: readonly [number | undefined, number | undefined, number | undefined];
  /** Units in the order of UNITS (the order breaks allocation ties). */
  basis: Record<string, BasisLine>;
}

/**
 * Decomposed indicators. Weights are the units' enterprise stock (国高企 and cultivation-pool
 * enterprises; tech SMEs; incubator places; pool referrals) — illustrative. Each new enterprise is
 * credited to one unit (its platform, else the department that found and referred it, else its
 * street), so unit quotas add up to the district target. Streets get at least one 国高企 and one
 * tech SME; the departments' 国高企 quotas are set by the leading group, i.e. locked.
 */
const FLOW_PLANS: FlowPlan[] = [
  {
    indicator: 'gqq_new',
    method: 'largest-remainder',
    // The path's increments 108−80, 136−108, 160−136; striving for 170 means 34 in 2020.
    totals: [28, 28, 24],
    stretch: [undefined, undefined, 34],
    basis: {
      wulin: { weights: [14, 16, 18], min: 1 },
      tianshui: { weights: [8, 9, 9], min: 1 },
      zhaohui: { weights: [12, 13, 14], min: 1 },
      chaoming: { weights: [7, 8, 8], min: 1 },
      changqing: { weights: [5, 6, 6], min: 1 },
      dongxin: { weights: [13, 15, 16], min: 1 },
      shiqiao: { weights: [9, 10, 11], min: 1 },
      wenhui: { weights: [11, 12, 12], min: 1 },
      keji: { weights: [0, 0, 0], locked: 2 },
      jinglv: { weights: [0, 0, 0], locked: 1 },
      shangwu: { weights: [0, 0, 0], locked: 1 },
      shichang: { weights: [0, 0, 0], locked: 1 },
      wenchuang: { weights: [0, 0, 0], locked: 1 },
      kuamao: { weights: [6, 8, 10] },
      dianjing: { weights: [3, 5, 6] },
      yingshi: { weights: [4, 5, 6] },
    },
  },
  {
    indicator: 'sme_new',
    method: 'sainte-lague',
    totals: [70, 70, 70],
    basis: {
      wulin: { weights: [22, 23, 24], min: 1 },
      tianshui: { weights: [12, 12, 12], min: 1 },
      zhaohui: { weights: [18, 19, 19], min: 1 },
      chaoming: { weights: [10, 11, 11], min: 1 },
      changqing: { weights: [8, 8, 9], min: 1 },
      dongxin: { weights: [20, 21, 22], min: 1 },
      shiqiao: { weights: [14, 15, 15], min: 1 },
      wenhui: { weights: [16, 16, 17], min: 1 },
      keji: { weights: [5, 5, 5] },
      jinglv: { weights: [4, 4, 4] },
      shangwu: { weights: [3, 3, 3] },
      shichang: { weights: [2, 2, 2] },
      wenchuang: { weights: [3, 3, 3] },
      kuamao: { weights: [10, 12, 14] },
      dianjing: { weights: [6, 8, 9] },
      yingshi: { weights: [7, 8, 9] },
    },
  },
  {
    indicator: 'startup_apply',
    method: 'huntington-hill',
    totals: [30, 30, 30],
    basis: {
      wulin: { weights: [6, 6, 7] },
      tianshui: { weights: [3, 3, 3] },
      zhaohui: { weights: [5, 5, 5] },
      chaoming: { weights: [3, 3, 3] },
      changqing: { weights: [2, 2, 2] },
      dongxin: { weights: [6, 7, 7] },
      shiqiao: { weights: [4, 4, 4] },
      wenhui: { weights: [5, 5, 5] },
    },
  },
  {
    indicator: 'pool_new',
    method: 'dhondt',
    totals: [100, 110, 120],
    basis: {
      keji: { weights: [11, 11, 11] },
      jinglv: { weights: [7, 7, 7] },
      shangwu: { weights: [5, 5, 5] },
      shichang: { weights: [4, 4, 4] },
      wenchuang: { weights: [3, 3, 3] },
    },
  },
  {
    indicator: 'platform_intro',
    method: 'equal',
    totals: [15, 21, 24],
    basis: {
      kuamao: { weights: [1, 1, 1] },
      dianjing: { weights: [1, 1, 1] },
      yingshi: { weights: [1, 1, 1] },
    },
  },
];

/** Periods of the sample's returns: the 2018 year-end figures and 2019 through the third quarter. */
const PERIODS = ['2018', '2019Q1', '2019Q2', '2019Q3'] as const;

/**
 * When the PERIODS' returns arrived (导入时间, UTC): on the 8th after quarter end, within the
 * 10-day deadline, except LATE_RETURNS. Illustrative.
 */
const ARRIVALS = [
  '2019-01-08T02:00:00.000Z',
  '2019-04-08T02:00:00.000Z',
  '2019-07-08T02:00:00.000Z',
  '2019-10-08T02:00:00.000Z',
] as const;
/** 朝晖街道's 2019Q2 and 天水街道's 2019Q3 returns came after the deadline (迟报). */
const LATE_RETURNS: Record<string, Record<string, string>> = {
  '2019Q2': { zhaohui: '2019-07-15T01:30:00.000Z' },
  '2019Q3': { tianshui: '2019-10-12T06:00:00.000Z' },
};

/**
 * Cumulative year-to-date actuals per unit for the PERIODS; null is a return not submitted.
 * 长庆街道 and 区市场监管局 sent no 2019Q3 return (未报送); 跨贸小镇 has 3 新增国高企 against a
 * quota of 2 by 2019Q3 (超额加分). All figures illustrative.
 */
type Row = readonly [number | null, number | null, number | null, number | null];
const FLOW_ACTUALS: Record<string, Record<string, Row>> = {
  gqq_new: {
    wulin: [5, 0, 0, 1],
    tianshui: [3, 0, 0, 0],
    zhaohui: [4, 0, 0, 1],
    chaoming: [1, 0, 0, 0],
    changqing: [1, 0, 0, null],
    dongxin: [5, 0, 0, 1],
    shiqiao: [1, 0, 0, 0],
    wenhui: [4, 0, 0, 1],
    keji: [3, 0, 0, 1],
    jinglv: [1, 0, 0, 0],
    shangwu: [1, 0, 0, 0],
    shichang: [1, 0, 0, null],
    wenchuang: [0, 0, 0, 0],
    kuamao: [3, 0, 1, 3],
    dianjing: [0, 0, 0, 0],
    yingshi: [2, 0, 0, 1],
  },
  sme_new: {
    wulin: [12, 2, 4, 7],
    tianshui: [5, 1, 2, 3],
    zhaohui: [9, 2, 4, 6],
    chaoming: [3, 0, 1, 2],
    changqing: [3, 0, 1, null],
    dongxin: [10, 1, 3, 5],
    shiqiao: [6, 1, 2, 4],
    wenhui: [8, 1, 3, 5],
    keji: [2, 0, 1, 2],
    jinglv: [2, 0, 1, 1],
    shangwu: [1, 0, 0, 1],
    shichang: [1, 0, 0, null],
    wenchuang: [0, 0, 0, 0],
    kuamao: [5, 1, 2, 4],
    dianjing: [3, 0, 1, 2],
    yingshi: [2, 0, 1, 1],
  },
  startup_apply: {
    wulin: [6, 1, 4, 6],
    tianshui: [3, 0, 2, 3],
    zhaohui: [4, 0, 2, 3],
    chaoming: [2, 0, 1, 2],
    changqing: [2, 0, 1, null],
    dongxin: [6, 1, 3, 5],
    shiqiao: [4, 0, 2, 3],
    wenhui: [5, 1, 3, 4],
  },
  pool_new: {
    keji: [38, 9, 20, 35],
    jinglv: [20, 5, 10, 15],
    shangwu: [17, 3, 6, 7],
    shichang: [11, 3, 6, null],
    wenchuang: [10, 2, 5, 8],
  },
  platform_intro: {
    kuamao: [6, 2, 4, 6],
    dianjing: [4, 1, 2, 4],
    yingshi: [5, 1, 3, 5],
  },
};

/**
 * District values of the level indicators for the PERIODS. 国高企数量 follows the recognitions:
 * 80 + 35 new − 3 not re-recognized = 112 at the end of 2018; two lapse in 2019Q2; 9 new by 2019Q3
 * less one lapse gives 118.
 */
const LEVEL_ACTUALS: Record<string, readonly [number, number, number, number]> = {
  gqq_total: [112, 112, 110, 118],
  hitech_share: [77.9, 78.3, 79, 79.6],
};

function flowTargets(): Target[] {
  return FLOW_PLANS.flatMap((p) =>
    YEARS.map((year, i): Target => {
      const stretch = p.stretch?.[i];
      return {
        indicator: p.indicator,
        year,
        total: p.totals[i],
        ...(stretch !== undefined ? { stretch } : {}),
        method: p.method,
        precision: 0,
      };
    }),
  );
}

function basisRows(): Basis[] {
  return FLOW_PLANS.flatMap((p) =>
    YEARS.flatMap((year, i) =>
      UNITS.filter((u) => u.id in p.basis).map((u): Basis => {
        const line = p.basis[u.id];
        return {
          indicator: p.indicator,
          year,
          unit: u.id,
          weight: line.weights[i],
          ...(line.min !== undefined ? { min: line.min } : {}),
          ...(line.locked !== undefined ? { locked: line.locked } : {}),
        };
      }),
    ),
  );
}

function actualRows(): Actual[] {
  const rows: Actual[] = [];
  PERIODS.forEach((period, i) => {
    const importedAt = ARRIVALS[i];
    for (const [indicator, values] of Object.entries(LEVEL_ACTUALS)) {
      rows.push({ indicator, period, value: values[i], source: 'return', importedAt });
    }
    for (const [indicator, byUnit] of Object.entries(FLOW_ACTUALS)) {
      for (const u of UNITS) {
        const value = byUnit[u.id]?.[i];
        const arrived = LATE_RETURNS[period]?.[u.id] ?? importedAt;
        if (value !== undefined && value !== null)
          rows.push({
            indicator,
            unit: u.id,
            period,
            value,
            source: 'return',
            importedAt: arrived,
          });
      }
    }
  });
  return rows;
}

/** The Xiacheng sample scenario; a fresh, identical object on every call. */
export function xiachengSample(): Scenario {
  return {
    plan: {
      name: '下城区国高企培育三年行动计划',
      district: '下城区',
      organization: '区科技创新工作领导小组办公室',
      docNumberPattern: '下科创办〔{year}〕{seq}号',
    },
    units: UNITS.map((u) => ({ ...u })),
    indicators: INDICATORS.map((i) => ({ ...i, profile: [...i.profile] })),
    targets: [...LEVEL_TARGETS.map((t) => ({ ...t })), ...flowTargets()],
    basis: basisRows(),
    quotas: [],
    actuals: actualRows(),
    scoring: {
      rules: [
        {
          indicator: 'gqq_new',
          weight: 40,
          rule: 'linear',
          cap: 1,
          bonusPerPoint: 0.05,
          bonusMax: 5,
        },
        {
          indicator: 'sme_new',
          weight: 30,
          rule: 'tiered',
          tiers: [
            { min: 1, factor: 1 },
            { min: 0.8, factor: 0.8 },
            { min: 0.6, factor: 0.6 },
            { min: 0.4, factor: 0.4 },
          ],
        },
        { indicator: 'startup_apply', weight: 30, rule: 'rank', rankStep: 3, floor: 12 },
        { indicator: 'pool_new', weight: 30, rule: 'linear', cap: 1 },
        { indicator: 'platform_intro', weight: 30, rule: 'rank', rankStep: 5, floor: 15 },
      ],
      grades: [
        { name: '优秀', min: 90 },
        { name: '良好', min: 75 },
        { name: '合格', min: 60 },
        { name: '不合格', min: 0 },
      ],
      status: { ahead: 1, warn: 0.8 },
    },
    registry: sampleRegistry(),
  };
}
