/** Reading weaknesses.yaml: weaknesses, their improvement items and note links, and the checks local to the file. */
import { IMPROVEMENT_STATUSES, ImprovementItem, NoteLink, Weakness, WEAKNESS_CATEGORIES, WEAKNESS_STATUSES, WeaknessesFile } from '../model';
import { notePathIssue } from '../note-paths';
import { basename } from '../paths';
import type { Problem } from '../problems';
import { shown } from '../text/shown';
import { brokenOf, nodeRange, obj, oneOf, parseFile, Parsed, problem, rangeOfKey, rangeOfObj, ReadResult, safely } from './document';
import { validate } from './schema-problems';
import { isLSeq, LNode } from './located';
import type { ReadOptions } from './strings';

/**
 * The problem that spoils each item of the weaknesses list: a key given twice or an alias inside it
 * (the first one), by the item's position. Such an item does not read: its data is not what it says.
 */
function spoiledItems(p: Parsed, items: readonly (LNode | undefined)[]): Map<number, Problem> {
  const out = new Map<number, Problem>();
  const spoiled = p.spoiled.slice().sort((a, b) => a.offset - b.offset);
  // Both in the order of the text: one pass.
  let k = 0;
  items.forEach((node, i) => {
    if (!node) return;
    while (k < spoiled.length && spoiled[k].offset < node.start) k++;
    if (k < spoiled.length && spoiled[k].offset <= node.end) out.set(i, spoiled[k].problem);
  });
  return out;
}

function buildWeaknesses(p: Parsed): WeaknessesFile {
  const d = p.data;
  const s = p.s;
  const out: Weakness[] = [];
  const seen = new Map<string, Weakness>();
  if (Array.isArray(d.weaknesses)) {
    const seq = p.nodes.get(d.weaknesses);
    const spoiled = p.spoiled.length && isLSeq(seq) ? spoiledItems(p, seq.items) : undefined;
    d.weaknesses.forEach((w, i) => {
      const o = obj(w);
      if (!o) return;
      const range = rangeOfObj(p, o);
      const spoils = spoiled?.get(i);
      if (spoils) {
        p.broken.push({ path: ['weaknesses', i], range, problem: spoils });
        return;
      }
      const id = s.str(o.id);
      if (id === undefined) return;
      const idRange = rangeOfKey(p, o, 'id', range);
      const improvements: ImprovementItem[] = [];
      const seenItems = new Set<string>();
      if (Array.isArray(o.improvements)) {
        o.improvements.forEach((it, j) => {
          const io = obj(it);
          const iid = io ? s.str(io.id) : undefined;
          if (!io || iid === undefined) return;
          const irange = rangeOfObj(p, io);
          const iidRange = rangeOfKey(p, io, 'id', irange);
          const notes: NoteLink[] = [];
          if (Array.isArray(io.notes)) {
            const seqNode = p.nodes.get(io.notes);
            io.notes.forEach((n, k) => {
              if (typeof n !== 'string') return;
              const r = isLSeq(seqNode) ? nodeRange(p, seqNode.items[k]) : undefined;
              notes.push({ path: s.text(n), range: r ?? irange });
              const issue = notePathIssue(n);
              if (issue !== undefined) {
                p.problems.push(problem(p, r ?? irange, 'error', 'note-outside-workspace',
                  `The note path "${shown(n)}" ${issue}. Use a path relative to the workspace folder, e.g. "notes/${shown(basename(n.replace(/\\/g, '/')), 60) || 'topic.md'}".`,
                  { note: n }));
              }
            });
          }
          const item: ImprovementItem = {
            weaknessId: id, index: j, id: iid, idRange: iidRange, action: s.str(io.action) ?? '', status: oneOf(IMPROVEMENT_STATUSES, io.status),
            due: s.date(io.due), doneWhen: s.str(io['done-when']), done: s.date(io.done), notes, range: irange,
          };
          if (seenItems.has(iid)) {
            p.problems.push(problem(p, iidRange, 'error', 'duplicate-id',
              `Improvement id "${shown(iid)}" is used twice in weakness "${shown(id)}". Give each item of a weakness its own id.`, { id: iid, weakness: id }));
          }
          seenItems.add(iid);
          if (item.done && item.status !== undefined && item.status !== 'done') {
            p.problems.push(problem(p, rangeOfKey(p, io, 'done', irange), 'warning', 'done-date-mismatch',
              `This item has a done date (${item.done}) but its status is "${item.status}". Set status to done or remove the done date.`, { status: item.status, weakness: id, item: iid }));
          }
          improvements.push(item);
        });
      }
      const weakness: Weakness = {
        file: p.file, index: i, id, idRange, title: s.str(o.title) ?? id, category: oneOf(WEAKNESS_CATEGORIES, o.category),
        status: oneOf(WEAKNESS_STATUSES, o.status), description: s.str(o.description), improvements, range,
      };
      const prev = seen.get(id);
      if (prev) {
        p.problems.push(problem(p, idRange, 'error', 'duplicate-id',
          `Weakness id "${shown(id)}" is already used on line ${prev.idRange.start.line + 1}. Give each weakness its own id (or merge the two).`, { id, line: prev.idRange.start.line }));
      } else seen.set(id, weakness);
      out.push(weakness);
    });
  }
  return { file: p.file, weaknesses: out, range: p.lines.range(0, p.lines.text.length) };
}

/** Reads weaknesses.yaml. Never throws. */
export function readWeaknesses(path: string, input: string | Uint8Array, options: ReadOptions = {}): ReadResult<WeaknessesFile> {
  return safely(path, () => {
    const { parsed, problems } = parseFile(path, input, 'weaknesses', options);
    if (!parsed) return { problems: problems.finish() };
    validate(parsed, 'weaknesses');
    const value = buildWeaknesses(parsed);
    return { value, problems: problems.finish(), ...brokenOf(parsed) };
  });
}
