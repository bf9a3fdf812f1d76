/**
 * Problems that need more than one file: duplicate interview ids, citations of unknown weaknesses,
 * weaknesses no interview cites, and links to study notes that do not exist. The index calls these
 * only for the files a change can affect.
 */
import { LIMITS } from '../limits';
import type { Interview, WeaknessesFile } from '../model';
import { notePath, NoteStatus } from '../note-paths';
import { ProblemCollector, type Problem } from '../problems';
import { didYouMean } from '../text/fuzzy';
import { thousands } from '../text/numbers';
import { shown } from '../text/shown';

/**
 * "Did you mean" compares a word with every weakness id: per file, suggestions stop once this many
 * comparisons are made, so that a file citing thousands of unknown ids of a file defining thousands of
 * weaknesses costs a bounded amount of work (the problems stay, without a suggestion).
 */
const SUGGESTION_BUDGET = 5_000;

/** The `n` smallest strings of a list, sorted, in one pass. */
function smallest(list: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (const s of list) {
    if (out.length === n && s >= out[n - 1]) continue;
    let i = out.length;
    while (i > 0 && out[i - 1] > s) i--;
    out.splice(i, 0, s);
    if (out.length > n) out.pop();
  }
  return out;
}

/** What the checks read from the rest of the journal. */
export interface JournalView {
  readonly weaknessesPath: string;
  /** Files whose interview has this id. */
  filesWithInterviewId(id: string): string[];
  /** Is a weakness with this id defined (first definition wins)? */
  weakness(id: string): object | undefined;
  weaknessIds(): string[];
  hasWeaknessesFile(): boolean;
  /** Is weaknesses.yaml missing or read whole (no part of it left out, so every weakness it defines is known)? */
  weaknessesComplete(): boolean;
  /** Does any interview cite this weakness? */
  isCited(weaknessId: string): boolean;
  /** Did every interview file read whole (so every citation is known)? */
  citationsComplete(): boolean;
  /**
   * What is at a (normalized, workspace-relative) note path: `exists`, `missing`, or why it is
   * refused (e.g. "links outside the workspace").
   */
  noteStatus(path: string): NoteStatus;
}

/**
 * Cross-file problems of an interview: at most `room` are built (the rest counted, see ProblemCollector),
 * and the work per file is bounded whatever it cites. While a part of weaknesses.yaml did not read, no
 * citation is reported unknown: the weakness may be defined there (that part has its own problem).
 */
export function interviewCrossProblems(view: JournalView, path: string, iv: Interview | undefined, room = LIMITS.problemsPerFile): Problem[] {
  const out = new ProblemCollector(path, room);
  if (!iv) return [];
  const same = view.filesWithInterviewId(iv.id);
  if (same.length > 1) {
    const others = smallest(same.filter((f) => f !== path), 3);
    const rest = same.length - 1 - others.length;
    out.push({
      file: path, range: iv.idRange, severity: 'error', code: 'duplicate-id',
      message: `Interview id "${shown(iv.id)}" is also used by ${others.map((f) => shown(f)).join(', ')}${rest > 0 ? ` and ${thousands(rest)} more file${rest === 1 ? '' : 's'}` : ''}. Give each application its own id.`,
      data: { id: iv.id, files: others },
    });
  }
  const hasFile = view.hasWeaknessesFile();
  if (!view.weaknessesComplete()) return out.finish();
  let budget = SUGGESTION_BUDGET;
  // Listed once an unknown citation needs a suggestion (most interviews cite only known weaknesses).
  let ids: string[] | undefined;
  for (const c of iv.weaknesses) {
    if (view.weakness(c.weakness)) continue;
    if (out.full) {
      out.skip('error');
      continue;
    }
    let suggestion: string | undefined;
    ids ??= hasFile ? view.weaknessIds() : [];
    if (hasFile && budget >= ids.length) {
      budget -= ids.length;
      suggestion = didYouMean(c.weakness, ids);
    }
    const cited = shown(c.weakness);
    out.push({
      file: path, range: c.weaknessRange, severity: 'error', code: 'unknown-weakness',
      message: hasFile
        ? `Unknown weakness "${cited}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Define it in ${view.weaknessesPath} or cite an existing id.`
        : `Unknown weakness "${cited}": ${view.weaknessesPath} does not exist. Run "Debrief: Initialize Journal" and define it there.`,
      data: { weakness: c.weakness, suggestion },
    });
  }
  return out.finish();
}

/**
 * Cross-file problems of weaknesses.yaml; at most `room` are built, the rest counted. While an
 * interview file did not read whole, no weakness is reported unused: it may be cited there.
 */
export function weaknessesCrossProblems(view: JournalView, path: string, file: WeaknessesFile | undefined, room = LIMITS.problemsPerFile): Problem[] {
  const out = new ProblemCollector(path, room);
  const citations = view.citationsComplete();
  for (const w of file?.weaknesses ?? []) {
    if (citations && view.weakness(w.id) === w && !view.isCited(w.id)) {
      if (out.full) out.skip('info');
      else {
        out.push({
          file: path, range: w.idRange, severity: 'info', code: 'unused-weakness',
          message: `No interview cites "${shown(w.id)}" yet. Cite it under "weaknesses:" in an interview where it showed, or delete it if it no longer applies.`,
          data: { weakness: w.id },
        });
      }
    }
    for (const item of w.improvements) {
      for (const n of item.notes) {
        const norm = notePath(n.path);
        if (norm === undefined) continue;
        const status = view.noteStatus(norm);
        if (status === 'exists') continue;
        if (out.full) {
          out.skip(status === 'missing' ? 'warning' : 'error');
          continue;
        }
        out.push(status === 'missing'
          ? {
            file: path, range: n.range, severity: 'warning', code: 'missing-note',
            message: `The note "${shown(n.path)}" does not exist. Create it, or fix the path (relative to the workspace folder).`,
            data: { note: norm, weakness: w.id, item: item.id },
          }
          : {
            file: path, range: n.range, severity: 'error', code: 'note-outside-workspace',
            message: `The note "${shown(n.path)}" ${status.refused}, so Debrief does not open or read it. Link a Markdown file inside the workspace folder.`,
            data: { note: norm, weakness: w.id, item: item.id },
          });
      }
    }
  }
  return out.finish();
}
