import {
  HostError,
  SimWorkbook,
  dumpWorkbook,
  installSimulatedOffice,
} from '../support/simulatedExcel';

function setup(apiVersion = '1.7', payloadLimitBytes?: number) {
  const workbook = new SimWorkbook();
  workbook.addSheet('单位');
  return installSimulatedOffice(globalThis, {
    workbook,
    apiVersion,
    payloadLimitBytes,
    displayLanguage: 'en-US',
  });
}

describe('simulated Excel host', () => {
  let office: ReturnType<typeof setup>;
  afterEach(() => office.uninstall());

  it('throws PropertyNotLoaded for a property read before load + sync, and serves it after', async () => {
    office = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('单位').getRange('A1:B1');
      range.values = [['id', 3]];
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values,address');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['id', 3]]);
      expect(range.address).toBe('单位!A1:B1');
    });
    expect(office.stats.syncs).toBe(1);
  });

  it('applies queued writes only on sync and counts every sync', async () => {
    office = setup();
    const context = office.newContext();
    context.workbook.worksheets.getItem('单位').getRange('A1').values = [['x']];
    expect(office.workbook.sheets[0].cell(0, 0)).toBeUndefined();
    await context.sync();
    expect(office.workbook.sheets[0].cell(0, 0)?.value).toBe('x');
    await context.sync();
    expect(office.stats.syncs).toBe(2);
  });

  it('parses written strings like Excel: =, +, - and @ start formulas unless an apostrophe forces text', async () => {
    office = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('单位').getRange('A1:F1').values = [
        ['=1+1', '+A1', '-x', "'=1+1", '007', "'007"],
      ];
      await context.sync();
    });
    expect(dumpWorkbook(office.workbook).sheets[0].cells).toEqual({
      A1: { formula: '=1+1' },
      B1: { formula: '=+A1' },
      C1: { formula: '=-x' },
      D1: { value: '=1+1' },
      E1: { value: 7 },
      F1: { value: '007' },
    });
  });

  it('refuses a batch over the payload limit and applies none of it', async () => {
    office = setup('1.7', 1000);
    const context = office.newContext();
    const sheet = context.workbook.worksheets.getItem('单位');
    sheet.getRange('A1').values = [['first']];
    sheet.getRange('A2:A101').values = Array.from({ length: 100 }, (_, i) => [`row ${i}`]);
    await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(office.workbook.sheets[0].cells.size).toBe(0);
    expect(office.stats.batches[0].requestBytes).toBeGreaterThan(1000);
  });

  it('refuses writes into locked cells of a protected sheet, after applying the actions before them', async () => {
    office = setup();
    const context = office.newContext();
    const sheet = context.workbook.worksheets.getItem('单位');
    sheet.getRange('B1').format.protection.locked = false;
    sheet.protection.protect();
    sheet.getRange('B1').values = [['open']];
    sheet.getRange('A1').values = [['locked']];
    await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(dumpWorkbook(office.workbook).sheets[0].cells).toEqual({ B1: { value: 'open' } });
  });

  it('rejects a 2-D write whose shape differs from the range', async () => {
    office = setup();
    const context = office.newContext();
    context.workbook.worksheets.getItem('单位').getRange('A1:B2').values = [[1, 2]];
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('resolves *OrNullObject to null objects, and methods of a null object to null objects', async () => {
    office = setup();
    const context = office.newContext();
    const table = context.workbook.tables.getItemOrNullObject('TD_Missing');
    const range = table.getRange();
    table.load('name');
    range.load('values');
    await context.sync();
    expect(table.isNullObject).toBe(true);
    expect(range.isNullObject).toBe(true);
  });

  it('keeps tables by name when their sheet is renamed, and grows and shrinks them', async () => {
    office = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('单位');
      sheet.getRange('B2:C2').values = [['编号', '名称']];
      const table = sheet.tables.add('B2:C3', true);
      table.name = 'TD_Units';
      sheet.getRange('B7').values = [['further below']];
      sheet.getRange('B6').values = [['below']];
      table.rows.add(undefined, [
        ['u2', "'=2"],
        ['u3', 'c'],
      ]);
      sheet.name = 'Units renamed';
      await context.sync();
      const found = context.workbook.tables.getItem('TD_Units');
      found.getDataBodyRange().getRow(1).getResizedRange(1, 0).delete('Up');
      const range = found.getRange();
      range.load('address,values');
      found.worksheet.load('name');
      await context.sync();
      expect(range.address).toBe("'Units renamed'!B2:C3");
      expect(found.worksheet.name).toBe('Units renamed');
    });
    expect(dumpWorkbook(office.workbook).tables).toEqual([
      { name: 'TD_Units', sheet: 'Units renamed', ref: 'B2:C3' },
    ]);
    expect(dumpWorkbook(office.workbook).sheets[0].cells.B6).toEqual({ value: 'below' });
    expect(dumpWorkbook(office.workbook).sheets[0].cells.B7).toEqual({ value: 'further below' });
  });

  it('fails members above its API version with ApiNotFound and answers isSetSupported accordingly', async () => {
    office = setup('1.7');
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(Office.context.displayLanguage).toBe('en-US');
    const context = office.newContext();
    context.workbook.worksheets.getItem('单位').pageLayout.orientation = 'Landscape';
    await expect(context.sync()).rejects.toBeInstanceOf(HostError);
  });

  it('calculates formulas when values are read, following references across cells and sheets', async () => {
    office = setup();
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add('数据').getRange('A1:B1').values = [[4, 0]];
      const range = sheets.getItem('单位').getRange('A1:H1');
      range.formulas = [
        [
          '=数据!A1*2',
          '=A1/数据!B1',
          '=IF(数据!B1>0,A1/数据!B1,"—")',
          '=IFERROR(B1,-1)',
          '=ROUND(2/3,2)',
          '=SUM(A1,E1)&"家"',
          '=D1>=-1',
          '=NOPE(1)',
        ],
      ];
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([[8, '#DIV/0!', '—', -1, 0.67, '8.67家', true, '#NAME?']]);
    });
  });
});
