/**
 * The tools Debrief offers AI assistants, from `schemas/assistant-tools.json` (the one source: VS Code's
 * `contributes.languageModelTools` must match it, and `debrief mcp` lists it).
 */
import spec from '../../../schemas/assistant-tools.json';

export type ToolKind = 'read' | 'write';

export interface ToolSpec {
  name: string;
  displayName: string;
  toolReferenceName: string;
  userDescription: string;
  modelDescription: string;
  kind: ToolKind;
  inputSchema: Record<string, unknown>;
}

/** What the assistant may do: everything, only read, or nothing (the setting `debrief.assistant.tools`). */
export type AssistantAccess = 'read-write' | 'read-only' | 'off';
export const ASSISTANT_ACCESS: readonly AssistantAccess[] = ['read-write', 'read-only', 'off'];

export const TOOL_SPECS: readonly ToolSpec[] = spec.tools as ToolSpec[];

export function toolSpec(name: string): ToolSpec | undefined {
  return TOOL_SPECS.find((t) => t.name === name);
}

/** The tools a level of access allows. */
export function allowedTools(access: AssistantAccess): ToolSpec[] {
  return access === 'off' ? [] : TOOL_SPECS.filter((t) => access === 'read-write' || t.kind === 'read');
}

/** Why a tool cannot be used at this level of access, in words a model can act on; undefined when it can. */
export function accessRefusal(name: string, access: AssistantAccess): string | undefined {
  const t = toolSpec(name);
  if (!t) return `There is no Debrief tool "${name}". The tools are ${TOOL_SPECS.map((x) => x.name).join(', ')}.`;
  if (access === 'off') return 'The Debrief tools are turned off by the user (setting debrief.assistant.tools). Do not retry; tell the user.';
  if (access === 'read-only' && t.kind === 'write') return `${name} writes to the journal, and the user allows Debrief's tools to read only (setting debrief.assistant.tools). Tell the user what you would record instead.`;
  return undefined;
}
