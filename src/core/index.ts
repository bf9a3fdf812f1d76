/**
 * The journal index: every record of one journal folder, kept up to date one file at a time.
 * Local problems come from reading a file; cross-file problems (unknown or duplicate ids, unused
 * weaknesses, missing notes) are recomputed only for the files a change can affect.
 */
import { FileSystem, joinPath, normalizeRelative } from './fs';
import {
  addDays, ImprovementItem, Interview, OUTCOMES, Outcome, Round, ROUND_TYPES, RoundType, Stage, STAGES, todayString,
  Weakness, WeaknessCitation, WeaknessesFile, WeaknessStatus, CitationSource, daysBetween,
} from './model';
import { Problem, Range } from './problems';
import { readInterview, readWeaknesses, StringPool } from './read';
import { didYouMean } from './text';

export type JournalFileKind = 'interview' | 'weaknesses';

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

export interface WeaknessStats {
  id: string;
  title: string;
  status?: WeaknessStatus;
  /** Number of citations. */
  sightings: number;
  /** Number of distinct interviews citing it. */
  interviews: number;
  /** Sightings per month, `YYYY-MM` → count, months in order. */
  byMonth: Record<string, number>;
  firstSeen?: string;
  lastSeen?: string;
  /** Sightings in the last 90 days up to `today` (inclusive). */
  recent: number;
  /** Sightings in the 90 days before those. */
  previous: number;
  /** more / less: recent vs previous; same: equal and non-zero; none: no sighting in the last 180 days. */
  trend: 'more' | 'less' | 'same' | 'none';
  /** Seen in a single interview: a hypothesis to confirm, not yet a pattern. */
  hypothesis: boolean;
  /** The latest `done` date of its improvement items. */
  lastDone?: string;
  /** Sightings dated after lastDone. */
  sightingsAfterDone: number;
  /** True when it surfaced again after improvement items were done. */
  resurfacedAfterDone: boolean;
}

export interface JournalStats {
  today: string;
  interviews: number;
  outcomes: Record<Outcome | 'unset', number>;
  /** Furthest stage reached (the `stage` key). */
  stages: Record<Stage | 'unset', number>;
  /** For closed applications that did not end in an offer: the type of the last round held ('none' when no round was recorded). */
  endedAfter: Record<RoundType | 'none', number>;
  feedback: {
    /** Applications where feedback was requested. */
    asked: number;
    /** Applications where feedback was received. */
    answered: number;
    /** answered / asked, undefined when nothing was asked. */
    answerRate?: number;
    /** Days from request to reception, for applications with both dates. */
    replyDays: number[];
    medianReplyDays?: number;
  };
  weaknesses: WeaknessStats[];
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
}
interface WeaknessesEntry {
  kind: 'weaknesses';
  value?: WeaknessesFile;
  local: Problem[];
}
type Entry = InterviewEntry | WeaknessesEntry;

const EMPTY: readonly Problem[] = Object.freeze([]);

/** How many times an interview cites each weakness id. */
function citedIdsOf(iv: Interview | undefined): Map<string, number> | undefined {
  if (!iv || iv.weaknesses.length === 0) return undefined;
  const m = new Map<string, number>();
  for (const c of iv.weaknesses) m.set(c.weakness, (m.get(c.weakness) ?? 0) + 1);
  return m;
}

/** The files holding one id: a single path (the usual case, no Set allocated) or a Set of two or more. */
type FilesOf = string | Set<string>;
function filesOf(v: FilesOf | undefined): Iterable<string> {
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}
function filesCount(v: FilesOf | undefined): number {
  return v === undefined ? 0 : typeof v === 'string' ? 1 : v.size;
}

export class JournalIndex {
  readonly journalFolder: string;
  readonly interviewsFolder: string;
  readonly weaknessesPath: string;
  private _version = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly idToFiles = new Map<string, FilesOf>();
  private readonly citedBy = new Map<string, Map<string, number>>();
  private weaknessById = new Map<string, Weakness>();
  private noteLinks = new Map<string, Backlink[]>();
  private noteExists: (path: string) => boolean = () => true;
  private readonly combined = new Map<string, Problem[]>();
  private readonly dirty = new Set<string>();
  private readonly recomputed = new Set<string>();
  private readonly listeners = new Set<(e: IndexChange) => void>();
  private statsCache?: { version: number; today: string; stats: JournalStats };

