/**
 * The edit rule as a test oracle: each journal edit with the data change it intends, and the checks
 * that an edit made exactly that change (or was refused with a located problem).
 */
import * as assert from 'node:assert/strict';
import { CST, parseDocument } from 'yaml';
import * as I from '../../../src/core/edits/interview';
import { movedPath, renameNoteLinks } from '../../../src/core/edits/note-links';
import * as W from '../../../src/core/edits/weaknesses';
import type { Problem } from '../../../src/core/problems';
import { applyEdits, chain, EditResult } from '../../../src/core/yaml/text-edits';
import { comments, pairSources } from './yaml-styles';

export type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Op {
  name: string;
  run(text: string): EditResult;
  /** The data the edit intends, from the data before (a deep copy to change). */
  expect(data: Data): Data;
  /** Top-level keys the edit may touch; every other pair keeps its exact text. */
  touches: string[];
  /** Paths of the nodes the edit removes: their comments may go with them. */
  removes?: (string | number)[][];
}

/** A deep copy of plain objects and arrays; other values (dates, binary data) are shared, never changed. */
function clone<T>(d: T): T {
  if (Array.isArray(d)) return d.map(clone) as T;
  if (d !== null && typeof d === 'object' && Object.getPrototypeOf(d) === Object.prototype) return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, clone(v)])) as T;
  return d;
}

