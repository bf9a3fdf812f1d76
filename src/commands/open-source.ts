import * as vscode from 'vscode';
import { CommandId } from '../constants';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { freshJournal } from '../ui/pickers';
import { startOf } from '../adapters/ranges';
import { isNode, locationOf } from '../ui/record-nodes';

/** Debrief: Open Source (a sidebar item): the record's file, at its line. */
export class OpenSourceCommand implements Command {
  readonly id = CommandId.OpenSource;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<void> {
    if (!isNode(arg)) return;
    const loc = locationOf({ ...arg, journal: freshJournal(this.services.store, arg.journal) });
    if (!loc) return;
    await vscode.window.showTextDocument(loc.uri, { preview: false, selection: loc.range && startOf(loc.range) });
  }
}
