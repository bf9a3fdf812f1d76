import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

/** An MCP client talking to `debrief mcp <folder>` over stdio, as an assistant would. */
async function connect(folder: string, ...args: string[]): Promise<Client> {
  const client = new Client({ name: 'debrief-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', folder, '--today', '2025-12-01', ...args], stderr: 'ignore' }));
  return client;
}

const textOf = (r: object) => ((r as { content?: { text?: string }[] }).content ?? []).map((c) => c.text ?? '').join('');

describe('cli: mcp', function () {
  this.timeout(30_000);
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'debrief-mcp-'));
    cpSync(join(root, 'demo'), folder, { recursive: true });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('lists the tools, answers a read, writes through the same edits, and returns a bad argument as an error result', async () => {
    const client = await connect(folder);
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((t) => t.name === 'debrief_list_weaknesses' && t.annotations?.readOnlyHint === true));
      assert.ok(client.getInstructions()?.includes(`the one of the workspace folder ${folder} (its debrief/ folder)`), `the journal served named: ${client.getInstructions()}`);
      assert.ok(tools.some((t) => t.name === 'debrief_record_feedback' && t.annotations?.readOnlyHint === false));
      const weaknesses = JSON.parse(textOf(await client.callTool({ name: 'debrief_list_weaknesses', arguments: {} })));
      assert.equal(weaknesses.today, '2025-12-01');
      assert.equal(weaknesses.weaknesses[0].id, 'capacity-estimates', 'what holds the demo back most');
      // The demo's next interview: Globex's system-design round on 3 Dec. The demo holds eight
      // system-design rounds since 5 Jun (18 Jul to 14 Nov), and each cited capacity-estimates.
      const brief = JSON.parse(textOf(await client.callTool({ name: 'debrief_prepare_interview', arguments: {} })));
      assert.deepEqual([brief.interview.id, brief.next.roundType, brief.next.date], ['globex-senior-platform', 'system-design', '2025-12-03']);
      assert.equal(brief.likely.weaknesses[0].id, 'capacity-estimates');
      assert.deepEqual(brief.likely.weaknesses[0].reasons[0], { kind: 'round-type', roundType: 'system-design', seen: 8, of: 8, text: 'surfaced in each of your last 8 system-design rounds' });
      assert.equal(brief.reread.shown.find((n: { path: string }) => n.path === 'notes/capacity-estimates.md')?.state.excerpt, 'Back-of-the-envelope estimates', 'the note read from the folder');
      const file = join(folder, 'debrief', 'interviews', 'hooli-sre.yaml');
      const before = readFileSync(file, 'utf8');
      const written = await client.callTool({ name: 'debrief_record_feedback', arguments: { interview: 'hooli-sre', received: '2025-11-30', summary: 'Went with someone more senior.', weaknesses: ['capacity-estimates'] } });
      assert.equal(written.isError, undefined, textOf(written));
      const after = readFileSync(file, 'utf8');
      assert.ok(after.startsWith(before.split('\n')[0] + '\n'), 'the comment line stays');
      assert.equal(parse(after).feedback.summary, 'Went with someone more senior.');
      const bad = await client.callTool({ name: 'debrief_record_feedback', arguments: { interview: 'hooli-sre', received: '2025-02-30', summary: 1 } });
      assert.equal(bad.isError, true);
      assert.match(textOf(bad), /`received` must be a date that exists[\s\S]*`summary` must be a string/);
      assert.equal(readFileSync(file, 'utf8'), after, 'nothing written');
    } finally {
      await client.close();
    }
  });

  it('offers only the reading tools with --read-only, and refuses a write all the same', async () => {
    const client = await connect(folder, '--read-only');
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.length >= 5);
      assert.ok(tools.every((t) => t.annotations?.readOnlyHint === true), tools.map((t) => t.name).join(', '));
      const r = await client.callTool({ name: 'debrief_add_weakness', arguments: { title: 'x' } });
      assert.equal(r.isError, true);
      assert.match(textOf(r), /read only/);
    } finally {
      await client.close();
    }
  });
});
