import { Command } from '../io';

/** Every `target-desk` command, in the order `--help` lists them. */
export const commands: Command[] = [];
