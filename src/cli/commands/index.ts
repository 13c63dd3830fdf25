import { Command } from '../io';
import { allocateCommand } from './allocate';
import { assessCommand } from './assess';

/** Every `target-desk` command, in the order `--help` lists them. */
export const commands: Command[] = [allocateCommand, assessCommand];
