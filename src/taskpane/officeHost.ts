/** The add-in's host: the workbook open in Excel, through the Office.js adapter (src/office). */
import { readSnapshot } from '../office/readSnapshot';
import { runJob } from '../office/runJob';
import type { Host } from './host';

export const officeHost: Host = {
  read: (options = {}) => Excel.run((context) => readSnapshot(context, options)),
  run: (job, options = {}) => runJob(job, options),
};
