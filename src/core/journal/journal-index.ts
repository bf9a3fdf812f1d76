/**
 * The journal index: every record of one journal folder, kept up to date one file at a time.
 * Local problems come from reading a file; cross-file problems (unknown or duplicate ids, unused
 * weaknesses, missing notes) are recomputed only for the files a change can affect.
 *
 * This file is long on purpose: the bookkeeping that makes one-file updates cheap (which files hold
 * an id, which interviews cite a weakness, which items link a note, which files need their cross-file
 * problems recomputed) must change together, so it lives in one class. The checks themselves are in
 * cross-checks.ts, statistics in ../stats.ts, reading a whole folder in load.ts.
 */
import type { CitationSource, ImprovementItem, Interview, Round, Weakness, WeaknessCitation, WeaknessesFile } from '../model';
import { notePath, NoteStatus } from '../note-paths';
import { capProblems, hasErrors, spoilsReading, type Problem, type Range } from '../problems';
import { readInterview } from '../read/interview';
import { StringPool } from '../read/strings';
import type { BrokenPart } from '../read/types';
import { readWeaknesses } from '../read/weaknesses';
import { fingerprint } from '../text/fingerprint';
import { interviewCrossProblems, JournalView, weaknessesCrossProblems } from './cross-checks';
import { JournalFileKind, JournalLayout } from './layout';
import { RecordState, weaknessStates } from './record-states';

export type { RecordState } from './record-states';
export type { BrokenPart } from '../read/types';

export type { JournalFileKind } from './layout';

export interface JournalIndexOptions {
  /** Workspace-relative journal folder, e.g. `debrief`. */
  journalFolder: string;
}

export interface Sighting {
  interview: Interview;
  citation: WeaknessCitation;
  /** The cited round, when the citation names one that exists. */
  round?: Round;
  /** When it surfaced: the cited round's date, else the feedback date, else the last round's date, else the application date. */
  date?: string;
  source?: CitationSource;
  quote?: string;
  file: string;
  range: Range;
}

export interface Backlink {
  weakness: Weakness;
  item: ImprovementItem;
  file: string;
  /** The note path entry inside the item. */
  range: Range;
}

export interface IndexChange {
  /** Files whose content changed (updated or removed). */
  paths: string[];
  version: number;
}

interface InterviewEntry {
  kind: 'interview';
  interview?: Interview;
  local: Problem[];
  /** Of the content read, to skip the same content read again (see text/fingerprint.ts). */
  fingerprint: number;
  /** The parts of the file that did not read (a syntax error), in the order of the file. */
  broken?: BrokenPart[];
  /** While the file has errors (a typo being fixed), the record read before they appeared. */
  lastGood?: Interview;
  /** While the interview does not read (see interviewState), the record as last read. */
  lastRead?: Interview;
}
interface WeaknessesEntry {
  kind: 'weaknesses';
  value?: WeaknessesFile;
  local: Problem[];
  fingerprint: number;
  broken?: BrokenPart[];
  /** Every weakness as the views show it (see weaknessStates), worked out when the entry is set. */
  states: RecordState<Weakness>[];
  /**
   * While the file holds nothing (emptied by a tool that then writes it again, or by the user), the
   * weaknesses as shown before: what is written next pairs its broken parts with them (last read).
   */
  before?: RecordState<Weakness>[];
}
type Entry = InterviewEntry | WeaknessesEntry;

/** The keys that say which application an interview is: a command that reads one needs them (see readRefusal). */
const IDENTITY_KEYS = new Set(['id', 'company', 'role', 'outcome']);

/** What was read of one file, as plain data that can be kept between sessions (see snapshot.ts). */
export type EntrySnapshot =
  | { kind: 'interview'; record?: Interview; local: Problem[]; fingerprint: number; broken?: BrokenPart[] }
  | { kind: 'weaknesses'; record?: WeaknessesFile; local: Problem[]; fingerprint: number; broken?: BrokenPart[] };

const EMPTY: readonly Problem[] = Object.freeze([]);

/**
 * The parts of a file that did not read, as read, or, for a file not read at all (beyond a limit, not
 * a mapping, refused), one part at the file's first error.
 */
