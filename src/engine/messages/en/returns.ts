/** A filled quarterly return (季度报表, SPEC §8): which plan, unit and period, its table, its cells. */
export const returnsEn = {
  'return.otherPlan': (a: { plan: string; planName: string }) =>
    `this is a return template of plan "${a.plan}", not of this plan "${a.planName}"`,
  'return.badVersion': (a: { version: string; expected: string }) =>
    `template version "${a.version}" is not supported: use a ${a.expected} template`,
  'return.unknownUnit': (a: { unit: string }) =>
    `unknown unit "${a.unit}": this plan has no such unit`,
  'return.unknownUnitId': (a: { id: string }) =>
    `unknown unit id "${a.id}": this plan has no such unit`,
  'return.noUnit': () =>
    'cannot tell which unit filled this return: neither the document property td.unit nor the header 填报单位 is there',
  'return.unitIdDisagrees': (a: { id: string; unit: string }) =>
    `unit id "${a.id}" differs from the document property td.unit "${a.unit}"`,
  'return.unitNameDisagrees': (a: { name: string; unit: string }) =>
    `unit "${a.name}" differs from the document property td.unit (${a.unit})`,
  'return.noPeriod': () =>
    'cannot tell which period this return is for: neither the document property td.period nor the header 报送期 is there',
  'return.badPeriod': (a: { period: string }) =>
    `period "${a.period}" is not a quarter (such as 2019Q3)`,
  'return.periodDisagrees': (a: { period: string; property: string }) =>
    `period "${a.period}" differs from the document property td.period "${a.property}"`,
  'return.otherPeriod': (a: { period: string; importing: string }) =>
    `this is a return for ${a.period}; this import is for ${a.importing}`,
  'return.yearOutsidePlan': (a: { year: number; period: string }) =>
    `the plan has no targets for ${a.year}, so a return for ${a.period} cannot be imported`,
  'return.noTable': (a: { table: string; columns: string[] }) =>
    `no return table ${a.table} (header: ${a.columns.join(', ')}): fill in the template that was sent out`,
  'return.tableIsRange': (a: { table: string; header: string }) =>
    `table ${a.table} has become a plain range; read from the row of its header "${a.header}"`,
  'return.badHeader': (a: { expected: string; found: string }) =>
    `the header should be "${a.expected}" but is ${a.found ? `"${a.found}"` : 'empty'}: do not change the header`,
  'return.merged': () => 'the return table must not have merged cells',
  'return.noIndicatorId': () => 'the indicator id (指标编号) is missing',
  'return.unknownIndicator': (a: { id: string }) => `unknown indicator id "${a.id}"`,
  'return.notCarried': (a: { unit: string; indicator: string; id: string }) =>
    `${a.unit} does not carry indicator "${a.indicator}" (${a.id})`,
  'return.repeatedIndicator': (a: { id: string; row: number }) =>
    `indicator "${a.id}" appears again (already reported in row ${a.row})`,
  // 本年累计完成 cells: a non-negative number (whole for counts), or text read as one.
  'return.notFinite': () => 'not a valid number',
  'return.textGrouping': (a: { text: string }) =>
    `"${a.text}" has its thousands separators in the wrong places, so its value is unclear: type a number`,
  'return.textAmbiguous': (a: { text: string }) =>
    `"${a.text}" can be read more than one way, so its value is unclear: type a number`,
  'return.textNotNumber': (a: { text: string }) => `"${a.text}" is not a number: type a number`,
  'return.formula': (a: { formula: string }) =>
    `a formula "=${a.formula}" is not accepted: type the value itself`,
  'return.notNumeric': (a: { kind: 'boolean' | 'error' | 'date'; text: string }) =>
    `${a.kind === 'error' ? `the error value ${a.text}` : a.kind === 'date' ? `the date ${a.text}` : `"${a.text}"`} is not a number: type a number`,
  'return.negative': (a: { value: number }) => `must not be negative (${a.value})`,
  'return.notWhole': (a: { value: number }) => `must be a whole number (${a.value})`,
  'return.readFromText': (a: { text: string; value: number }) =>
    `the text "${a.text}" is read as the number ${a.value}`,
};
