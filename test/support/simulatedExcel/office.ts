/**
 * Installs the simulated host as the `Excel` and `Office` globals, under jest or in a browser page,
 * so code written against Office.js (the adapter, the task pane) runs unchanged on it.
 */
import { Application, Workbook } from './api';
import { SimWorkbook } from './model';
import {
  HostConfig,
  HostStats,
  PAYLOAD_LIMIT_BYTES,
  SimRequestContext,
  versionAtLeast,
} from './runtime';

export interface SimulatedOfficeOptions {
  workbook?: SimWorkbook;
  /** Office.context.displayLanguage, e.g. "zh-CN" or "en-US". */
  displayLanguage?: string;
  /** Highest ExcelApi requirement set the host supports; default "1.7" (Excel 2019). */
  apiVersion?: string;
  payloadLimitBytes?: number;
  /** Freeze panes throw GeneralException, as on some Excel 2019 builds (HostConfig). */
  freezePanesFail?: boolean;
}

export interface SimulatedOffice {
  workbook: SimWorkbook;
  stats: HostStats;
  config: HostConfig;
  /** A fresh request context on the workbook, as Excel.run passes to its callback. */
  newContext(): Excel.RequestContext;
  /** Syncs counted since the last reset, e.g. around one command. */
  resetStats(): void;
  uninstall(): void;
}

export function installSimulatedOffice(
  target: object,
  options: SimulatedOfficeOptions = {},
): SimulatedOffice {
  const workbook = options.workbook ?? defaultWorkbook();
  const stats: HostStats = { syncs: 0, batches: [] };
  const config: HostConfig = {
    apiVersion: options.apiVersion ?? '1.7',
    payloadLimitBytes: options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES,
    freezePanesFail: options.freezePanesFail,
  };
  const newContext = () => {
    const context = new SimRequestContext(stats, config);
    context.workbook = new Workbook(context, workbook);
    context.application = new Application(context, workbook);
    return context as unknown as Excel.RequestContext;
  };
  const excel = {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const context = newContext();
      const result = await batch(context);
      // Excel.run sends whatever the callback queued without syncing.
      if ((context as unknown as SimRequestContext).pending.length > 0) await context.sync();
      return result;
    },
  };
  const office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === 'ExcelApi' && versionAtLeast(config.apiVersion, version ?? '1.1'),
      },
    },
  };
  const globals = target as Record<string, unknown>;
  const saved = { Excel: globals.Excel, Office: globals.Office };
  globals.Excel = excel;
  globals.Office = office;
  return {
    workbook,
    stats,
    config,
    newContext,
    resetStats() {
      stats.syncs = 0;
      stats.batches = [];
    },
    uninstall() {
      globals.Excel = saved.Excel;
      globals.Office = saved.Office;
    },
  };
}

function defaultWorkbook(): SimWorkbook {
  const book = new SimWorkbook();
  book.addSheet('Sheet1');
  return book;
}