function unreadParts(record: object | undefined, local: readonly Problem[], broken: BrokenPart[] | undefined): BrokenPart[] {
  if (broken?.length) return broken;
  const first = record ? undefined : local.find((p) => p.severity === 'error');
  return first ? [{ path: [], range: first.range, problem: first }] : [];
}

/** True when an interview file did not read whole: a part left out, a key given twice, not read at all (an empty file aside). */
function interviewUnread(e: InterviewEntry): boolean {
  return !!e.broken?.length || e.local.some(spoilsReading);
}

/** How many times an interview cites each weakness id. */
function citedIdsOf(iv: Interview | undefined): Map<string, number> | undefined {
  if (!iv || iv.weaknesses.length === 0) return undefined;
  const m = new Map<string, number>();
  for (const c of iv.weaknesses) m.set(c.weakness, (m.get(c.weakness) ?? 0) + 1);
  return m;
}

/** What the progress of weaknesses reads of an interview: its dates and its citations (its outcome, say, changes nothing there). */
function progressKey(iv: Interview): string {
  return JSON.stringify([iv.applied, iv.feedback?.received, iv.rounds.map((r) => r.date), iv.weaknesses.map((c) => [c.weakness, c.round])]);
}

/** Whether an interview read again (or added, or removed) changes the progress of weaknesses. */
function progressChanged(prev: Interview | undefined, next: Interview | undefined): boolean {
  return prev && next ? progressKey(prev) !== progressKey(next) : prev !== next;
}

