import { sheetPartPaths } from '../../src/xlsx/packageParts';

describe('sheetPartPaths', () => {
  it('finds each sheet part by name: relative, absolute and ../ targets, escaped names', () => {
    const workbook =
      '<workbook><sheets>' +
      '<sheet name="通报 2019Q3" sheetId="1" r:id="rId1"/>' +
      '<sheet name="R&amp;D &lt;2&gt;" sheetId="2" r:id="rId2"/>' +
      '<sheet name="abs" sheetId="3" r:id="rId3"/>' +
      '<sheet name="lost" sheetId="4" r:id="rId9"/>' +
      '</sheets></workbook>';
    const rels =
      '<Relationships>' +
      '<Relationship Id="rId1" Type="t" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="t" Target="./worksheets/../worksheets/sheet2.xml"/>' +
      '<Relationship Id="rId3" Type="t" Target="/xl/worksheets/sheet3.xml"/>' +
      '</Relationships>';
    expect([...sheetPartPaths(workbook, rels)]).toEqual([
      ['通报 2019Q3', 'xl/worksheets/sheet1.xml'],
      ['R&D <2>', 'xl/worksheets/sheet2.xml'],
      ['abs', 'xl/worksheets/sheet3.xml'],
    ]);
  });
});