  constructor(options: JournalIndexOptions) {
    this.journalFolder = joinPath(options.journalFolder);
    this.interviewsFolder = joinPath(this.journalFolder, 'interviews');
    this.weaknessesPath = joinPath(this.journalFolder, 'weaknesses.yaml');
  }

  /** Increases with every change. */
  get version(): number {
    return this._version;
  }

  /** Which journal file a workspace-relative path is, if any. */
  kindOf(path: string): JournalFileKind | undefined {
    if (path === this.weaknessesPath) return 'weaknesses';
    const prefix = this.interviewsFolder + '/';
    if (path.startsWith(prefix) && /\.ya?ml$/i.test(path) && !path.slice(prefix.length).includes('/')) return 'interview';
    return undefined;
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

  /** (Re-)reads one file. Returns false when the path is not a journal file. */
  update(path: string, content: string | Uint8Array): boolean {
    const kind = this.kindOf(path);
    if (!kind) return false;
    this.apply(path, kind, content);
    this.fire([path]);
    return true;
  }

  /** Updates many files with a single change event. */
  updateMany(files: Iterable<[string, string | Uint8Array]>, strings: StringPool = new StringPool()): void {
    const paths: string[] = [];
    for (const [path, content] of files) {
      const kind = this.kindOf(path);
      if (!kind) continue;
      this.apply(path, kind, content, strings);
      paths.push(path);
    }
    if (paths.length) this.fire(paths);
  }

  private apply(path: string, kind: JournalFileKind, content: string | Uint8Array, strings?: StringPool): void {
    if (kind === 'interview') {
      const r = readInterview(path, content, { strings });
      this.setInterview(path, { kind, interview: r.value, local: r.problems });
    } else {
      const r = readWeaknesses(path, content, { strings });
      this.setWeaknesses(path, { kind, value: r.value, local: r.problems });
    }
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
    this.statsCache = undefined;
  }

  private setWeaknesses(path: string, next: WeaknessesEntry | undefined): void {
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
          const key = normalizeRelative(n.path);
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
    this.statsCache = undefined;
  }

  /** Sets how to tell whether a workspace-relative note path exists (a Set of known files or a predicate). */
  setNoteExists(exists: ((path: string) => boolean) | ReadonlySet<string>): void {
    this.noteExists = typeof exists === 'function' ? exists : (p) => exists.has(p);
    this.dirty.add(this.weaknessesPath);
    this.fire([]);
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
    const out: Interview[] = [];
    for (const e of this.entries.values()) if (e.kind === 'interview' && e.interview) out.push(e.interview);
    return out.sort((a, b) => ((a.applied ?? '9999') < (b.applied ?? '9999') ? -1 : (a.applied ?? '9999') > (b.applied ?? '9999') ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
  backlinks(notePath: string): Backlink[] {
    const key = normalizeRelative(notePath);
    return key === undefined ? [] : [...(this.noteLinks.get(key) ?? [])];
  }

  // ---------- problems ----------

  private flush(): void {
    if (this.dirty.size === 0) return;
    for (const path of this.dirty) {
      const e = this.entries.get(path);
      if (!e) {
        this.combined.delete(path);
        continue;
      }
      const cross = e.kind === 'interview' ? this.crossInterview(path, e) : this.crossWeaknesses(path, e);
      this.combined.set(path, cross.length ? e.local.concat(cross) : e.local);
      this.recomputed.add(path);
    }
    this.dirty.clear();
  }

  private crossInterview(path: string, e: InterviewEntry): Problem[] {
    const out: Problem[] = [];
    const iv = e.interview;
    if (!iv) return out;
    const same = this.idToFiles.get(iv.id);
    if (filesCount(same) > 1) {
      const others = [...filesOf(same)].filter((f) => f !== path).sort();
      out.push({
        file: path, range: iv.idRange, severity: 'error', code: 'duplicate-id',
        message: `Interview id "${iv.id}" is also used by ${others.join(', ')}. Give each application its own id.`, data: { id: iv.id, files: others },
      });
    }
    const hasFile = this.hasWeaknessesFile();
    for (const c of iv.weaknesses) {
      if (this.weaknessById.has(c.weakness)) continue;
      const suggestion = hasFile ? didYouMean(c.weakness, [...this.weaknessById.keys()]) : undefined;
      out.push({
        file: path, range: c.weaknessRange, severity: 'error', code: 'unknown-weakness',
        message: hasFile
          ? `Unknown weakness "${c.weakness}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Define it in ${this.weaknessesPath} or cite an existing id.`
          : `Unknown weakness "${c.weakness}": ${this.weaknessesPath} does not exist. Run "Debrief: Initialize Journal" and define it there.`,
        data: { weakness: c.weakness, suggestion },
      });
    }
    return out;
  }

  private crossWeaknesses(path: string, e: WeaknessesEntry): Problem[] {
    const out: Problem[] = [];
    for (const w of e.value?.weaknesses ?? []) {
      if (this.weaknessById.get(w.id) === w && !this.citedBy.has(w.id)) {
        out.push({
          file: path, range: w.idRange, severity: 'info', code: 'unused-weakness',
          message: `No interview cites "${w.id}" yet. Cite it under "weaknesses:" in an interview where it showed, or delete it if it no longer applies.`,
          data: { weakness: w.id },
        });
      }
      for (const item of w.improvements) {
        for (const n of item.notes) {
          const norm = normalizeRelative(n.path);
          if (norm === undefined || this.noteExists(norm)) continue;
          out.push({
            file: path, range: n.range, severity: 'warning', code: 'missing-note',
            message: `The note "${n.path}" does not exist. Create it, or fix the path (relative to the workspace folder).`,
            data: { note: norm, weakness: w.id, item: item.id },
          });
        }
      }
    }
    return out;
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
    for (const list of this.combined.values()) out.push(...list);
    return out;
  }

  /** Files whose problems were recomputed (or removed) since the last call: what a diagnostics view must refresh. */
  takeChangedProblemFiles(): string[] {
    this.flush();
    const out = [...this.recomputed];
    this.recomputed.clear();
    return out;
  }

  // ---------- statistics ----------

  /** Statistics of the journal, relative to `today` (YYYY-MM-DD, default: the current local date). */
  stats(today: string = todayString()): JournalStats {
    if (this.statsCache && this.statsCache.version === this._version && this.statsCache.today === today) return this.statsCache.stats;
    const outcomes = Object.fromEntries([...OUTCOMES, 'unset'].map((k) => [k, 0])) as JournalStats['outcomes'];
    const stages = Object.fromEntries([...STAGES, 'unset'].map((k) => [k, 0])) as JournalStats['stages'];
    const endedAfter = Object.fromEntries([...ROUND_TYPES, 'none'].map((k) => [k, 0])) as JournalStats['endedAfter'];
    let asked = 0, answered = 0;
    const replyDays: number[] = [];
    const ivs = this.interviews();
    for (const iv of ivs) {
      outcomes[iv.outcome ?? 'unset']++;
      stages[iv.stage ?? 'unset']++;
      if (iv.outcome && ['rejected', 'ghosted', 'withdrawn', 'role-closed'].includes(iv.outcome)) {
        const last = iv.rounds[iv.rounds.length - 1];
        endedAfter[last?.type ?? 'none']++;
      }
      if (iv.feedback?.requested) asked++;
      if (iv.feedback?.received) answered++;
      if (iv.feedback?.requested && iv.feedback.received) replyDays.push(daysBetween(iv.feedback.requested, iv.feedback.received));
    }
    replyDays.sort((a, b) => a - b);
    const recentFrom = addDays(today, -89);
    const previousFrom = addDays(today, -179);
    const weaknesses: WeaknessStats[] = [];
    for (const w of this.weaknesses()) {
      if (this.weaknessById.get(w.id) !== w) continue;
      const sightings = this.sightings(w.id);
      const byMonth: Record<string, number> = {};
      let recent = 0, previous = 0;
      const dated = sightings.filter((s) => s.date !== undefined);
      for (const s of dated) {
        const d = s.date as string;
        byMonth[d.slice(0, 7)] = (byMonth[d.slice(0, 7)] ?? 0) + 1;
        if (d >= recentFrom && d <= today) recent++;
        else if (d >= previousFrom && d < recentFrom) previous++;
      }
      let lastDone: string | undefined;
      for (const it of w.improvements) if (it.done && (it.status === 'done' || it.status === undefined) && (!lastDone || it.done > lastDone)) lastDone = it.done;
      const after = lastDone ? dated.filter((s) => (s.date as string) > lastDone).length : 0;
      const distinct = new Set(sightings.map((s) => s.file)).size;
      weaknesses.push({
        id: w.id, title: w.title, status: w.status, sightings: sightings.length, interviews: distinct,
        byMonth: Object.fromEntries(Object.entries(byMonth).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
        firstSeen: dated[0]?.date, lastSeen: dated[dated.length - 1]?.date, recent, previous,
        trend: recent === 0 && previous === 0 ? 'none' : recent > previous ? 'more' : recent < previous ? 'less' : 'same',
        hypothesis: distinct === 1, lastDone, sightingsAfterDone: after, resurfacedAfterDone: after > 0,
      });
    }
    const stats: JournalStats = {
      today, interviews: ivs.length, outcomes, stages, endedAfter,
      feedback: {
        asked, answered, answerRate: asked ? answered / asked : undefined, replyDays,
        medianReplyDays: replyDays.length ? (replyDays.length % 2 ? replyDays[(replyDays.length - 1) / 2] : (replyDays[replyDays.length / 2 - 1] + replyDays[replyDays.length / 2]) / 2) : undefined,
      },
      weaknesses,
    };
    this.statsCache = { version: this._version, today, stats };
    return stats;
  }
}

function sightingDate(iv: Interview, _c: WeaknessCitation, round: Round | undefined): string | undefined {
  if (round?.date) return round.date;
  if (iv.feedback?.received) return iv.feedback.received;
  for (let i = iv.rounds.length - 1; i >= 0; i--) if (iv.rounds[i].date) return iv.rounds[i].date;
  return iv.applied;
}

export interface LoadOptions {
  /** Check that linked notes exist with fs.stat (default true). */
  checkNotes?: boolean;
  /** Parallel reads (default 16). */
  concurrency?: number;
}

/** Reads every journal file of a folder into a new index. Missing folders give an empty index. */
export async function loadJournal(fs: FileSystem, journalFolder: string, options: LoadOptions = {}): Promise<JournalIndex> {
  const index = new JournalIndex({ journalFolder });
  const paths: string[] = [];
  try {
    for (const [name, type] of await fs.readDirectory(index.interviewsFolder)) {
      const p = `${index.interviewsFolder}/${name}`;
      if (type === 'file' && index.kindOf(p) === 'interview') paths.push(p);
    }
  } catch {
    // No interviews folder yet.
  }
  // weaknesses.yaml is read last. It is one large file whose whole syntax tree is alive while it is
  // parsed; read first, that survival rate makes V8 allocate the parser's short-lived objects directly in
  // the old generation for the rest of the load (allocation-site pretenuring), and peak memory grows by
  // tens of MB of garbage awaiting a full collection.
  if ((await fs.stat(index.weaknessesPath))?.type === 'file') paths.push(index.weaknessesPath);
  // Files are read and indexed in bounded batches: a batch is read in parallel, then indexed, before the
  // next batch is read. Only one batch of bytes is held at a time.
  const limit = Math.max(1, options.concurrency ?? 16);
  // One string pool for the whole load: equal values of different files share one copy.
  const strings = new StringPool();
  for (let i = 0; i < paths.length; i += limit) {
    const batch = await Promise.all(paths.slice(i, i + limit).map(async (p): Promise<[string, Uint8Array]> => {
      try {
        return [p, await fs.readFile(p)];
      } catch {
        return [p, new Uint8Array()];
      }
    }));
    index.updateMany(batch, strings);
  }
  if (options.checkNotes !== false) {
    const existing = new Set<string>();
    await Promise.all(index.linkedNotes().map(async (n) => {
      if ((await fs.stat(n))?.type === 'file') existing.add(n);
    }));
    index.setNoteExists(existing);
  }
  return index;
}
