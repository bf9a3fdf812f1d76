import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { runToolOnDisk } from '../../src/cli/mcp';
import { NodeFileSystem } from '../../src/adapters/node-fs';
import { checkInput } from '../../src/core/assistant/input';
import { allowedTools, TOOL_SPECS } from '../../src/core/assistant/specs';
import { callTool, describeChanges, HANDLED_TOOLS, ToolError } from '../../src/core/assistant/tools';
import { buildBrief } from '../../src/core/brief/brief';
import { readBriefNotes } from '../../src/core/brief/notes';
import { insightsModel } from '../../src/core/insights';
import { DiskJournal } from '../../src/core/journal/disk-journal';
import { loadJournal } from '../../src/core/journal/load';
import { MemoryFileSystem } from '../../src/core/memory-fs';
import { applyToFileSystem, readTexts } from '../../src/core/plans/apply-to-fs';
import { planRecordFeedback } from '../../src/core/plans/record-feedback';
import { applyEdits } from '../../src/core/yaml/text-edits';
import { reminders } from '../../src/core/reminders';
import { rankWeaknesses } from '../../src/core/progress/weaknesses';
import { journalStats } from '../../src/core/stats';

const TODAY = '2025-03-10';
const WEAKNESSES = `# my weaknesses
weaknesses:
  - id: thinking-aloud
    title: Going silent while solving
    category: communication
    improvements:
      - id: narrate
        action: Narrate three mock interviews   # the plan
        status: doing
        due: 2025-03-01
`;
const ACME = `# Acme: a hand-written file
id: acme-backend
company: Acme
role: Backend Engineer
applied: 2025-02-01
outcome: rejected
rounds:
  - type: coding
    date: 2025-02-10
    interviewers: [Tom]
feedback:
  requested: 2025-02-12
`;

function workspace(extra: Record<string, string> = {}): MemoryFileSystem {
  return new MemoryFileSystem({ 'debrief/weaknesses.yaml': WEAKNESSES, 'debrief/interviews/acme-backend.yaml': ACME, ...extra });
}

async function tool(fs: MemoryFileSystem, name: string, input: unknown, access: 'read-write' | 'read-only' = 'read-write') {
  const journal = new DiskJournal(fs, 'debrief');
  const r = await runToolOnDisk(journal, fs, name, input, { access, today: () => TODAY, feedbackFollowUpDays: 7 });
  const text = r.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  return { error: r.isError === true, text };
}

/** A read tool's answer, as the model receives it (before JSON). */
async function answer<T>(name: string, input: unknown, ctx: Parameters<typeof callTool>[2]): Promise<T> {
  const call = callTool(name, input, ctx, 'read-only');
  assert.equal(call.kind, 'read', `${name} reads`);
  return (await (call as { answer(): Promise<unknown> }).answer()) as T;
}

describe('assistant tools: specs', () => {
  it('has a handler for every tool and a tool for every handler, reads and writes named as such', () => {
    assert.deepEqual([...HANDLED_TOOLS].sort(), TOOL_SPECS.map((t) => t.name).sort());
    for (const t of TOOL_SPECS) {
      assert.match(t.name, /^debrief_[a-z_]+$/);
      assert.ok(t.modelDescription.length > 80, `${t.name} explains itself to a model`);
      assert.equal((t.inputSchema as { additionalProperties?: boolean }).additionalProperties, false, `${t.name} refuses unknown inputs`);
    }
    assert.deepEqual(allowedTools('read-only').map((t) => t.kind), allowedTools('read-only').map(() => 'read'));
    assert.equal(allowedTools('off').length, 0);
    assert.equal(allowedTools('read-write').length, TOOL_SPECS.length);
  });
});

