/**
 * `debrief mcp [folder]`: the journal's tools for any assistant that speaks the Model Context Protocol,
 * over stdio. The same tools, checks and plans as in VS Code (core/assistant), written straight to
 * the disk (core/plans/apply-to-fs) inside the workspace folder. No network: standard input and
 * output only; diagnostics go to standard error.
 */
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, CallToolResult, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { callTool, describeChanges, refusalText, ToolError } from '../core/assistant/tools';
import { allowedTools, AssistantAccess } from '../core/assistant/specs';
import type { FileSystem } from '../core/file-system';
import { DiskJournal } from '../core/journal/disk-journal';
import { applyToFileSystem, readTexts } from '../core/plans/apply-to-fs';

export interface McpOptions {
  fs: FileSystem;
  /** The workspace folder as given on the command line (`fs` is rooted there). */
  workspace: string;
  journalFolder: string;
  access: AssistantAccess;
  today(): string;
  feedbackFollowUpDays: number;
  version: string;
  stdin?: Readable;
  stdout?: Writable;
  log(text: string): void;
}

const text = (t: string, isError = false): CallToolResult => ({ content: [{ type: 'text', text: t }], ...(isError ? { isError: true } : {}) });

/** One tool call against the disk: read, or plan and write. */
export async function runToolOnDisk(journal: DiskJournal, fs: FileSystem, name: string, input: unknown, options: Pick<McpOptions, 'access' | 'today' | 'feedbackFollowUpDays'>): Promise<CallToolResult> {
  try {
    await journal.refresh();
    const today = options.today();
    const call = callTool(name, input, { index: journal.index, today, feedbackFollowUpDays: options.feedbackFollowUpDays, fs }, options.access);
    if (call.kind === 'read') return text(JSON.stringify(await call.answer(), null, 1));
    const { intent } = call;
    const read = await readTexts(fs, intent.reads);
    if (!read.ok) return text(refusalText(read.problems), true);
    const planned = intent.plan(read.texts);
    if (!planned.ok) return text(refusalText(planned.problems), true);
    const written = await applyToFileSystem(fs, planned.changes, read);
    if (!written.ok) return text(refusalText(written.problems), true);
    journal.touched(planned.changes.map((c) => c.path));
    return text(`Done: ${intent.title}.\n\n${describeChanges(planned.changes, read.texts)}\n\n${JSON.stringify(intent.done(planned.result))}`);
  } catch (e) {
    if (e instanceof ToolError) return text(e.message, true);
    return text(`Debrief could not do that: ${e instanceof Error ? e.message : String(e)}. Nothing was written.`, true);
  }
}

/** Serves until standard input closes. */
export async function serveMcp(options: McpOptions): Promise<void> {
  const journal = new DiskJournal(options.fs, options.journalFolder);
  const where = `${resolve(options.workspace)} (its ${options.journalFolder}/ folder)`;
  const server = new Server({ name: 'debrief', version: options.version }, {
    capabilities: { tools: {} },
    instructions: 'Debrief keeps the user\'s job interviews, the weaknesses they revealed and the work on them as YAML files. Read with the list and get tools before writing; write tools change files the user keeps in git, so record only what the user said. '
      + `This server reads and writes one journal only: the one of the workspace folder ${where}. When the user means another folder's journal, say which one this is; another folder needs its own server.`,
  });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: allowedTools(options.access).map((t) => ({
      name: t.name,
      title: t.displayName,
      description: t.modelDescription,
      inputSchema: t.inputSchema as { type: 'object' },
      annotations: { title: t.displayName, readOnlyHint: t.kind === 'read', destructiveHint: false, openWorldHint: false },
    })),
  }));
  // One call at a time: a write reads, plans and writes before the next call reads.
  let queue: Promise<unknown> = Promise.resolve();
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    const next = queue.then(() => runToolOnDisk(journal, options.fs, request.params.name, request.params.arguments, options));
    queue = next.catch(() => undefined);
    return next;
  });
  const stdin = options.stdin ?? process.stdin;
  const transport = new StdioServerTransport(stdin, options.stdout ?? process.stdout);
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    stdin.once('end', () => void server.close());
  });
  await server.connect(transport);
  options.log(`debrief mcp: serving the journal of ${where} (${options.access}) on stdio\n`);
  await closed;
}
