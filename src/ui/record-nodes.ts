/**
 * The records the sidebar shows, as the data its items pass to commands (context menus, clicks).
 * A node holds keys, not records: the record is looked up in the live index when needed.
 */
import * as vscode from 'vscode';
import { NOT_READ_CODES } from '../core/safe-fs';
import { ROUND_TYPES, type ImprovementItem, type Interview, type RoundType, type Weakness } from '../core/model';
import { isValidDate } from '../core/dates';
import type { Problem, Range } from '../core/problems';
import type { RecordState } from '../core/journal/journal-index';
import type { Journal } from '../services/journal';

export type Node =
  | { kind: 'folder'; id: string; journal: Journal }
  | { kind: 'problem'; id: string; journal: Journal; path: string }
  | { kind: 'group'; id: string; journal: Journal; key: string }
  /** The last row of a large group: how many more it holds, a click shows them. */
  | { kind: 'more'; id: string; journal: Journal; key: string }
  | { kind: 'interview'; id: string; journal: Journal; path: string }
  | { kind: 'round'; id: string; journal: Journal; path: string; index: number }
  | { kind: 'feedback'; id: string; journal: Journal; path: string }
  | { kind: 'citation'; id: string; journal: Journal; path: string; index: number }
  | { kind: 'weakness'; id: string; journal: Journal; weaknessId: string }
  /**
   * A part of weaknesses.yaml that does not read (a syntax error): the weakness as last read when
   * there is one (`lastReadId`), else the part, by the line it starts on.
   */
  | { kind: 'brokenWeakness'; id: string; journal: Journal; line: number; lastReadId?: string }
  | { kind: 'improvement'; id: string; journal: Journal; weaknessId: string; itemId: string }
  | { kind: 'note'; id: string; journal: Journal; weaknessId: string; itemId: string; notePath: string }
  | { kind: 'sighting'; id: string; journal: Journal; weaknessId: string; path: string; index: number };

export type NodeKind = Node['kind'];

/** The node of one kind. */
export type NodeOf<K extends NodeKind> = Extract<Node, { kind: K }>;

/** Is a command argument a node of the sidebar? */
export function isNode(x: unknown): x is Node {
  return !!x && typeof x === 'object' && typeof (x as Node).kind === 'string' && (x as Node).journal !== undefined;
}

/**
 * What Add Round may be given besides a node: the interview's file and what is already known of the
 * round ("Record how it went" in a brief): its type, its date, and the scheduled round to fill in.
 */
export interface RoundArgs {
  interview: vscode.Uri;
  type?: RoundType;
  date?: string;
  /** 1-based number of a round written down before it happened. */
  round?: number;
}

export function isRoundArgs(x: unknown): x is RoundArgs {
  const a = x as RoundArgs | null;
  return !!a && typeof a === 'object' && a.interview instanceof vscode.Uri
    && (a.type === undefined || ROUND_TYPES.includes(a.type))
    && (a.date === undefined || isValidDate(a.date))
    && (a.round === undefined || (Number.isInteger(a.round) && a.round > 0));
}

/** The interview a node shows: as read, or while its file has errors, the record read before them. */
export function interviewOf(node: Extract<Node, { path: string }>): Interview | undefined {
  return node.journal.index.shownInterview(node.path)?.interview;
}

export function weaknessOf(node: { journal: Journal; weaknessId: string }): Weakness | undefined {
  return node.journal.index.weakness(node.weaknessId);
}

export type BrokenState<T> = Extract<RecordState<T>, { kind: 'broken' }>;

/** Which broken weakness a state is, as a node keeps it: the weakness as last read, else the line its part starts on. */
export function brokenKey(state: BrokenState<Weakness>): { line: number; lastReadId?: string } {
  return { line: state.range.start.line, ...(state.lastRead ? { lastReadId: state.lastRead.id } : {}) };
}

/** The state a broken weakness node shows, looked up in the live index; undefined once it reads again or is gone. */
export function brokenWeaknessOf(node: NodeOf<'brokenWeakness'>): BrokenState<Weakness> | undefined {
  for (const s of node.journal.index.weaknessStates()) {
    if (s.kind !== 'broken') continue;
    if (node.lastReadId !== undefined ? s.lastRead?.id === node.lastReadId : !s.lastRead && s.range.start.line === node.line) return s;
  }
  return undefined;
}

export function itemOf(node: { journal: Journal; weaknessId: string; itemId: string }): ImprovementItem | undefined {
  return weaknessOf(node)?.improvements.find((i) => i.id === node.itemId);
}

/** The first error-severity problem of a journal file, if any: such files show as error nodes. */
export function blockingProblems(journal: Journal, path: string): readonly Problem[] {
  return journal.index.problemsOf(path).filter((p) => p.severity === 'error');
}

type Location = { uri: vscode.Uri; range?: Range } | undefined;

/** The record a citation or a sighting points to: the citation in its interview. */
const citationAt = (node: NodeOf<'citation' | 'sighting'>): Location => ({ uri: node.journal.uri(node.path), range: interviewOf(node)?.weaknesses[node.index]?.range });

/** Where each kind of node's record is written (the compiler checks that every kind is here). */
const LOCATIONS: { [K in NodeKind]: (node: NodeOf<K>) => Location } = {
  folder: (node) => ({ uri: node.journal.weaknessesUri }),
  group: () => undefined,
  more: () => undefined,
  problem: (node) => {
    const j = node.journal;
    const p = blockingProblems(j, node.path)[0] ?? j.index.problemsOf(node.path)[0];
    // A file that was not read (a link leading outside the workspace, a pipe) is not opened either.
    if (p && NOT_READ_CODES.has(p.code)) return undefined;
    return { uri: j.uri(node.path), range: p?.range };
  },
  interview: (node) => ({ uri: node.journal.uri(node.path), range: interviewOf(node)?.idRange }),
  round: (node) => ({ uri: node.journal.uri(node.path), range: interviewOf(node)?.rounds[node.index - 1]?.range }),
  feedback: (node) => ({ uri: node.journal.uri(node.path), range: interviewOf(node)?.feedback?.range }),
  citation: citationAt,
  sighting: citationAt,
  weakness: (node) => ({ uri: node.journal.weaknessesUri, range: weaknessOf(node)?.idRange }),
  brokenWeakness: (node) => ({ uri: node.journal.weaknessesUri, range: brokenWeaknessOf(node)?.problem.range }),
  improvement: (node) => ({ uri: node.journal.weaknessesUri, range: itemOf(node)?.idRange }),
  note: (node) => ({ uri: node.journal.weaknessesUri, range: itemOf(node)?.notes.find((n) => n.path === node.notePath)?.range }),
};

/** Where a node's record is written: the file and the range to select. */
export function locationOf(node: Node): Location {
  return (LOCATIONS[node.kind] as (n: Node) => Location)(node);
}
