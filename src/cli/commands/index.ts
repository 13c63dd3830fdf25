import { Command } from '../io';
import { allocateCommand } from './allocate';
import { assessCommand } from './assess';
import { initCommand } from './init';
import { runCommand } from './run';
import { exportCommand } from './export';
import { templatesCommand } from './templates';
import { importReturnsCommand } from './importReturns';
import { importListCommand } from './importList';
import { bulletinCommand } from './bulletin';

/** Every `target-desk` command, in the order `--help` lists them. */
export const commands: Command[] = [
  allocateCommand,
  assessCommand,
  initCommand,
  runCommand,
  templatesCommand,
  importReturnsCommand,
  importListCommand,
  exportCommand,
  bulletinCommand,
];
