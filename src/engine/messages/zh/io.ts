import type { ioEn, OsAction, PackageDamage } from '../en/io';
import { osCauseText } from '../osCauses';

const ACTIONS: Record<OsAction, string> = {
  read: '无法读取',
  write: '无法写入',
  makeFolder: '无法创建文件夹',
};
const DAMAGE_ZH: Record<PackageDamage, (part: string) => string> = {
  noEnd: () => '找不到中央目录',
  tooShort: () => '文件过短',
  zip64: () => 'zip64 目录损坏',
  directory: () => '中央目录损坏',
  sizes: (part) => `部件 ${part} 的大小无法读取`,
  localHeader: (part) => `部件 ${part} 的本地头损坏`,
  cutShort: (part) => `部件 ${part} 不完整`,
  wrongSize: (part) => `部件 ${part} 与声明的大小不符`,
  noInflate: (part) => `部件 ${part} 无法解压`,
};

export const ioZh: typeof ioEn = {
  'option.badLang': (a) => `无法识别的语言“${a.got}”（可选 zh-CN 或 en-US）`,
  'option.unknown': (a) =>
    `未知选项 ${a.option}${a.near ? `（是否想用 --${a.near}？）` : ''}（用法：target-desk ${a.usage}）`,
  'option.needsValue': (a) => `选项 ${a.option} 需要一个值（用法：target-desk ${a.usage}）`,
  'option.takesNoValue': (a) => `选项 ${a.option} 不带值（用法：target-desk ${a.usage}）`,
  'option.missing': (a) => `缺少必需的选项 --${a.name}`,
  'args.unexpected': (a) => `多余的参数 ${a.arg}（用法：target-desk ${a.usage}）`,
  'args.missing': (a) => `缺少参数（用法：target-desk ${a.usage}）`,
  'init.sampleOrScenario': (a) =>
    `请给出 --sample 或 --scenario S.json 之一（用法：target-desk ${a.usage}）`,
  'input.notJson': (a) => `不是有效的 JSON（${a.detail}）`,
  'os.failed': (a) => `${ACTIONS[a.action]}（${osCauseText(a.code, a.message, 'zh-CN')}）`,
  'file.exists': (a) =>
    `文件已存在；请换一个 ${a.option === 'name' ? '文件名' : a.option}，或加 --force 替换`,
  'book.locked': (a) =>
    `另一个 target-desk 命令正在写入该工作簿（${a.who}）；请待其完成后重试，若确无命令在运行可删除 ${a.lock}；未写入任何内容`,
  'file.notReadBack': () => '写出的文件无法读回为文件包；未写入任何内容',
  'book.unreadable': (a) => `无法读取工作簿（${a.cause}）`,
  'package.badXml': (a) => `部件 ${a.part} 不是格式正确的 XML（${a.detail}）`,
  'package.damaged': (a) => `不是有效的 xlsx 文件（不是 zip 文件包：${DAMAGE_ZH[a.what](a.part)}）`,
  'package.tooLarge': (a) =>
    `已拒绝：文件包解压后超过 ${a.limit} MB（到部件 ${a.part} 已至少 ${a.mb} MB），未读取`,
  'package.badMethod': (a) =>
    `部件 ${a.part} 使用了不支持的压缩方式 ${a.method}（只读取存储和 deflate）`,
  'package.ratio': (a) =>
    `已拒绝：部件 ${a.part} 解压后放大 ${a.times} 倍（超过 ${a.ratio}:1 且大于 ${a.fromMb} MB），疑似压缩炸弹，未读取`,
  'package.beyondDeclared': (a) =>
    `已拒绝：部件 ${a.part} 解压后超过文件头声明的大小（${a.size} 字节），疑似压缩炸弹，未读取`,
};
