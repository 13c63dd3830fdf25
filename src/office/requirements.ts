/** Features above the add-in's ExcelApi 1.7 baseline, checked with Office's requirement sets. */

export type Feature = 'validation' | 'print';

const NEEDS: Record<Feature, string> = {
  validation: '1.8',
  print: '1.9',
};

export function supports(feature: Feature): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', NEEDS[feature]);
}