export function interviewOps(data: Data, seed: { date: string; text: string; id: string; n: number }): Op[] {
  const rounds: Data[] = Array.isArray(data.rounds) && data.rounds.every((r: unknown) => r !== null && typeof r === 'object') ? data.rounds : [];
  const cites: Data[] = Array.isArray(data.weaknesses) && data.weaknesses.every((c: unknown) => c !== null && typeof c === 'object') ? data.weaknesses : [];
  // A round as an invitation gives it, and the same keys as the file holds them.
  const invited = {
    date: seed.date, time: '14:30', timeZone: 'Europe/Berlin', duration: 90, location: seed.text, link: 'https://meet.google.com/abc-defg-hij',
    invitation: { uid: `${seed.id}@google.com`, sequence: 0 },
  };
  const invitedData = { date: seed.date, time: '14:30', timezone: 'Europe/Berlin', duration: 90, location: seed.text, link: invited.link, invitation: invited.invitation };
  const nextRound = (Array.isArray(data.rounds) ? data.rounds.length : 0) + 1;
  const dropUndefined = (r: Data) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
  const ops: Op[] = [
    { name: 'setOutcome', run: (t) => I.setOutcome(t, 'rejected'), expect: (d) => ({ ...d, outcome: 'rejected' }), touches: ['outcome'] },
    { name: 'setStage', run: (t) => I.setStage(t, 'onsite'), expect: (d) => ({ ...d, stage: 'onsite' }), touches: ['stage'] },
    {
      name: 'addRound', run: (t) => I.addRound(t, { type: 'coding', date: seed.date, wentBadly: seed.text }),
      expect: (d) => ({ ...d, rounds: [...(d.rounds ?? []), { type: 'coding', date: seed.date, 'went-badly': seed.text }] }), touches: ['rounds'],
    },
    {
      name: 'addRound (from an invitation)', run: (t) => I.addRound(t, { type: 'onsite', ...invited, interviewers: [seed.text] }),
      expect: (d) => ({ ...d, rounds: [...(d.rounds ?? []), { type: 'onsite', ...invitedData, interviewers: [seed.text] }] }), touches: ['rounds'],
    },
    {
      name: 'updateRoundSchedule (a later version)', run: (t) => chain(t, (x) => I.addRound(x, { type: 'onsite', ...invited }),
        (x) => I.updateRoundSchedule(x, nextRound, { date: seed.date, time: '09:05', timeZone: 'UTC', invitation: { uid: invited.invitation.uid, sequence: 2 } })),
      expect: (d) => ({ ...d, rounds: [...(d.rounds ?? []), { type: 'onsite', ...invitedData, time: '09:05', timezone: 'UTC', duration: undefined, invitation: { uid: invited.invitation.uid, sequence: 2 } }].map(dropUndefined) }),
      touches: ['rounds'],
    },
    {
      name: 'cancelRound', run: (t) => chain(t, (x) => I.addRound(x, { type: 'onsite', ...invited }), (x) => I.cancelRound(x, nextRound, { uid: invited.invitation.uid, sequence: 1 })),
      expect: (d) => ({ ...d, rounds: [...(d.rounds ?? []), { type: 'onsite', ...invitedData, cancelled: true, invitation: { uid: invited.invitation.uid, sequence: 1 } }] }), touches: ['rounds'],
    },
    {
      name: 'recordFeedbackRequested', run: (t) => I.recordFeedbackRequested(t, seed.date),
      expect: (d) => ({ ...d, feedback: { ...(d.feedback ?? {}), requested: seed.date } }), touches: ['feedback'],
    },
    {
      name: 'recordFeedbackReceived', run: (t) => I.recordFeedbackReceived(t, { received: seed.date, summary: seed.text, quotes: ['Be concrete', seed.text] }),
      expect: (d) => ({ ...d, feedback: { ...(d.feedback ?? {}), received: seed.date, summary: seed.text, quotes: [...(d.feedback?.quotes ?? []), 'Be concrete', seed.text] } }),
      touches: ['feedback'],
    },
    {
      name: 'snoozeFollowUp', run: (t) => I.snoozeFollowUp(t, seed.date),
      expect: (d) => ({ ...d, feedback: { ...(d.feedback ?? {}), snoozed: seed.date } }), touches: ['feedback'],
    },
    {
      name: 'dismissFollowUp', run: (t) => I.dismissFollowUp(t, seed.date),
      expect: (d) => ({ ...d, feedback: { ...(d.feedback ?? {}), dismissed: seed.date } }), touches: ['feedback'],
    },
    {
      name: 'citeWeakness', run: (t) => I.citeWeakness(t, { weakness: seed.id, source: 'interviewer', quote: seed.text }),
      expect: (d) => ({ ...d, weaknesses: [...(d.weaknesses ?? []), { weakness: seed.id, source: 'interviewer', quote: seed.text }] }), touches: ['weaknesses'],
    },
    {
      name: 'setNext', run: (t) => I.setNext(t, { due: seed.date }),
      expect: (d) => ({ ...d, next: { ...(d.next ?? {}), due: seed.date } }), touches: ['next'],
    },
    {
      name: 'removeNext', run: (t) => I.removeNext(t),
      expect: (d) => (Object.prototype.hasOwnProperty.call(d, 'next') ? Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'next')) : d), touches: ['next'], removes: [['next']],
    },
  ];
  if (rounds.length) {
    const n = (seed.n % rounds.length) + 1;
    ops.push({
      name: 'deleteRound', run: (t) => I.deleteRound(t, n, { type: rounds[n - 1].type, date: rounds[n - 1].date }),
      expect: (d) => {
        const out = clone(d);
        out.rounds.splice(n - 1, 1);
        if (out.rounds.length === 0) out.rounds = [];
        for (const c of out.weaknesses ?? []) {
          if (c.round === n) delete c.round;
          else if (typeof c.round === 'number' && c.round > n) c.round--;
        }
        return out;
      },
      touches: ['rounds', 'weaknesses'],
      removes: [['rounds', n - 1], ...cites.flatMap((c, k) => (c.round === n ? [['weaknesses', k, 'round']] : []))],
    });
    const who: unknown = rounds[n - 1].interviewers;
    // Recording how a round went adds its interviewer to a list (or creates it), and sets the rest.
    if (who === undefined || Array.isArray(who)) {
      ops.push({
        name: 'recordRound', run: (t) => I.recordRound(t, n, { interviewer: 'Dana Lee', rating: 3, wentWell: seed.text, wentBadly: 'Ran out of time' }, { type: rounds[n - 1].type, date: rounds[n - 1].date }),
        expect: (d) => {
          const out = clone(d);
          const r = out.rounds[n - 1];
          const names = Array.isArray(r.interviewers) ? r.interviewers : [];
          if (!names.includes('Dana Lee')) r.interviewers = [...names, 'Dana Lee'];
          Object.assign(r, { rating: 3, 'went-well': seed.text, 'went-badly': 'Ran out of time' });
          return out;
        },
        touches: ['rounds'],
      });
    }
  }
  if (cites.length) {
    const i = seed.n % cites.length;
    ops.push({
      name: 'unciteWeakness', run: (t) => I.unciteWeakness(t, i, { weakness: cites[i].weakness, round: cites[i].round }),
      expect: (d) => ({ ...d, weaknesses: d.weaknesses.filter((_: unknown, k: number) => k !== i) }), touches: ['weaknesses'], removes: [['weaknesses', i]],
    });
  }
  return ops;
}

