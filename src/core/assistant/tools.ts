/**
 * One call of an assistant tool, the same in VS Code and in `debrief mcp`: access, then the input
 * (schema and text), then the journal (ids that exist), then either the answer of a read or the plan
 * of a write for the caller to show and apply.
 */
import { filesNotRead } from '../journal/load';
import type { FileChange, Texts } from '../plans/plan';
import type { Problem } from '../problems';
import { applyEdits } from '../yaml/text-edits';
import { checkInput } from './input';
import { due, getInterview, listInterviews, listWeaknesses, prepareInterview, progress, ReadContext, ToolError } from './reads';
import { accessRefusal, AssistantAccess, toolSpec } from './specs';
import {
  addImprovementIntent, addWeaknessIntent, linkNoteIntent, recordFeedback, recordInterview, setStatus, WriteContext, WriteIntent,
} from './writes';

export { ToolError } from './reads';
export type { WriteIntent } from './writes';

export type ToolContext = ReadContext & WriteContext;

export type ToolCall =
  /** A read, answered when asked (some read files, such as the brief's study notes). */
  | { kind: 'read'; answer(): Promise<unknown> }
  | { kind: 'write'; intent: WriteIntent };

/* eslint-disable @typescript-eslint/no-explicit-any -- the input has been checked against the tool's schema */
const READS: Record<string, (ctx: ReadContext, input: any) => unknown> = {
  debrief_list_interviews: listInterviews,
  debrief_get_interview: getInterview,
  debrief_list_weaknesses: (ctx) => listWeaknesses(ctx),
  debrief_progress: progress,
  debrief_due: due,
  debrief_prepare_interview: prepareInterview,
};

const WRITES: Record<string, (ctx: WriteContext, input: any) => WriteIntent> = {
  debrief_record_interview: recordInterview,
  debrief_record_feedback: recordFeedback,
  debrief_add_weakness: addWeaknessIntent,
  debrief_add_improvement: addImprovementIntent,
  debrief_set_status: setStatus,
  debrief_link_note: linkNoteIntent,
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Every tool of the specs has a handler, and every handler a spec (a unit test checks). */
export const HANDLED_TOOLS: readonly string[] = [...Object.keys(READS), ...Object.keys(WRITES)];

/** Checks and runs a tool call; throws a ToolError whose message says what to change. */
export function callTool(name: string, input: unknown, ctx: ToolContext, access: AssistantAccess): ToolCall {
  const refusal = accessRefusal(name, access);
  if (refusal) throw new ToolError(refusal);
  const checked = checkInput(name, input);
  if (!checked.ok) throw new ToolError(checked.message);
  const spec = toolSpec(name)!;
  if (spec.kind === 'read') return { kind: 'read', answer: async () => withFilesNotRead(await READS[name](ctx, checked.value), ctx) };
  return { kind: 'write', intent: WRITES[name](ctx, checked.value) };
}

/**
 * A read's answer, and the journal files that were not read at all (a link out of the workspace, a
 * pipe, too large…), so that the assistant knows the answer leaves them out, as `debrief validate` and
 * the views say.
 */
function withFilesNotRead(result: unknown, ctx: ReadContext): unknown {
  const notRead = filesNotRead(ctx.index);
  if (!notRead.length || !result || typeof result !== 'object') return result;
  return { ...result, filesNotRead: notRead.slice(0, 20).map((p) => ({ file: p.file, why: p.message })), ...(notRead.length > 20 ? { moreFilesNotRead: notRead.length - 20 } : {}) };
}

/** A refused plan in words a model can act on: where and what, for each problem. */
export function refusalText(problems: readonly Problem[]): string {
  const lines = problems.slice(0, 5).map((p) => `${p.file ? `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ` : ''}${p.message}`);
  return `Nothing was written. ${lines.join('\n')}${problems.length > 5 ? `\n(and ${problems.length - 5} more)` : ''}`;
}

/**
 * What a plan changes, in Markdown for the user to confirm: each file, created or edited, with the
 * lines it adds or replaces (at most a few lines each, so that the confirmation stays readable).
 */
export function describeChanges(changes: readonly FileChange[], texts: Texts, maxLines = 12): string {
  const fence = (text: string) => {
    const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
    const shown = lines.slice(0, maxLines).join('\n') + (lines.length > maxLines ? `\n… (${lines.length - maxLines} more lines)` : '');
    const ticks = '`'.repeat(Math.max(3, ...(shown.match(/`+/g) ?? []).map((m) => m.length + 1)));
    return `${ticks}yaml\n${shown}\n${ticks}`;
  };
  const out: string[] = [];
  for (const c of changes) {
    if (c.kind === 'create') out.push(`**Create** \`${c.path}\`:\n\n${fence(c.text)}`);
    else if (c.kind === 'delete') out.push(`**Delete** \`${c.path}\``);
    else {
      const before = texts.get(c.path) ?? '';
      const after = applyEdits(before, c.edits);
      const first = Math.min(...c.edits.map((e) => e.range.start.line));
      const lines = (t: string) => t.split('\n').length;
      const added = lines(after) - lines(before);
      const lastEdited = Math.max(...c.edits.map((e) => e.range.end.line)) + Math.max(0, added);
      const excerpt = after.replace(/\r\n/g, '\n').split('\n').slice(first, lastEdited + 1).join('\n');
      out.push(`**Edit** \`${c.path}\` at line ${first + 1}:\n\n${fence(excerpt)}`);
    }
  }
  return out.join('\n\n') || 'No change: the journal already says so.';
}
