/** Edits of weaknesses.yaml: weaknesses, their improvement items and the study notes they link. */
import { isMap, isScalar, YAMLMap } from 'yaml';
import { notePathIssue } from '../note-paths';
import { shown } from '../text/shown';
import { uniqueId } from '../ids';
import { IMPROVEMENT_STATUSES, ImprovementStatus, WEAKNESS_CATEGORIES, WEAKNESS_STATUSES, WeaknessCategory, WeaknessStatus } from '../model';
import { Editor, fail, pairOf, run, scalarOf, Seg, clean } from '../yaml/splice';
import type { EditResult } from '../yaml/text-edits';
import { checkDate, checkEnum, checkId, firstFailure } from './checks';

export interface NewWeakness {
  title: string;
  id?: string;
  category?: WeaknessCategory;
  status?: WeaknessStatus;
  description?: string;
}

export function weaknessIndex(ed: Editor, id: string): number {
  return ed.indexWhere(['weaknesses'], 'id', id);
}

function noWeakness(id: string): EditResult {
  return fail('unknown-weakness', `There is no weakness "${id}" in weaknesses.yaml.`, { weakness: id });
}

export function addWeakness(text: string, w: NewWeakness): EditResult {
  const bad = firstFailure(w.title.trim() ? undefined : fail('empty-value', 'The title must not be empty.'), w.id !== undefined ? checkId(w.id, 'weakness') : undefined,
    checkEnum(w.category, WEAKNESS_CATEGORIES, 'category'), checkEnum(w.status, WEAKNESS_STATUSES, 'status'));
  if (bad) return bad;
  return run(text, (ed) => {
    const ids = ed.list(['weaknesses']).map((it) => (isMap(it) ? String(scalarOf(it, 'id')) : ''));
    if (w.id !== undefined && ids.includes(w.id)) return fail('duplicate-id', `A weakness with id "${w.id}" already exists.`, { id: w.id });
    const id = w.id ?? uniqueId(w.title, ids);
    ed.append(['weaknesses'], clean({ id, title: w.title, category: w.category, status: w.status ?? 'suspected', description: w.description }));
    return ed.result({ id });
  });
}

export function setWeaknessStatus(text: string, weaknessId: string, status: WeaknessStatus): EditResult {
  return checkEnum(status, WEAKNESS_STATUSES, 'status') ?? run(text, (ed) => {
    const i = weaknessIndex(ed, weaknessId);
    if (i < 0) return noWeakness(weaknessId);
    ed.set(['weaknesses', i, 'status'], status);
    return undefined;
  });
}

export function deleteWeakness(text: string, weaknessId: string): EditResult {
  return run(text, (ed) => {
    const i = weaknessIndex(ed, weaknessId);
    if (i < 0) return noWeakness(weaknessId);
    ed.removeItem(['weaknesses'], i);
    return undefined;
  });
}

export interface NewImprovement {
  action: string;
  id?: string;
  status?: ImprovementStatus;
  due?: string;
  doneWhen?: string;
  notes?: string[];
}

export function addImprovement(text: string, weaknessId: string, item: NewImprovement): EditResult {
  const bad = firstFailure(item.action.trim() ? undefined : fail('empty-value', 'The action must not be empty.'), item.id !== undefined ? checkId(item.id, 'improvement') : undefined,
    checkEnum(item.status, IMPROVEMENT_STATUSES, 'status'), checkDate(item.due, 'Due date'));
  if (bad) return bad;
  return run(text, (ed) => {
    const i = weaknessIndex(ed, weaknessId);
    if (i < 0) return noWeakness(weaknessId);
    const ids = ed.list(['weaknesses', i, 'improvements']).map((it) => (isMap(it) ? String(scalarOf(it, 'id')) : ''));
    if (item.id !== undefined && ids.includes(item.id)) return fail('duplicate-id', `Weakness "${weaknessId}" already has an item "${item.id}".`, { id: item.id });
    const id = item.id ?? uniqueId(item.action, ids);
    ed.append(['weaknesses', i, 'improvements'], clean({ id, action: item.action, status: item.status ?? 'todo', due: item.due, 'done-when': item.doneWhen, notes: item.notes }));
    return ed.result({ id });
  });
}

function withItem(text: string, weaknessId: string, itemId: string, fn: (ed: Editor, path: Seg[]) => EditResult | void): EditResult {
  return run(text, (ed) => {
    const i = weaknessIndex(ed, weaknessId);
    if (i < 0) return noWeakness(weaknessId);
    const j = ed.indexWhere(['weaknesses', i, 'improvements'], 'id', itemId);
    if (j < 0) return fail('unknown-improvement', `Weakness "${weaknessId}" has no improvement item "${itemId}".`, { weakness: weaknessId, item: itemId });
    return fn(ed, ['weaknesses', i, 'improvements', j]);
  });
}

/** Sets an item's status; becoming done records `done: today` (unless already set), leaving done removes the done date. */
export function setImprovementStatus(text: string, weaknessId: string, itemId: string, status: ImprovementStatus, today: string): EditResult {
  return firstFailure(checkEnum(status, IMPROVEMENT_STATUSES, 'status'), checkDate(today, 'Date')) ?? withItem(text, weaknessId, itemId, (ed, path) => {
    const item = ed.get(path) as YAMLMap;
    const hasDone = pairOf(item, 'done') !== undefined;
    if (status === 'done') ed.set(path, hasDone ? { status } : { status, done: today });
    else {
      ed.set([...path, 'status'], status);
      if (hasDone) ed.removeKey(path, 'done');
    }
  });
}

export function setImprovementDue(text: string, weaknessId: string, itemId: string, due: string): EditResult {
  return checkDate(due, 'Due date') ?? withItem(text, weaknessId, itemId, (ed, path) => ed.set([...path, 'due'], due));
}

export function deleteImprovement(text: string, weaknessId: string, itemId: string): EditResult {
  return withItem(text, weaknessId, itemId, (ed, path) => ed.removeItem(path.slice(0, -1), path[path.length - 1] as number));
}

export function linkNote(text: string, weaknessId: string, itemId: string, notePath: string): EditResult {
  if (!notePath.trim()) return fail('empty-value', 'The note path must not be empty.');
  const issue = notePathIssue(notePath);
  if (issue !== undefined) return fail('note-outside-workspace', `The note path "${shown(notePath)}" ${issue}. Link a Markdown file inside the workspace folder.`, { note: notePath });
  return withItem(text, weaknessId, itemId, (ed, path) => {
    const notes = ed.list([...path, 'notes']);
    if (notes.some((n) => isScalar(n) && n.value === notePath)) return ed.result();
    ed.append([...path, 'notes'], notePath);
    return undefined;
  });
}

export function unlinkNote(text: string, weaknessId: string, itemId: string, notePath: string): EditResult {
  return withItem(text, weaknessId, itemId, (ed, path) => {
    const k = ed.list([...path, 'notes']).findIndex((n) => isScalar(n) && n.value === notePath);
    if (k < 0) return fail('missing-note', `Item "${itemId}" does not link "${notePath}".`, { note: notePath });
    ed.removeItem([...path, 'notes'], k);
    return undefined;
  });
}