describe('assistant tools: input', () => {
  const bad: [string, unknown, RegExp][] = [
    ['debrief_get_interview', {}, /`id` is required/],
    ['debrief_get_interview', { id: 42 }, /`id` must be a string/],
    ['debrief_get_interview', { id: 'Acme Backend' }, /`id` must be an id/],
    ['debrief_get_interview', { id: 'acme', extra: 1 }, /`extra` is not an input of debrief_get_interview; the inputs are id/],
    ['debrief_record_feedback', { interview: 'acme-backend', received: '2025-02-30', summary: 'x' }, /`received` must be a date that exists, written YYYY-MM-DD/],
    ['debrief_record_feedback', { interview: 'acme-backend', received: '10/03/2025', summary: 'x' }, /`received` must be a date that exists/],
    ['debrief_record_feedback', { interview: 'acme-backend', received: '2025-03-01', summary: '   ' }, /`summary` must not be blank/],
    ['debrief_record_feedback', { interview: 'acme-backend', received: '2025-03-01', summary: 'ok\u0007' }, /`summary` holds a control character/],
    ['debrief_record_feedback', { interview: 'acme-backend', received: '2025-03-01', summary: 'ok', quotes: ['a\u001b[31m'] }, /`quotes\[0\]` holds a control character/],
    ['debrief_record_interview', { company: 'A\nB', role: 'Dev', date: '2025-03-01' }, /`company` must be one line/],
    ['debrief_record_interview', { company: 'A', role: 'Dev', date: '2025-03-01', round: { type: 'lunch' } }, /`round.type` must be one of recruiter, coding/],
    ['debrief_record_interview', { company: 'A', role: 'Dev', date: '2025-03-01', round: { type: 'coding', rating: 9 } }, /`round.rating` must be at most 5/],
    ['debrief_record_interview', { company: 'x'.repeat(201), role: 'Dev', date: '2025-03-01' }, /`company` must be at most 200 characters/],
    ['debrief_list_interviews', { outcome: 'rejected' }, /`outcome` must be a list/],
    ['debrief_link_note', { weakness: 'thinking-aloud', improvement: 'narrate', note: 'notes/x.txt' }, /`note` must be a workspace-relative path ending in .md/],
    ['debrief_due', { days: 2.5 }, /`days` must be a whole number/],
  ];
  for (const [name, input, message] of bad) {
    it(`refuses ${name} ${JSON.stringify(input).slice(0, 60)}`, () => {
      const r = checkInput(name, input);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.match(r.message, message);
        assert.match(r.message, /nothing was written/);
      }
    });
  }

  it('accepts free text carrying YAML syntax, and stores it as the very same string', async () => {
    const fs = workspace();
    const summary = 'key: value, - item, [flow], {map}, &anchor *alias !tag # not a comment | > "quoted" \'single\' %directive @at `tick`';
    const quote = '---\n...\n- a list? no: text';
    const r = await tool(fs, 'debrief_record_feedback', { interview: 'acme-backend', received: '2025-03-01', summary, quotes: [quote] });
    assert.equal(r.error, false, r.text);
    const data = parse(fs.readText('debrief/interviews/acme-backend.yaml'));
    assert.equal(data.feedback.summary, summary);
    assert.deepEqual(data.feedback.quotes, [quote]);
    assert.match(fs.readText('debrief/interviews/acme-backend.yaml'), /^# Acme: a hand-written file\n/);
  });

  it('never throws anything but a ToolError, and writes only what reads back without a problem (random input)', () => {
    const index = workspace();
    return loadJournal(index, 'debrief').then((journal) => {
      const names = TOOL_SPECS.map((t) => t.name);
      return fc.assert(fc.asyncProperty(fc.constantFrom(...names), fc.oneof(fc.object(), fc.anything(), fc.record({ id: fc.string(), company: fc.string(), role: fc.string(), date: fc.string(), interview: fc.string(), received: fc.string(), summary: fc.string(), weakness: fc.string(), title: fc.string(), action: fc.string(), status: fc.string(), target: fc.constantFrom('interview', 'weakness', 'improvement') }, { requiredKeys: [] })), async (name, input) => {
        try {
          const call = callTool(name, input, { index: journal, today: TODAY, feedbackFollowUpDays: 7, fs: index }, 'read-write');
          if (call.kind === 'read') return JSON.stringify(await call.answer()) !== undefined;
          const texts = new Map<string, string | undefined>(call.intent.reads.map((p) => [p, p === 'debrief/weaknesses.yaml' ? WEAKNESSES : p.endsWith('acme-backend.yaml') ? ACME : undefined]));
          const plan = call.intent.plan(texts);
          if (!plan.ok) return plan.problems.length > 0;
          for (const c of plan.changes) {
            const after = c.kind === 'create' ? c.text : c.kind === 'edit' ? applyEdits(texts.get(c.path)!, c.edits) : '';
            if (c.path.endsWith('.yaml')) parse(after);
          }
          return true;
        } catch (e) {
          if (e instanceof ToolError) return e.message.length > 0;
          throw e;
        }
      }), { numRuns: Number(process.env.DEBRIEF_PROPERTY_RUNS ?? 300) });
    });
  });
});

