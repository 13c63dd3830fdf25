import type { refusalsEn } from '../en/refusals';

export const refusalsZh: typeof refusalsEn = {
  'bulletin.edited': () =>
    '此通报生成后被手工修改过：如要保留，请先给工作表改名；如要覆盖，请选“覆盖并重新生成”（命令行加 --force），原内容存入 TD_History',
  'book.changed': () => '读取后已被其他程序修改；未写入任何内容',
  'book.openElsewhere': (a) =>
    `工作簿正在 ${a.program === 'office' ? 'Excel or WPS' : 'LibreOffice'} 中打开（` +
    (a.user !== null ? `用户 ${a.user}` : '未写明用户') +
    (a.host !== null ? `，计算机 ${a.host}` : '') +
    (a.since !== null ? `，自 ${a.since}` : '') +
    `，锁文件 ${a.ownerFile}）；请先在该程序中关闭，若锁文件是残留的可加 --ignore-lock-file；未写入任何内容`,
};
