import { catalogueOf } from '../areas';
import type { enUS } from '../en';
import { allocationZh } from './allocation';
import { bookZh } from './book';
import { filesZh } from './files';
import { figuresZh } from './figures';
import { listsZh } from './lists';
import { refusalsZh } from './refusals';
import { returnsZh } from './returns';
import { jobsZh } from './jobs';
import { ioZh } from './io';
import { scenarioZh } from './scenario';

/** Every problem's Chinese text, by the English catalogue's codes and arguments. */
export const zhCN: typeof enUS = catalogueOf(
  scenarioZh,
  figuresZh,
  allocationZh,
  bookZh,
  listsZh,
  refusalsZh,
  filesZh,
  returnsZh,
  jobsZh,
  ioZh,
);