/** The files holding one id: a single path (the usual case, no Set allocated) or a Set of two or more. */
type FilesOf = string | Set<string>;
function filesOf(v: FilesOf | undefined): Iterable<string> {
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

export class JournalIndex implements JournalView {
  /** Where each file of the journal lives (see layout.ts). */
  readonly layout: JournalLayout;
  readonly journalFolder: string;
  readonly interviewsFolder: string;
  readonly weaknessesPath: string;
  private _version = 0;
  private _progressVersion = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly idToFiles = new Map<string, FilesOf>();
  private readonly citedBy = new Map<string, Map<string, number>>();
  private weaknessById = new Map<string, Weakness>();
  private noteLinks = new Map<string, Backlink[]>();
  private noteExists: (path: string) => boolean = () => true;
  private noteRefusals: ReadonlyMap<string, string> = new Map();
  /** Interview files that did not read whole (see interviewState). */
  private unreadInterviews = 0;
  private readonly combined = new Map<string, Problem[]>();
  private readonly dirty = new Set<string>();
  private readonly recomputed = new Set<string>();
  private readonly listeners = new Set<(e: IndexChange) => void>();
  /** interviews(), as sorted at a version of the index. */
  private sorted: { version: number; list: Interview[] } | undefined;
  /** While the whole journal is read (`beginReading`): the files whose cross-file problems wait for its end. */
  private crossWaiting: Set<string> | undefined;

  constructor(options: JournalIndexOptions) {
    this.layout = new JournalLayout(options.journalFolder);
    this.journalFolder = this.layout.folder;
    this.interviewsFolder = this.layout.interviewsFolder;
    this.weaknessesPath = this.layout.weaknessesPath;
  }

  /** Increases with every change. */
  get version(): number {
    return this._version;
  }

  /**
   * Increases with every change of what the progress of weaknesses reads (progress/weaknesses.ts): the
   * weaknesses file, an interview added or removed, an interview's dates or citations. A change of an
   * outcome, a note or a tag leaves it as it was, so that progress is not computed again for it.
   */
  get progressVersion(): number {
    return this._progressVersion;
  }

  /** Which journal file a workspace-relative path is, if any. */
  kindOf(path: string): JournalFileKind | undefined {
    return this.layout.kindOf(path);
  }

  /** Registers a listener called after every change; returns a disposer. */
  onDidChange(listener: (e: IndexChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  private fire(paths: string[]): void {
    this._version++;
    const e = { paths, version: this._version };
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch {
        // A failing listener must not break the index.
      }
    }
  }

  /**
   * (Re-)reads one file. Returns true when the index changed: false when the path is not a journal
   * file, or when the content is the same as last read (nothing is parsed and no change is fired).
   */
  update(path: string, content: string | Uint8Array): boolean {
    const kind = this.kindOf(path);
    if (!kind || !this.apply(path, kind, content)) return false;
    this.fire([path]);
    return true;
  }

  /** Updates many files with a single change event; returns the paths that changed. */
  updateMany(files: Iterable<[string, string | Uint8Array]>, strings: StringPool = new StringPool()): string[] {
    const paths: string[] = [];
    for (const [path, content] of files) {
      const kind = this.kindOf(path);
      if (kind && this.apply(path, kind, content, strings)) paths.push(path);
    }
    if (paths.length) this.fire(paths);
    return paths;
  }

  /** Reads a file into its entry unless its content is what was read last; returns whether it changed. */
  private apply(path: string, kind: JournalFileKind, content: string | Uint8Array, strings?: StringPool): boolean {
    const print = fingerprint(content);
    const prev = this.entries.get(path);
    if (prev && prev.kind === kind && prev.fingerprint === print) return false;
    if (kind === 'interview') {
      const r = readInterview(path, content, { strings });
      this.setInterview(path, { kind, interview: r.value, local: r.problems, fingerprint: print, broken: r.broken });
    } else {
      const r = readWeaknesses(path, content, { strings });
      this.setWeaknesses(path, { kind, value: r.value, local: r.problems, fingerprint: print, broken: r.broken, states: [] });
    }
    return true;
  }

  /** What was read of a file (its record and its own problems), to keep between sessions. */
  snapshotOf(path: string): EntrySnapshot | undefined {
    const e = this.entries.get(path);
    if (!e) return undefined;
    const broken = e.broken?.length ? { broken: e.broken } : {};
    return e.kind === 'interview'
      ? { kind: 'interview', record: e.interview, local: e.local, fingerprint: e.fingerprint, ...broken }
      : { kind: 'weaknesses', record: e.value, local: e.local, fingerprint: e.fingerprint, ...broken };
  }

  /**
   * Puts back what was read of files in an earlier session, without reading them (the caller checked
   * that they did not change since), with a single change event; returns the paths restored.
   */
  restoreMany(entries: Iterable<[string, EntrySnapshot]>): string[] {
    const paths: string[] = [];
    for (const [path, snap] of entries) {
      if (this.kindOf(path) !== snap.kind) continue;
      if (snap.kind === 'interview') this.setInterview(path, { kind: 'interview', interview: snap.record, local: snap.local, fingerprint: snap.fingerprint, broken: snap.broken });
      else this.setWeaknesses(path, { kind: 'weaknesses', value: snap.record, local: snap.local, fingerprint: snap.fingerprint, broken: snap.broken, states: [] });
      paths.push(path);
    }
    if (paths.length) this.fire(paths);
    return paths;
  }

  /**
   * Records a journal file that was not read (it links outside the workspace, is not a regular file,
   * cannot be read, is too large): it has no record, and its one problem says why. Returns true when
   * the index changed.
   */
  refuse(path: string, problem: Problem): boolean {
    const kind = this.kindOf(path);
    if (!kind) return false;
    const print = fingerprint(`\u0000refused\u0000${problem.code}\u0000${problem.message}`);
    const prev = this.entries.get(path);
    if (prev && prev.kind === kind && prev.fingerprint === print) return false;
    const local = [{ ...problem, file: path }];
    if (kind === 'interview') this.setInterview(path, { kind, local, fingerprint: print });
    else this.setWeaknesses(path, { kind, local, fingerprint: print, states: [] });
    this.fire([path]);
    return true;
  }

  /**
   * Records a journal folder (the journal or its interviews folder) that was not read, with the problem
   * saying why; it is listed among the problems by file under the folder's path.
   */
  refuseFolder(path: string, problem: Problem): void {
    this.combined.set(path, [{ ...problem, file: path }]);
    this.recomputed.add(path);
    this.fire([path]);
  }

  /** Forgets a file (deleted or moved out of the journal). */
  remove(path: string): boolean {
    const e = this.entries.get(path);
    if (!e) return false;
    if (e.kind === 'interview') this.setInterview(path, undefined);
    else this.setWeaknesses(path, undefined);
    this.combined.delete(path);
    this.dirty.delete(path);
    this.recomputed.add(path);
    this.fire([path]);
    return true;
  }

  private setInterview(path: string, next: InterviewEntry | undefined): void {
    const prev = this.entries.get(path) as InterviewEntry | undefined;
    if (progressChanged(prev?.interview, next?.interview)) this._progressVersion++;
    if (next && hasErrors(next.local) && prev) next.lastGood = hasErrors(prev.local) ? prev.lastGood : prev.interview;
    const wasUnread = prev ? interviewUnread(prev) : false;
    const unread = next ? interviewUnread(next) : false;
    if (next && unread && prev) next.lastRead = wasUnread ? prev.lastRead : prev.interview;
    if (wasUnread !== unread) {
      const complete = this.unreadInterviews === 0;
      this.unreadInterviews += unread ? 1 : -1;
      // Whether every citation read decides whether weaknesses are reported unused.
      if ((this.unreadInterviews === 0) !== complete) this.dirty.add(this.weaknessesPath);
    }
    const oldId = prev?.interview?.id;
    const newId = next?.interview?.id;
    if (oldId !== undefined) {
      const files = this.idToFiles.get(oldId);
      if (files === path) this.idToFiles.delete(oldId);
      else if (typeof files === 'object') {
        files.delete(path);
        if (files.size === 1) this.idToFiles.set(oldId, files.values().next().value as string);
        for (const f of files) this.dirty.add(f);
      }
    }
    if (newId !== undefined) {
      const files = this.idToFiles.get(newId);
      if (files === undefined || files === path) this.idToFiles.set(newId, path);
      else {
        const set = typeof files === 'string' ? new Set([files]) : files;
        set.add(path);
        this.idToFiles.set(newId, set);
        for (const f of set) this.dirty.add(f);
      }
    }
    // Citation counts: the weaknesses file needs a refresh only when a weakness gains its first or loses its last citer.
    const prevCited = citedIdsOf(prev?.interview);
    const nextCited = citedIdsOf(next?.interview);
    let flip = false;
    for (const id of prevCited?.keys() ?? []) {
      const m = this.citedBy.get(id);
      if (!m) continue;
      m.delete(path);
      if (m.size === 0) {
        this.citedBy.delete(id);
        if (!nextCited?.has(id)) flip = true;
      }
    }
    for (const [id, n] of nextCited ?? []) {
      let m = this.citedBy.get(id);
      if (!m) {
        this.citedBy.set(id, (m = new Map()));
        if (!prevCited?.has(id)) flip = true;
      }
      m.set(path, n);
    }
    if (flip) this.dirty.add(this.weaknessesPath);
    if (next) this.entries.set(path, next);
    else this.entries.delete(path);
    this.dirty.add(path);
  }

  private setWeaknesses(path: string, next: WeaknessesEntry | undefined): void {
    const prevEntry = this.entries.get(path) as WeaknessesEntry | undefined;
    this._progressVersion++;
    const wasComplete = this.weaknessesComplete();
    const previous = prevEntry?.before ?? prevEntry?.states ?? [];
    if (next) {
      next.states = weaknessStates(previous, next.value?.weaknesses ?? [], unreadParts(next.value, next.local, next.broken));
      if (!next.value && next.local.some((p) => p.code === 'empty-file')) next.before = previous;
    }
    const before = this.weaknessById;
    const after = new Map<string, Weakness>();
    for (const w of next?.value?.weaknesses ?? []) if (!after.has(w.id)) after.set(w.id, w);
    // Interviews citing an id that appeared or disappeared need their unknown-weakness problems refreshed.
    for (const id of before.keys()) if (!after.has(id)) for (const f of this.citedBy.get(id)?.keys() ?? []) this.dirty.add(f);
    for (const id of after.keys()) if (!before.has(id)) for (const f of this.citedBy.get(id)?.keys() ?? []) this.dirty.add(f);
    this.weaknessById = after;
    const links = new Map<string, Backlink[]>();
    for (const w of next?.value?.weaknesses ?? []) {
      for (const item of w.improvements) {
        for (const n of item.notes) {
          const key = notePath(n.path);
          if (key === undefined) continue;
          let list = links.get(key);
          if (!list) links.set(key, (list = []));
          list.push({ weakness: w, item, file: path, range: n.range });
        }
      }
    }
    this.noteLinks = links;
    if (next) this.entries.set(path, next);
    else this.entries.delete(path);
    this.dirty.add(path);
    // Whether every weakness read decides whether citations of unknown ids are reported.
    if (this.weaknessesComplete() !== wasComplete) for (const files of this.citedBy.values()) for (const f of files.keys()) this.dirty.add(f);
  }

  /**
   * Sets how to tell whether a workspace-relative note path exists (a Set of known files or a
   * predicate), and, optionally, the linked notes Debrief refuses to open, with why (e.g. "links
   * outside the workspace").
   */
  setNoteExists(exists: ((path: string) => boolean) | ReadonlySet<string>, refusals?: ReadonlyMap<string, string>): void {
    this.noteExists = typeof exists === 'function' ? exists : (p) => exists.has(p);
    if (refusals) this.noteRefusals = refusals;
    this.dirty.add(this.weaknessesPath);
    this.fire([]);
  }

  /** Sets the linked notes Debrief refuses to open, with why; returns true when that changed anything. */
  setNoteRefusals(refusals: ReadonlyMap<string, string>): boolean {
    const before = this.noteRefusals;
    if (before.size === refusals.size && [...refusals].every(([k, v]) => before.get(k) === v)) return false;
    this.noteRefusals = refusals;
    this.dirty.add(this.weaknessesPath);
    this.fire([]);
    return true;
  }

  /** Workspace-relative paths of every note linked from improvement items (normalized). */
  linkedNotes(): string[] {
    return [...this.noteLinks.keys()];
  }

  /** Marks the weaknesses file for a missing-note refresh (call when a Markdown file is created or deleted). */
  notesChanged(): void {
    this.dirty.add(this.weaknessesPath);
    this.fire([]);
  }

  // ---------- records ----------

  /** All interviews, sorted by application date (undated last), then id. */
  interviews(): Interview[] {
    // Sorted once per version (every view asks after each change); each caller gets its own array.
    if (this.sorted?.version === this._version) return this.sorted.list.slice();
    const out: Interview[] = [];
    for (const e of this.entries.values()) if (e.kind === 'interview' && e.interview) out.push(e.interview);
    out.sort((a, b) => ((a.applied ?? '9999') < (b.applied ?? '9999') ? -1 : (a.applied ?? '9999') > (b.applied ?? '9999') ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.sorted = { version: this._version, list: out };
    return out.slice();
  }

  interviewCount(): number {
    return this.idToFiles.size;
  }

  interview(id: string): Interview | undefined {
    for (const f of filesOf(this.idToFiles.get(id))) {
      const e = this.entries.get(f);
      if (e?.kind === 'interview' && e.interview) return e.interview;
    }
    return undefined;
  }

  /** The interview read from a file. */
  interviewAt(path: string): Interview | undefined {
    const e = this.entries.get(path);
    return e?.kind === 'interview' ? e.interview : undefined;
  }

  /**
   * The interview to show for a file: as read, or, while the file has errors of its own (a typo being
   * fixed), the record read before they appeared (`stale`), so that it does not vanish from views; while
   * it does not read whole and had errors before too, the interview as last read (see interviewState).
   */
  shownInterview(path: string): { interview: Interview; stale: boolean } | undefined {
    const e = this.entries.get(path);
    if (e?.kind !== 'interview') return undefined;
    if (!hasErrors(e.local)) return e.interview && { interview: e.interview, stale: false };
    if (e.lastGood) return { interview: e.lastGood, stale: true };
    if (e.interview && !e.local.some(spoilsReading) && !e.broken?.length) return { interview: e.interview, stale: false };
    return e.lastRead && { interview: e.lastRead, stale: true };
  }

  /**
   * The interview of a file as the views show it: read, when the file read whole (problems of its
   * values aside), or broken, with the problem that keeps it from reading (a syntax error, a key given
   * twice, a file not read) and the interview as last read while the window was open; undefined for a
   * file that is not indexed.
   */
  interviewState(path: string): RecordState<Interview> | undefined {
    const e = this.entries.get(path);
    if (e?.kind !== 'interview') return undefined;
    if (e.interview && !interviewUnread(e)) return { kind: 'read', record: e.interview };
    const part = e.broken?.[0];
    const problem = part?.problem ?? e.local.find(spoilsReading) ?? e.local.find((p) => p.severity === 'error') ?? e.local[0];
    if (!problem) return undefined;
    return { kind: 'broken', problem, range: part?.range ?? problem.range, ...(e.lastRead ? { lastRead: e.lastRead } : {}) };
  }

  /**
   * Every weakness of weaknesses.yaml in the order of the file, as the views show them: read, or
   * broken (its part of the file did not read: a syntax error, a key given twice), with the weakness as
   * last read when the file read it before. A file not read at all is one broken state (with each
   * weakness last read, if any). See record-states.ts.
   */
  weaknessStates(): readonly RecordState<Weakness>[] {
    const e = this.entries.get(this.weaknessesPath);
    return e?.kind === 'weaknesses' ? e.states : [];
  }

  /** The parts of a file that did not read (each with its one problem), in the order of the file. */
  brokenParts(path: string): readonly BrokenPart[] {
    return this.entries.get(path)?.broken ?? [];
  }

  /**
   * Why a file cannot be edited: the first problem after which what was read is not what the file
   * says (a syntax error, a key given twice, an alias, a file beyond a limit or not read; see
   * UNREAD_CODES), located; undefined when it can be (problems of its values do not stop an edit).
   * Commands ask this before asking anything else.
   */
  editRefusal(path: string): Problem | undefined {
    const e = this.entries.get(path);
    return e?.broken?.[0]?.problem ?? e?.local.find(spoilsReading);
  }

  /**
   * Why an interview file cannot serve a command that only reads it (a draft, a brief): the file was
   * not read, the part that holds the interview's identity (its id, company, role, outcome, or text
   * outside every key) did not read, or a mistake outside the parts cut out leaves the whole file in
   * doubt (a key given twice, an alias, a limit). Undefined when the interview read that far, with
   * parts elsewhere (a round, a citation) that did not: what read is shown, and nothing is written.
   */
  readRefusal(path: string): Problem | undefined {
    const e = this.entries.get(path);
    if (e?.kind !== 'interview') return undefined;
    const broken = e.broken ?? [];
    const identity = broken.find((b) => b.path.length === 0 || IDENTITY_KEYS.has(String(b.path[0])));
    if (identity) return identity.problem;
    const inPart = (p: Problem) => broken.some((b) => b.problem.code === p.code && b.problem.range.start.line === p.range.start.line && b.problem.range.start.character === p.range.start.character);
    const doubt = e.local.find((p) => spoilsReading(p) && !inPart(p));
    if (doubt) return doubt;
    if (e.interview) return undefined;
    const state = this.interviewState(path);
    return this.editRefusal(path) ?? (state?.kind === 'broken' ? state.problem : undefined);
  }

  /** True when weaknesses.yaml is missing or read whole: every weakness it defines is known. */
  weaknessesComplete(): boolean {
    const e = this.entries.get(this.weaknessesPath);
    return e?.kind !== 'weaknesses' || unreadParts(e.value, e.local, e.broken).length === 0;
  }

  /** True when every interview file read whole: every citation is known. */
  citationsComplete(): boolean {
    return this.unreadInterviews === 0;
  }

  weaknesses(): Weakness[] {
    const e = this.entries.get(this.weaknessesPath);
    return e?.kind === 'weaknesses' ? (e.value?.weaknesses ?? []) : [];
  }

  weakness(id: string): Weakness | undefined {
    return this.weaknessById.get(id);
  }

  /** Does the journal have a weaknesses.yaml? */
  hasWeaknessesFile(): boolean {
    return this.entries.has(this.weaknessesPath);
  }

  /** The file defining an interview id or a weakness id. */
  fileOf(recordId: string): string | undefined {
    for (const f of filesOf(this.idToFiles.get(recordId))) return f;
    return this.weaknessById.has(recordId) ? this.weaknessesPath : undefined;
  }

  /** Every indexed file path. */
  files(): string[] {
    return [...this.entries.keys()];
  }

  /** Files whose interview has this id (two or more is a duplicate-id problem). */
  filesWithInterviewId(id: string): string[] {
    return [...filesOf(this.idToFiles.get(id))];
  }

  weaknessIds(): string[] {
    return [...this.weaknessById.keys()];
  }

  isCited(weaknessId: string): boolean {
    return this.citedBy.has(weaknessId);
  }

  hasNote(path: string): boolean {
    return this.noteExists(path);
  }

  noteStatus(path: string): NoteStatus {
    const refused = this.noteRefusals.get(path);
    if (refused !== undefined) return { refused };
    return this.noteExists(path) ? 'exists' : 'missing';
  }

  /** Interview files citing a weakness id. */
  filesCiting(weaknessId: string): string[] {
    return [...(this.citedBy.get(weaknessId)?.keys() ?? [])];
  }

  /** Where a weakness surfaced, oldest first (undated last). */
  sightings(weaknessId: string): Sighting[] {
    const out: Sighting[] = [];
    for (const f of this.citedBy.get(weaknessId)?.keys() ?? []) {
      const iv = this.interviewAt(f);
      if (!iv) continue;
      for (const c of iv.weaknesses) {
        if (c.weakness !== weaknessId) continue;
        const round = c.round !== undefined ? iv.rounds[c.round - 1] : undefined;
        out.push({ interview: iv, citation: c, round, date: sightingDate(iv, c, round), source: c.source, quote: c.quote, file: f, range: c.range });
      }
    }
    return out.sort((a, b) => ((a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : a.file < b.file ? -1 : 1));
  }

  /** Improvement items linking a note (workspace-relative path). */
  backlinks(path: string): Backlink[] {
    const key = notePath(path);
    return key === undefined ? [] : [...(this.noteLinks.get(key) ?? [])];
  }

  // ---------- problems ----------

  /**
   * A reading of the whole journal starts: until `endReading`, each file's problems are its own, since
   * a file not read yet could change its cross-file ones (the weaknesses file, read last, defines the
   * weaknesses interviews cite; a note is missing only once the notes are known).
   */
  beginReading(): void {
    this.crossWaiting ??= new Set();
  }

  /** The whole journal was read: the cross-file problems that waited are computed, as one change. */
  endReading(): void {
    const waiting = this.crossWaiting;
    if (!waiting) return;
    this.crossWaiting = undefined;
    for (const path of waiting) this.dirty.add(path);
    if (waiting.size) this.fire([]);
  }

  /** True between `beginReading` and `endReading`: the problems are each file's own only. */
  get isReading(): boolean {
    return this.crossWaiting !== undefined;
  }

  private flush(): void {
    if (this.dirty.size === 0) return;
    for (const path of this.dirty) {
      const e = this.entries.get(path);
      if (!e) {
        this.combined.delete(path);
        continue;
      }
      let cross: Problem[];
      if (this.crossWaiting) {
        this.crossWaiting.add(path);
        cross = [];
      } else cross = e.kind === 'interview' ? interviewCrossProblems(this, path, e.interview) : weaknessesCrossProblems(this, path, e.value);
      // Local problems are capped by the reader; with cross-file ones added, the file's list is capped again.
      this.combined.set(path, cross.length ? (capProblems(path, e.local.concat(cross)) as Problem[]) : e.local);
      this.recomputed.add(path);
    }
    this.dirty.clear();
  }

  /** Problems of every file (local and cross-file). The map is live: read it, do not keep it across changes. */
  problemsByFile(): ReadonlyMap<string, readonly Problem[]> {
    this.flush();
    return this.combined;
  }

  /** Problems of one file. */
  problemsOf(path: string): readonly Problem[] {
    this.flush();
    return this.combined.get(path) ?? EMPTY;
  }

  /** All problems of the journal, file by file. */
  problems(): Problem[] {
    this.flush();
    const out: Problem[] = [];
    // One push per problem: spreading a list into push's arguments overflows the stack on long lists.
    for (const list of this.combined.values()) for (const p of list) out.push(p);
    return out;
  }

  /** Files whose problems were recomputed (or removed) since the last call: what a diagnostics view must refresh. */
  takeChangedProblemFiles(): string[] {
    this.flush();
    const out = [...this.recomputed];
    this.recomputed.clear();
    return out;
  }

}

export function sightingDate(iv: Interview, _c: WeaknessCitation, round: Round | undefined): string | undefined {
  if (round?.date) return round.date;
  if (iv.feedback?.received) return iv.feedback.received;
  for (let i = iv.rounds.length - 1; i >= 0; i--) if (iv.rounds[i].date) return iv.rounds[i].date;
  return iv.applied;
}
