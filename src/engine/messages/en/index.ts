import { catalogueOf } from '../areas';
import { allocationEn } from './allocation';
import { bookEn } from './book';
import { filesEn } from './files';
import { figuresEn } from './figures';
import { listsEn } from './lists';
import { refusalsEn } from './refusals';
import { returnsEn } from './returns';
import { jobsEn } from './jobs';
import { ioEn } from './io';
import { scenarioEn } from './scenario';

/** Every problem's English text, by code (SPEC's examples and the CLI's default language). */
export const enUS = catalogueOf(
  scenarioEn,
  figuresEn,
  allocationEn,
  bookEn,
  listsEn,
  refusalsEn,
  filesEn,
  returnsEn,
  jobsEn,
  ioEn,
);