describe('assistant tools: reads say what the views say', () => {
  it('lists weaknesses in the order and words of the progress model, and progress in the words of Insights', async () => {
    const demo = await loadJournal(new NodeFileSystem(path.resolve('demo')), 'debrief');
    const today = '2025-12-01';
    const ctx = { index: demo, today, feedbackFollowUpDays: 7 };
    const ranked = rankWeaknesses(journalStats(demo, today).weaknesses);
    const got = (await answer<{ weaknesses: { id: string; trend: string; didTheWorkPayOff: string }[] }>('debrief_list_weaknesses', {}, ctx)).weaknesses;
    assert.deepEqual(got.map((w) => w.id), ranked.map((w) => w.id));
    assert.deepEqual(got.map((w) => [w.trend, w.didTheWorkPayOff]), ranked.map((w) => [w.trendText, w.verdictText]));
    const progress = await answer<{ answers: Record<string, { answer: string }> }>('debrief_progress', {}, ctx);
    const model = insightsModel(demo, today);
    for (const s of model.sections) assert.equal(progress.answers[s.id].answer, s.answer, s.id);
    const due = await answer<{ due: { what: string }[] }>('debrief_due', { days: 7 }, ctx);
    assert.deepEqual(due.due.map((d) => d.what), reminders(demo, today, { feedbackFollowUpDays: 7, soonDays: 7 }).map((r) => r.title));
    const rejected = await answer<{ interviews: { id: string; outcome: string }[] }>('debrief_list_interviews', { outcome: ['rejected'], company: 'ACME' }, ctx);
    assert.deepEqual(rejected.interviews.map((i) => i.id), demo.interviews().filter((i) => i.outcome === 'rejected' && /acme/i.test(i.company)).map((i) => i.id));
  });

  it('says which id was meant when one is unknown, and what the user set when a tool is not allowed', async () => {
    const fs = workspace();
    const r = await tool(fs, 'debrief_get_interview', { id: 'acme-backen' });
    assert.equal(r.error, true);
    assert.match(r.text, /No interview "acme-backen"\. Did you mean "acme-backend"\?/);
    const ro = await tool(fs, 'debrief_add_weakness', { title: 'Nervous' }, 'read-only');
    assert.equal(ro.error, true);
    assert.match(ro.text, /read only \(setting debrief\.assistant\.tools\)/);
    assert.equal(fs.readText('debrief/weaknesses.yaml'), WEAKNESSES, 'nothing written');
    const none = await tool(fs, 'debrief_delete_everything', {});
    assert.match(none.text, /There is no Debrief tool "debrief_delete_everything"/);
  });
});

describe('assistant tools: the brief for an interview', () => {
  const NEXT = `id: acme-platform
company: ACME
role: Senior Backend Engineer
applied: 2025-03-01
outcome: pending
rounds:
  - type: coding
    date: 2025-03-12
`;
  const NOTED = WEAKNESSES.replace('        due: 2025-03-01\n', '        due: 2025-03-01\n        notes: [notes/narrate.md, ../outside.md]\n');

  it('returns the brief the page shows, the next interview by default, its notes read inside the workspace only', async () => {
    const fs = new MemoryFileSystem({
      'debrief/weaknesses.yaml': NOTED, 'debrief/interviews/acme-backend.yaml': ACME.replace('    interviewers: [Tom]\n', '    interviewers: [Tom]\n    questions: [Reverse a list]\n') + 'weaknesses:\n  - weakness: thinking-aloud\n    round: 1\n',
      'debrief/interviews/acme-platform.yaml': NEXT, 'notes/narrate.md': '# Narrate every step\n',
    });
    const r = await tool(fs, 'debrief_prepare_interview', {});
    assert.equal(r.error, false, r.text);
    const got = JSON.parse(r.text);
    const index = await loadJournal(fs, 'debrief');
    const expected = await readBriefNotes(buildBrief(index, index.interview('acme-platform')!, TODAY), fs);
    assert.deepEqual(got, JSON.parse(JSON.stringify(expected, (k, v: unknown) => (k === 'line' ? undefined : v))), 'the core\'s brief, without line numbers');
    assert.equal(got.interview.id, 'acme-platform', 'the next interview: its coding round is in two days');
    // Acme's coding round of 10 Feb (28 days: 1) × same kind 1 × same company, in any case, 2.
    assert.deepEqual(got.likely.weaknesses.map((w: { id: string; score: number }) => [w.id, w.score]), [['thinking-aloud', 2]]);
    assert.deepEqual(got.likely.weaknesses[0].reasons.map((x: { text: string }) => x.text), ['surfaced in your last coding round', 'came up at ACME before, in a coding round (10 Feb)']);
    assert.deepEqual(got.questions.shown.map((q: { text: string }) => q.text), ['Reverse a list']);
    assert.deepEqual(got.reread.shown.map((n: { path: string; state: { kind: string; excerpt?: string } }) => [n.path, n.state.kind, n.state.excerpt]), [['notes/narrate.md', 'read', 'Narrate every step'], ['../outside.md', 'refused', undefined]]);
    assert.match(got.reread.shown[1].state.reason, /leaves the workspace/);
    assert.ok(!r.text.includes('"line"'));
  });

  it('prepares the interview named, for the kind of round given, and says which id was meant', async () => {
    const fs = workspace({ 'debrief/interviews/acme-platform.yaml': NEXT });
    const named = JSON.parse((await tool(fs, 'debrief_prepare_interview', { interview: 'acme-backend', roundType: 'behavioral' })).text);
    assert.deepEqual([named.interview.id, named.next.roundType, named.next.roundTypeFrom], ['acme-backend', 'behavioral', 'chosen']);
    const unknown = await tool(fs, 'debrief_prepare_interview', { interview: 'acme-platfrom' });
    assert.equal(unknown.error, true);
    assert.match(unknown.text, /No interview "acme-platfrom"\. Did you mean "acme-platform"\?/);
    const bad = await tool(fs, 'debrief_prepare_interview', { roundType: 'lunch' });
    assert.match(bad.text, /`roundType` must be one of recruiter, coding/);
    const empty = await tool(new MemoryFileSystem({}), 'debrief_prepare_interview', {});
    assert.match(empty.text, /There is no interview in the journal yet/);
  });
});

