/**
 * The journal as tools for AI assistants in VS Code's chat (`debrief_*`, contributed in package.json
 * from schemas/assistant-tools.json). A read answers from the same core the views use; a write shows
 * the user what will change and asks first, then goes through the journal editor like a command (one
 * Undo, unsaved changes respected, refusals with their place). The setting debrief.assistant.tools
 * turns them off or makes them read-only.
 */
import * as vscode from 'vscode';
import { callTool, describeChanges, refusalText, ToolError } from '../../core/assistant/tools';
import { TOOL_SPECS } from '../../core/assistant/specs';
import type { Journal } from '../../services/journal';
import type { Services } from '../../services/services';
import { settings } from '../../services/settings';
import { pickJournal } from '../../ui/pickers';

/**
 * The journal the tools work on: the only one that exists; where several do, the one whose file is in
 * the active editor, else the one the user picks (a write's confirmation and the call itself share the
 * answer: a call is asked about once).
 */
class JournalChoice {
  /** The last call asked about and the answer (undefined: the user chose none). */
  private last: { key: string; journal: Journal | undefined } | undefined;
  constructor(private readonly services: Services) {}

  /** `prepared`: the call itself, after its preparation asked (the answer is used once). */
  async of(tool: string, input: unknown, prepared: boolean): Promise<Journal> {
    const { store } = this.services;
    await store.ready;
    const all = store.journals();
    const existing = store.existingJournals();
    if (existing.length <= 1) {
      const only = existing[0] ?? all[0];
      if (!only) throw new ToolError('No folder is open in VS Code, so there is no Debrief journal to use. Ask the user to open their workspace.');
      return only;
    }
    const key = `${tool} ${JSON.stringify(input ?? null)}`;
    const asked = prepared && this.last?.key === key ? this.last : undefined;
    const chosen = asked ? asked.journal : await pickJournal(this.services, { title: 'Debrief: the assistant asks', placeholder: 'Which folder\'s journal should the assistant use?', existing: true });
    this.last = asked ? undefined : { key, journal: chosen };
    if (!chosen || !existing.includes(chosen)) throw new ToolError(`Several workspace folders hold a Debrief journal (${existing.map((j) => j.folder.name).join(', ')}) and the user chose none. Nothing was read or written; ask the user which folder's journal they mean.`);
    return chosen;
  }
}

/**
 * A tool's answer; with several journals in the workspace, a first part names the one it used, so that
 * the assistant (and the user reading along) knows which folder the answer is about.
 */
function textResult(text: string, used: string | undefined): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([...(used ? [new vscode.LanguageModelTextPart(used)] : []), new vscode.LanguageModelTextPart(text)]);
}

/** With several journals, the words naming the one a call used (undefined with one). */
function journalUsed(services: Services, journal: Journal): string | undefined {
  if (!services.store.severalJournals) return undefined;
  const others = services.store.existingJournals().filter((j) => j !== journal).map((j) => j.folder.name);
  return `Journal used: the one of the workspace folder "${journal.folder.name}" (the other folders with a journal: ${others.join(', ')}).`;
}

/** The error a model sees: the tool's own words, never a stack trace. */
function toolFailure(e: unknown): Error {
  return e instanceof ToolError ? e : new Error(`Debrief could not do that: ${e instanceof Error ? e.message : String(e)}. Nothing was written.`);
}

class DebriefTool implements vscode.LanguageModelTool<unknown> {
  constructor(private readonly name: string, private readonly services: Services, private readonly journals: JournalChoice) {}

  private async call(input: unknown, prepared: boolean) {
    const journal = await this.journals.of(this.name, input, prepared);
    const call = callTool(this.name, input, {
      index: journal.index, today: this.services.clock.today(), feedbackFollowUpDays: settings.feedbackFollowUpDays(journal.folder.uri), fs: journal.fs,
    }, settings.assistantTools());
    return { journal, call };
  }

  async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>): Promise<vscode.PreparedToolInvocation> {
    try {
      const { journal, call } = await this.call(options.input, false);
      if (call.kind === 'read') return { invocationMessage: 'Reading the Debrief journal' };
      const dry = await this.services.editor.dryRun(journal, call.intent.reads, call.intent.plan);
      // A refused write asks nothing: the call says why, and nothing is written.
      if (!dry.ok) return { invocationMessage: call.intent.title };
      const folder = this.services.store.severalJournals ? ` in ${journal.folder.name}` : '';
      const message = new vscode.MarkdownString(`${describeChanges(dry.changes, dry.texts)}\n\nOne Undo takes it back.`);
      return { invocationMessage: call.intent.title, confirmationMessages: { title: `Debrief: ${call.intent.title}${folder}?`, message } };
    } catch {
      // Bad input: the invocation reports it.
      return { invocationMessage: 'Checking the request' };
    }
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<unknown>): Promise<vscode.LanguageModelToolResult> {
    try {
      const { journal, call } = await this.call(options.input, true);
      const used = journalUsed(this.services, journal);
      if (call.kind === 'read') return textResult(JSON.stringify(await call.answer(), null, 1), used);
      const applied = await this.services.editor.applyQuietly(journal, call.intent.reads, call.intent.plan);
      if (!applied.ok) throw new ToolError(refusalText(applied.problems));
      this.services.log.info(`assistant tool ${this.name}: ${call.intent.title}`);
      return textResult(`Done: ${call.intent.title}.\n\n${describeChanges(applied.changes, applied.texts)}\n\n${JSON.stringify(call.intent.done(applied.result))}`, used);
    } catch (e) {
      throw toolFailure(e);
    }
  }
}

export function activate(context: vscode.ExtensionContext, services: Services): { tools: Map<string, vscode.LanguageModelTool<unknown>> } {
  const journals = new JournalChoice(services);
  const tools = new Map<string, vscode.LanguageModelTool<unknown>>(TOOL_SPECS.map((spec) => [spec.name, new DebriefTool(spec.name, services, journals)]));
  // Hosts older than the language model tools API run Debrief without them.
  if (typeof vscode.lm?.registerTool !== 'function') return { tools: new Map() };
  for (const [name, tool] of tools) context.subscriptions.push(vscode.lm.registerTool(name, tool));
  return { tools };
}
