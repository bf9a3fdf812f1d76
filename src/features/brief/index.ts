/**
 * Debrief: Prepare for Interview: a brief of everything the journal learned that bears on an interview
 * (core/brief/), shown as a page in the editor, savable as Markdown, with "Record how it went". Offered
 * in the palette (the next interview first), on an interview in the sidebar and on a next step in the
 * Due view.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../constants';
import { briefOrder, comingOf } from '../../core/brief/coming';
import { when } from '../../core/brief/words';
import { ROUND_TYPES, RoundType } from '../../core/model';
import type { PickItem } from '../../services/prompter';
import type { Services } from '../../services/services';
import { registerCommands } from '../../ui/command';
import { pickInterview } from '../../ui/pickers';
import { BRIEF_VIEW_TYPE, BriefPanel, BriefPanels } from './panel';

const TITLE = 'Debrief: Prepare for Interview';
const ANY = 'any';

export interface BriefPart {
  panels: BriefPanels;
  serializer: vscode.WebviewPanelSerializer;
}

/** Picks the interview (the next one first), and the kind of round when nothing scheduled says it. */
async function prepare(services: Services, panels: BriefPanels, arg: unknown): Promise<BriefPanel | undefined> {
  const today = services.clock.today();
  const t = await pickInterview(services, arg, TITLE, { use: 'read', list: (journal) => briefOrder(journal.index, today).map(({ interview, date }) => {
    const c = date ? comingOf(interview, today) : undefined;
    return { interview, description: c && date ? `next: ${c.type && c.date === date ? `${c.type} round` : c.step?.action || 'next step'}, ${when(date, today)}` : interview.outcome ?? 'pending' };
  }) });
  if (!t) return undefined;
  let roundType: RoundType | undefined;
  if (!comingOf(t.interview, today).type) {
    const items: PickItem<RoundType | typeof ANY>[] = [
      { label: 'Not known yet', description: 'look at every kind of round', value: ANY },
      ...ROUND_TYPES.map((type) => ({ label: type, value: type })),
    ];
    const chosen = await services.prompter.pick(items, { title: TITLE, placeholder: `What kind of round is next at ${t.interview.company}?` });
    if (chosen === undefined) return undefined;
    roundType = chosen === ANY ? undefined : chosen;
  }
  return panels.show({ journal: t.journal, path: t.path, roundType });
}

export function activate(context: vscode.ExtensionContext, services: Services): BriefPart {
  const panels = new BriefPanels(context, services);
  const serializer: vscode.WebviewPanelSerializer = {
    deserializeWebviewPanel: async (panel, state) => {
      await panels.revive(panel, state);
    },
  };
  context.subscriptions.push(panels, vscode.window.registerWebviewPanelSerializer(BRIEF_VIEW_TYPE, serializer));
  registerCommands(context, services, [{ id: CommandId.PrepareInterview, execute: (arg?: unknown) => prepare(services, panels, arg) }]);
  return { panels, serializer };
}