describe('assistant tools: writes are the commands\' plans', () => {
  it('records feedback exactly as Record Feedback would, comments and all', async () => {
    const fs = workspace();
    const input = { interview: 'acme-backend', received: '2025-03-01', summary: 'Hard to follow.', quotes: ['We did not know what you were thinking.'], weaknesses: ['thinking-aloud'], newWeaknesses: ['Rushed the edge cases'] };
    const expected = planRecordFeedback(new Map([['debrief/interviews/acme-backend.yaml', ACME], ['debrief/weaknesses.yaml', WEAKNESSES]]), 'debrief/interviews/acme-backend.yaml', 'debrief/weaknesses.yaml', {
      received: input.received, summary: input.summary, quotes: input.quotes, weaknesses: { existing: input.weaknesses, created: input.newWeaknesses },
    });
    assert.ok(expected.ok);
    const r = await tool(fs, 'debrief_record_feedback', input);
    assert.equal(r.error, false, r.text);
    for (const c of expected.changes) {
      assert.equal(c.kind, 'edit');
      if (c.kind === 'edit') assert.equal(fs.readText(c.path), applyEdits(c.path.endsWith('weaknesses.yaml') ? WEAKNESSES : ACME, c.edits), c.path);
    }
    assert.match(r.text, /^Done: Record the feedback from Acme, Backend Engineer, received 2025-03-01\./);
    assert.match(r.text, /\*\*Edit\*\* `debrief\/interviews\/acme-backend\.yaml`/);
  });

  it('records an interview, adds a weakness and an item, sets statuses and links a note; each says what it did', async () => {
    const fs = workspace();
    const rec = await tool(fs, 'debrief_record_interview', { company: 'Globex', role: 'SRE', date: '2025-03-05', outcome: 'pending', round: { type: 'system-design', interviewers: ['Ana Ruiz'], rating: 2, wentBadly: 'No estimates' }, weaknesses: ['thinking-aloud'] });
    assert.equal(rec.error, false, rec.text);
    const iv = parse(fs.readText('debrief/interviews/globex-sre.yaml'));
    assert.deepEqual({ company: iv.company, role: iv.role, outcome: iv.outcome, round: iv.rounds[0], cited: iv.weaknesses[0].weakness }, {
      company: 'Globex', role: 'SRE', outcome: 'pending', round: { type: 'system-design', date: '2025-03-05', interviewers: ['Ana Ruiz'], rating: 2, 'went-badly': 'No estimates' }, cited: 'thinking-aloud',
    });
    const w = await tool(fs, 'debrief_add_weakness', { title: 'No load estimates', category: 'system-design' });
    assert.match(w.text, /"weakness":"no-load-estimates"/);
    const item = await tool(fs, 'debrief_add_improvement', { weakness: 'no-load-estimates', action: 'Estimate first', due: '2025-04-01' });
    assert.match(item.text, /"improvement":"estimate-first"/);
    assert.equal((await tool(fs, 'debrief_set_status', { target: 'improvement', weakness: 'no-load-estimates', improvement: 'estimate-first', status: 'done' })).error, false);
    assert.equal((await tool(fs, 'debrief_set_status', { target: 'weakness', weakness: 'no-load-estimates', status: 'improving' })).error, false);
    assert.equal((await tool(fs, 'debrief_set_status', { target: 'interview', interview: 'globex-sre', status: 'rejected' })).error, false);
    const wrong = await tool(fs, 'debrief_set_status', { target: 'weakness', weakness: 'no-load-estimates', status: 'rejected' });
    assert.match(wrong.text, /"rejected" is not a weakness status; use one of suspected, confirmed, improving, resolved/);
    const missing = await tool(fs, 'debrief_link_note', { weakness: 'no-load-estimates', improvement: 'estimate-first', note: 'notes/estimates.md' });
    assert.match(missing.text, /notes\/estimates\.md does not exist\. Pass create: true/);
    const linked = await tool(fs, 'debrief_link_note', { weakness: 'no-load-estimates', improvement: 'estimate-first', note: 'notes/estimates.md', create: true });
    assert.equal(linked.error, false, linked.text);
    assert.match(fs.readText('notes/estimates.md'), /^# Estimates\n/);
    const outside = await tool(fs, 'debrief_link_note', { weakness: 'no-load-estimates', improvement: 'estimate-first', note: '../secrets.md', create: true });
    assert.match(outside.text, /The note path "\.\.\/secrets\.md" leaves the workspace/);
    const absolute = await tool(fs, 'debrief_link_note', { weakness: 'no-load-estimates', improvement: 'estimate-first', note: '/etc/motd.md', create: true });
    assert.match(absolute.text, /is absolute/);
    const data = parse(fs.readText('debrief/weaknesses.yaml'));
    const added = data.weaknesses[1];
    assert.deepEqual({ status: added.status, item: added.improvements[0] }, { status: 'improving', item: { id: 'estimate-first', action: 'Estimate first', status: 'done', due: '2025-04-01', done: TODAY, notes: ['notes/estimates.md'] } });
    assert.equal(parse(fs.readText('debrief/interviews/globex-sre.yaml')).outcome, 'rejected');
    assert.match(fs.readText('debrief/weaknesses.yaml'), /action: Narrate three mock interviews {3}# the plan/, 'comments stay');
  });

  it('never reads a journal file linked from outside the workspace, nor writes through a linked folder', async () => {
    const fs = workspace();
    fs.symlinkSync('debrief/interviews/stolen.yaml', '/home/someone/secret.yaml');
    fs.symlinkSync('notes', '/tmp/elsewhere');
    const listed = await tool(fs, 'debrief_list_interviews', {});
    assert.deepEqual(JSON.parse(listed.text).interviews.map((i: { id: string }) => i.id), ['acme-backend'], 'the linked file gives no record');
    const before = fs.readText('debrief/weaknesses.yaml');
    const r = await tool(fs, 'debrief_link_note', { weakness: 'thinking-aloud', improvement: 'narrate', note: 'notes/new.md', create: true });
    assert.equal(r.error, true);
    assert.match(r.text, /Nothing was written\. notes\/new\.md:1:1: .*outside/i);
    assert.equal(fs.readText('debrief/weaknesses.yaml'), before);
  });

  it('refuses to write a file that does not parse, and says where', async () => {
    const fs = workspace({ 'debrief/interviews/broken.yaml': 'id: broken\ncompany: [unclosed\n' });
    const before = fs.readText('debrief/interviews/broken.yaml');
    const r = await tool(fs, 'debrief_set_status', { target: 'interview', interview: 'broken', status: 'rejected' });
    assert.equal(r.error, true);
    assert.match(r.text, /Nothing was written|No interview "broken"/);
    assert.equal(fs.readText('debrief/interviews/broken.yaml'), before);
  });
});

describe('plans on a file system', () => {
  it('keeps a byte order mark, refuses a file changed since it was read, and never overwrites', async () => {
    const fs = new MemoryFileSystem({ 'a.yaml': '\ufeffid: a\n', 'b.yaml': 'x: 1\n' });
    const read = await readTexts(fs, ['a.yaml', 'b.yaml', 'c.yaml']);
    assert.ok(read.ok);
    if (!read.ok) return;
    assert.equal(read.texts.get('a.yaml'), 'id: a\n');
    assert.equal(read.texts.get('c.yaml'), undefined);
    const edit = { kind: 'edit' as const, path: 'a.yaml', edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'k: v\n' }] };
    assert.deepEqual(await applyToFileSystem(fs, [edit, { kind: 'create', path: 'dir/c.yaml', text: 'c: 1\n' }], read), { ok: true });
    assert.deepEqual([...(await fs.readFile('a.yaml')).slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await fs.readFile('a.yaml')), '\ufeffid: a\nk: v\n');
    assert.equal(fs.readText('dir/c.yaml'), 'c: 1\n');
    await fs.writeFile('b.yaml', new TextEncoder().encode('x: 2\n'));
    const stale = await applyToFileSystem(fs, [{ kind: 'edit', path: 'b.yaml', edits: [] }], read);
    assert.equal(stale.ok, false);
    if (!stale.ok) assert.match(stale.problems[0].message, /b\.yaml changed while the change was prepared; nothing was written/);
    const again = await applyToFileSystem(fs, [{ kind: 'create', path: 'dir/c.yaml', text: 'other\n' }], read);
    assert.equal(again.ok, false);
    assert.equal(fs.readText('dir/c.yaml'), 'c: 1\n');
    const binary = new MemoryFileSystem({ 'bad.yaml': new Uint8Array([0x69, 0x64, 0x3a, 0xff]) });
    const r = await readTexts(binary, ['bad.yaml']);
    assert.equal(r.ok, false);
  });

  it('describes a change for the user to confirm: the file and the lines written', () => {
    const text = 'a: 1\nb: 2\n';
    const md = describeChanges([{ kind: 'edit', path: 'x.yaml', edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'c: "```"\n' }] }, { kind: 'create', path: 'y.yaml', text: 'z: 1\n' }], new Map([['x.yaml', text]]));
    assert.match(md, /\*\*Edit\*\* `x\.yaml` at line 2:\n\n````yaml\nc: "```"\n/);
    assert.match(md, /\*\*Create\*\* `y\.yaml`:\n\n```yaml\nz: 1\n```/);
  });

  it('follows the disk between calls: a file changed, added or removed by someone else', async () => {
    const fs = workspace();
    const journal = new DiskJournal(fs, 'debrief');
    await journal.refresh();
    assert.equal(journal.index.interviews().length, 1);
    fs.writeFileSync('debrief/interviews/b.yaml', 'id: b\ncompany: B\nrole: Dev\n');
    assert.deepEqual(await journal.refresh(), ['debrief/interviews/b.yaml']);
    await fs.delete('debrief/interviews/acme-backend.yaml');
    assert.deepEqual(await journal.refresh(), ['debrief/interviews/acme-backend.yaml']);
    assert.deepEqual(journal.index.interviews().map((i) => i.id), ['b']);
    assert.deepEqual(await journal.refresh(), [], 'nothing read again when nothing changed');
  });
});

