import type { listsEn } from '../en/lists';

export const listsZh: typeof listsEn = {
  'list.noHeader': (a) =>
    `在前 ${a.rows} 行找不到表头${a.missing.map((m) => `「${m}」`).join('')}，名单须有企业名称、证书编号和发证日期（或批次）列`,
  'list.noName': (a) => `证书 ${a.certificate} 缺少企业名称`,
  'list.noQuarter': (a) =>
    `无法从「${a.text}」确定发证季度（请写成 2019-11-27，或用 --period 指定）`,
  'list.noDate': () => '缺少发证日期（或用 --period 指定）',
  'list.noCertificate': (a) => `「${a.name}」缺少证书编号，无法查重`,
  'list.empty': () => '名单中没有企业',
};