export function weaknessOps(data: Data, seed: { date: string; text: string; id: string; n: number }): Op[] {
  const ws: Data[] = data.weaknesses;
  const w = ws[seed.n % ws.length];
  const wi = ws.indexOf(w);
  const items: Data[] = w.improvements ?? [];
  const at = (d: Data) => d.weaknesses[wi];
  const ops: Op[] = [
    { name: 'setWeaknessStatus', run: (t) => W.setWeaknessStatus(t, w.id, 'improving'), expect: (d) => { const o = clone(d); at(o).status = 'improving'; return o; }, touches: ['weaknesses'] },
    {
      name: 'addWeakness', run: (t) => W.addWeakness(t, { title: seed.text.replace(/\s+/g, ' ').trim() || 'New', id: `${seed.id}-new`, category: 'technical' }),
      expect: (d) => ({ ...d, weaknesses: [...d.weaknesses, { id: `${seed.id}-new`, title: seed.text.replace(/\s+/g, ' ').trim() || 'New', category: 'technical', status: 'suspected' }] }),
      touches: ['weaknesses'],
    },
    {
      name: 'addImprovement', run: (t) => W.addImprovement(t, w.id, { action: 'Practise daily', id: 'practise-new', due: seed.date, notes: ['notes/a.md'] }),
      expect: (d) => { const o = clone(d); at(o).improvements = [...(at(o).improvements ?? []), { id: 'practise-new', action: 'Practise daily', status: 'todo', due: seed.date, notes: ['notes/a.md'] }]; return o; },
      touches: ['weaknesses'],
    },
    { name: 'deleteWeakness', run: (t) => W.deleteWeakness(t, w.id), expect: (d) => ({ ...d, weaknesses: d.weaknesses.filter((_: unknown, k: number) => k !== wi) }), touches: ['weaknesses'], removes: [['weaknesses', wi]] },
  ];
  if (items.length) {
    const it = items[seed.n % items.length];
    const ii = items.indexOf(it);
    const item = (d: Data) => at(d).improvements[ii];
    ops.push(
      {
        name: 'setImprovementStatus', run: (t) => W.setImprovementStatus(t, w.id, it.id, 'done', seed.date),
        expect: (d) => { const o = clone(d); const x = item(o); x.status = 'done'; x.done ??= seed.date; return o; }, touches: ['weaknesses'],
      },
      {
        name: 'setImprovementStatus (leave done)', run: (t) => W.setImprovementStatus(t, w.id, it.id, 'doing', seed.date),
        expect: (d) => { const o = clone(d); const x = item(o); x.status = 'doing'; delete x.done; return o; }, touches: ['weaknesses'],
      },
      { name: 'setImprovementDue', run: (t) => W.setImprovementDue(t, w.id, it.id, seed.date), expect: (d) => { const o = clone(d); item(o).due = seed.date; return o; }, touches: ['weaknesses'] },
      {
        name: 'linkNote', run: (t) => W.linkNote(t, w.id, it.id, `notes/${seed.id}.md`),
        expect: (d) => { const o = clone(d); const x = item(o); if (!(x.notes ?? []).includes(`notes/${seed.id}.md`)) x.notes = [...(x.notes ?? []), `notes/${seed.id}.md`]; return o; }, touches: ['weaknesses'],
      },
      {
        name: 'deleteImprovement', run: (t) => W.deleteImprovement(t, w.id, it.id),
        expect: (d) => { const o = clone(d); at(o).improvements.splice(ii, 1); return o; }, touches: ['weaknesses'], removes: [['weaknesses', wi, 'improvements', ii]],
      },
    );
    if (it.notes?.length) {
      const note = it.notes[0];
      ops.push(
        {
          name: 'unlinkNote', run: (t) => W.unlinkNote(t, w.id, it.id, note),
          expect: (d) => { const o = clone(d); const x = item(o); x.notes = x.notes.filter((n: string) => n !== note); return o; }, touches: ['weaknesses'],
          removes: [['weaknesses', wi, 'improvements', ii, 'notes', 0]],
        },
        {
          name: 'renameNoteLinks', run: (t) => renameNoteLinks(t, note, 'moved/x.md'),
          expect: (d) => { const o = clone(d); for (const x of o.weaknesses) for (const y of x.improvements ?? []) if (y.notes) y.notes = y.notes.map((n: string) => movedPath(n, note, 'moved/x.md') ?? n); return o; },
          touches: ['weaknesses'],
        },
      );
    }
  }
  return ops;
}

