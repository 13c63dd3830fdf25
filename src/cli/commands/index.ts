import { Command } from '../io';
import { allocateCommand } from './allocate';

/** Every `target-desk` command, in the order `--help` lists them. */
export const commands: Command[] = [allocateCommand];
