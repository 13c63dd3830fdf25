import { Command } from '../io';

/**
 * Every `target-desk` command, in the order `--help` lists them. Each is loaded when it runs, so a
 * command that needs no workbook (allocate) starts without loading ExcelJS (a quarter second).
 */
const loaders: Record<string, () => Promise<Command>> = {
  allocate: async () => (await import('./allocate')).allocateCommand,
  assess: async () => (await import('./assess')).assessCommand,
  init: async () => (await import('./init')).initCommand,
  run: async () => (await import('./run')).runCommand,
  templates: async () => (await import('./templates')).templatesCommand,
  'import-returns': async () => (await import('./importReturns')).importReturnsCommand,
  'import-list': async () => (await import('./importList')).importListCommand,
  export: async () => (await import('./export')).exportCommand,
  bulletin: async () => (await import('./bulletin')).bulletinCommand,
};

/** The command called `name`, or undefined if there is none. */
export function loadCommand(name: string): Promise<Command> | undefined {
  return Object.hasOwn(loaders, name) ? loaders[name]() : undefined;
}

export function loadAllCommands(): Promise<Command[]> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}