/** Checks one edit against the rule; returns the new text (or undefined when refused). */
export function checkRule(text: string, op: Op): string | undefined {
  const before = parseDocument(text, { logLevel: 'error' });
  const r = op.run(text);
  if (!r.ok) {
    assertLocated(r.problems, text, op.name);
    if (process.env.DEBRIEF_SHOW_REFUSALS) console.log(JSON.stringify({ op: op.name, message: r.problems[0].message, at: r.problems[0].range.start, text }));
    return undefined;
  }
  const after = applyEdits(text, r.edits);
  const parsed = parseDocument(after, { logLevel: 'error' });
  assert.deepEqual(parsed.errors.map((e) => e.message), [], `${op.name} wrote valid YAML:\n${after}`);
  assert.deepEqual(parsed.toJS(), op.expect(clone(before.toJS())), `${op.name}: the data is exactly the intended change\n--- before\n${text}\n--- after\n${after}`);
  // Comments stay, but for those inside a removed node.
  const removed = (op.removes ?? []).map((path) => removedText(text, path)).join('\n');
  const kept = comments(text).filter((c) => !removed.includes(c));
  const now = comments(after);
  for (const c of kept) assert.ok(now.includes(c), `${op.name} kept the comment "${c}"\n--- before\n${text}\n--- after\n${after}`);
  // The pairs the edit does not touch keep their exact text.
  const afterPairs = pairSources(after);
  for (const [key, source] of pairSources(text)) {
    if (op.touches.includes(key)) continue;
    assert.equal(afterPairs.get(key), source, `${op.name} left "${key}" byte for byte`);
  }
  assert.equal(after.startsWith('\uFEFF'), text.startsWith('\uFEFF'), 'the BOM stays as it was');
  if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after) && !after.startsWith('\n'), `${op.name} kept CRLF line endings`);
  if (text.length && !/\n$/.test(text) && r.edits.every((e) => e.range.end.line < text.split('\n').length - 1)) assert.ok(!/\n$/.test(after), 'no final newline added');
  return after;
}

/**
 * The text a removal may take with it: a list item from its dash's line to its end, or a pair from its
 * key to the end of its line (comments written inside them go with them; those above stay).
 */
function removedText(text: string, path: (string | number)[]): string {
  const doc = parseDocument(text, { keepSourceTokens: true });
  const holder = doc.getIn(path.slice(0, -1), true) as { srcToken?: CST.Token; items?: unknown[] } | undefined;
  const tok = holder?.srcToken;
  if (!tok || !('items' in tok)) return '';
  const key = path[path.length - 1];
  const real = tok.items.filter((it) => it.start.some((t) => t.type === 'seq-item-ind') || it.key !== undefined || it.value !== undefined || it.sep !== undefined);
  const index = typeof key === 'number' ? key : (holder.items ?? []).findIndex((p) => String((p as { key?: { value?: unknown } }).key?.value) === key);
  const item = real[index];
  if (!item) return '';
  const all = CST.stringify(item as unknown as CST.Token);
  const first = item.start[0]?.offset ?? (item.key as CST.Token | undefined)?.offset ?? 0;
  const dash = item.start.find((t) => t.type === 'seq-item-ind' || t.type === 'comma');
  const from = dash ? text.lastIndexOf('\n', dash.offset) + 1 : first;
  return text.slice(from, first + all.length);
}

export function assertLocated(problems: Problem[], text: string, what: string): void {
  assert.ok(problems.length > 0, `${what} says why it refused`);
  for (const p of problems) {
    assert.ok(p.message.length > 20, `${what}: "${p.message}" says what is wrong`);
    assert.ok(p.range.start.line <= text.split('\n').length, `${what}: the refusal is located in the file`);
  }
}

