import type { listsEn } from '../en/lists';

export const listsZh: typeof listsEn = {
  'list.yearOutsidePlan': (a) => `${a.year} 年不在本计划的年度内，名单中该年的企业不计入完成数`,
  'list.noneMatched': () =>
    '没有一行与企业库匹配，未写入任何内容（可用 --assign 指定单位后重新导入）',
  'list.noHeader': (a) =>
    `在前 ${a.rows} 行找不到表头${a.missing.map((m) => `「${m}」`).join('')}，名单须有企业名称、证书编号和发证日期（或批次）列`,
  'list.noName': (a) => `证书 ${a.certificate} 缺少企业名称`,
  'list.noQuarter': (a) =>
    `无法从「${a.text}」确定发证季度（请写成 2019-11-27，或用 --period 指定）`,
  'list.noDate': () => '缺少发证日期（或用 --period 指定）',
  'list.noCertificate': (a) => `「${a.name}」缺少证书编号，无法查重`,
  'list.empty': () => '名单中没有企业',
};
