/**
 * The sample recognition list (认定名单) of the Xiacheng demo: a fictional 2019 国高企 list drawn
 * from the sample registry and written the way real lists are — a title above the header, names
 * with full-width brackets, stray spaces and full-width Latin letters, credit codes for only some
 * rows, a certificate listed twice, and three enterprises the registry lacks — so that
 * `import-list` shows matching, 重复 and 未匹配 end to end. Every name and number is invented.
 */
import { sampleRegistry } from './registry';

export const SAMPLE_LIST_TITLE =
  '2019年下城区国家高新技术企业认定名单（示例数据，企业名称均为虚构）';
export const SAMPLE_LIST_HEADER = [
  '序号',
  '企业名称',
  '统一社会信用代码',
  '证书编号',
  '发证日期',
  '批次',
];

/** Registry rows on the list: the first batch (issued in Q3) and the second (Q4). */
const FIRST_BATCH = [3, 11, 19, 27, 35, 43, 51, 59, 67];
const SECOND_BATCH = [75, 83, 91, 99, 107, 115, 123, 131, 139, 147, 155, 163, 171, 179, 187];
const UNREGISTERED = [
  '杭州示例未登记一号科技有限公司',
  '杭州示例未登记二号信息技术有限公司',
  '浙江示例未登记三号智能装备有限公司',
];

/** A name as a list prints it: the same enterprise, typed differently from the registry. */
function listStyle(name: string, k: number): string {
  switch (k % 3) {
    case 0:
      return name.replace(/\(/g, '（').replace(/\)/g, '）');
    case 1:
      return name.replace('分公司', ' 分公司').replace('有限公司', ' 有限公司');
    default:
      return name.replace(/[A-Za-z]/g, (c) =>
        String.fromCharCode(c.toLowerCase().charCodeAt(0) + 0xfee0),
      );
  }
}

/** The list's rows: title, blank line, header, then one row per certificate. */
export function sampleRecognitionList(): string[][] {
  const registry = sampleRegistry();
  const rows: string[][] = [];
  let n = 0;
  const add = (name: string, code: string, date: string, batch: string, certificate?: string) => {
    n++;
    rows.push([
      String(n),
      name,
      code,
      certificate ?? `GR2019330${String(1000 + n).padStart(5, '0')}`,
      date,
      batch,
    ]);
  };
  FIRST_BATCH.forEach((i, k) => {
    const r = registry[i];
    add(
      listStyle(r.name, k),
      k % 2 === 0 ? (r.creditCode ?? '') : '',
      '2019-09-20',
      '2019年第一批',
    );
  });
  SECOND_BATCH.forEach((i, k) => {
    const r = registry[i];
    add(
      listStyle(r.name, k),
      k % 2 === 0 ? (r.creditCode ?? '') : '',
      '2019-12-04',
      '2019年第二批',
    );
  });
  UNREGISTERED.forEach((name) => add(name, '', '2019-12-04', '2019年第二批'));
  // The second batch repeats one enterprise of the first, with its certificate: counted once.
  add(registry[FIRST_BATCH[0]].name, '', '2019-12-04', '2019年第二批', rows[0][3]);
  return [[SAMPLE_LIST_TITLE], [], SAMPLE_LIST_HEADER, ...rows];
}

/** The list as CSV text (RFC 4180, CRLF). */
export function sampleRecognitionListCsv(): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return (
    sampleRecognitionList()
      .map((r) => r.map(field).join(','))
      .join('\r\n') + '\r\n'
  );
}
