import { ownerFileNames, parseOwnerFile } from '../../src/store/ownerFiles';
import { excelOwnerFile, libreOfficeLockFile, wordOwnerFile } from '../support/ownerFiles';

describe('owner files', () => {
  it('looks for both ~$ forms and the LibreOffice lock', () => {
    expect(ownerFileNames('plan.xlsx')).toEqual([
      { name: '~$plan.xlsx', kind: 'office' },
      { name: '~$an.xlsx', kind: 'office' },
      { name: '.~lock.plan.xlsx#', kind: 'libreoffice' },
    ]);
  });

  it('reads the UTF-16 name from an Excel owner file (a Chinese name, its ANSI copy in GBK)', () => {
    const gbk = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]); // 张三 in code page 936
    const file = excelOwnerFile('张三', gbk);
    expect(file.length).toBe(165);
    expect(parseOwnerFile('office', file)).toEqual({ user: '张三' });
    expect(parseOwnerFile('office', excelOwnerFile('Li Wei'))).toEqual({ user: 'Li Wei' });
  });

  it('reads the name from a Word-layout owner file (as WPS and Word write it)', () => {
    expect(parseOwnerFile('office', wordOwnerFile('wang.fang'))).toEqual({ user: 'wang.fang' });
  });

  it('falls back to the ANSI name when the UTF-16 copy is missing, and names nobody in junk', () => {
    const short = excelOwnerFile('zhao').subarray(0, 40);
    expect(parseOwnerFile('office', short)).toEqual({ user: 'zhao' });
    expect(parseOwnerFile('office', Buffer.alloc(0))).toEqual({});
  });

  it('reads user, host and date from a LibreOffice lock, the system user when no office user', () => {
    expect(
      parseOwnerFile('libreoffice', libreOfficeLockFile('张三', 'zhangsan', 'KJJ-PC07')),
    ).toEqual({
      user: '张三',
      host: 'KJJ-PC07',
      since: '29.11.2026 13:02',
    });
    expect(
      parseOwnerFile('libreoffice', libreOfficeLockFile('', 'zhangsan', 'KJJ-PC07')).user,
    ).toBe('zhangsan');
    expect(parseOwnerFile('libreoffice', Buffer.from('Zhang\\, San,zs,host,d,u;')).user).toBe(
      'Zhang, San',
    );
  });
});
