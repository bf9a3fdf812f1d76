/** Every `debrief` subcommand, in the order `debrief --help` lists them. A new one is a module here and a line in this list. */
import type { Subcommand } from '../subcommand';
import { calendarCommand } from './calendar';
import { exportCommand } from './export';
import { importCommand } from './import';
import { mcp } from './mcp';
import { prepare } from './prepare';
import { stats } from './stats';
import { validate } from './validate';

export const SUBCOMMANDS: readonly Subcommand[] = [
  validate,
  stats,
  exportCommand,
  calendarCommand,
  importCommand,
  prepare,
  mcp,
];
