import { latestBulletinSheet } from '../../src/commands/latestBulletin';

describe('latestBulletinSheet (the 查看最新通报 ribbon command)', () => {
  test('picks the latest period, a bare year counting as its fourth quarter', () => {
    expect(latestBulletinSheet(['单位', '通报 2019Q3', '通报 2019Q1', '考核结果'])).toBe(
      '通报 2019Q3',
    );
    expect(latestBulletinSheet(['通报 2019Q3', '通报 2019', '通报 2018Q4'])).toBe('通报 2019');
    expect(latestBulletinSheet(['通报 2019Q2', '通报 2020Q1'])).toBe('通报 2020Q1');
  });

  test('ignores sheets that only look like bulletins, and answers undefined when there is none', () => {
    expect(
      latestBulletinSheet(['通报说明', '通报 2019Q5', '旧通报 2020Q1', '单位']),
    ).toBeUndefined();
    expect(latestBulletinSheet([])).toBeUndefined();
  });
});