describe('the one writer and hard links', () => {
  it('reads a file hard-linked from outside the workspace but writes through no tool into it', async () => {
    const disk = new MemoryFileSystem({
      'elsewhere/weaknesses.yaml': 'weaknesses:\n  - id: rambling\n    title: Rambling\n',
      'ws/debrief/interviews/acme.yaml': 'id: acme\ncompany: Acme\nrole: Dev\n',
    });
    disk.hardLinkSync('ws/debrief/weaknesses.yaml', 'elsewhere/weaknesses.yaml');
    const fs = disk.at('ws');
    const journal = new DiskJournal(fs, 'debrief');
    const listed = await runToolOnDisk(journal, fs, 'debrief_list_weaknesses', {}, { access: 'read-write', today: () => '2025-12-01', feedbackFollowUpDays: 7 });
    assert.match(JSON.stringify(listed), /rambling/, 'read');
    const added = await runToolOnDisk(journal, fs, 'debrief_add_weakness', { title: 'Nervous start' }, { access: 'read-write', today: () => '2025-12-01', feedbackFollowUpDays: 7 });
    assert.equal(added.isError, true);
    assert.match(JSON.stringify(added.content), /debrief\/weaknesses\.yaml has 2 names \(hard links\): Debrief reads it but does not write it/);
    assert.equal(disk.readText('elsewhere/weaknesses.yaml'), 'weaknesses:\n  - id: rambling\n    title: Rambling\n');
  });
});
