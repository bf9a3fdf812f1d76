/**
 * Problems that need more than one file: duplicate interview ids, citations of unknown weaknesses,
 * weaknesses no interview cites, and links to study notes that do not exist. The index calls these
 * only for the files a change can affect.
 */
import type { Interview, WeaknessesFile } from '../model';
import { normalizeRelative } from '../paths';
import type { Problem } from '../problems';
import { didYouMean } from '../text/fuzzy';

/** What the checks read from the rest of the journal. */
export interface JournalView {
  readonly weaknessesPath: string;
  /** Files whose interview has this id. */
  filesWithInterviewId(id: string): string[];
  /** Is a weakness with this id defined (first definition wins)? */
  weakness(id: string): object | undefined;
  weaknessIds(): string[];
  hasWeaknessesFile(): boolean;
  /** Does any interview cite this weakness? */
  isCited(weaknessId: string): boolean;
  /** Does the (normalized, workspace-relative) note path exist? */
  hasNote(path: string): boolean;
}

export function interviewCrossProblems(view: JournalView, path: string, iv: Interview | undefined): Problem[] {
  const out: Problem[] = [];
  if (!iv) return out;
  const same = view.filesWithInterviewId(iv.id);
  if (same.length > 1) {
    const others = same.filter((f) => f !== path).sort();
    out.push({
      file: path, range: iv.idRange, severity: 'error', code: 'duplicate-id',
      message: `Interview id "${iv.id}" is also used by ${others.join(', ')}. Give each application its own id.`, data: { id: iv.id, files: others },
    });
  }
  const hasFile = view.hasWeaknessesFile();
  for (const c of iv.weaknesses) {
    if (view.weakness(c.weakness)) continue;
    const suggestion = hasFile ? didYouMean(c.weakness, view.weaknessIds()) : undefined;
    out.push({
      file: path, range: c.weaknessRange, severity: 'error', code: 'unknown-weakness',
      message: hasFile
        ? `Unknown weakness "${c.weakness}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Define it in ${view.weaknessesPath} or cite an existing id.`
        : `Unknown weakness "${c.weakness}": ${view.weaknessesPath} does not exist. Run "Debrief: Initialize Journal" and define it there.`,
      data: { weakness: c.weakness, suggestion },
    });
  }
  return out;
}

export function weaknessesCrossProblems(view: JournalView, path: string, file: WeaknessesFile | undefined): Problem[] {
  const out: Problem[] = [];
  for (const w of file?.weaknesses ?? []) {
    if (view.weakness(w.id) === w && !view.isCited(w.id)) {
      out.push({
        file: path, range: w.idRange, severity: 'info', code: 'unused-weakness',
        message: `No interview cites "${w.id}" yet. Cite it under "weaknesses:" in an interview where it showed, or delete it if it no longer applies.`,
        data: { weakness: w.id },
      });
    }
    for (const item of w.improvements) {
      for (const n of item.notes) {
        const norm = normalizeRelative(n.path);
        if (norm === undefined || view.hasNote(norm)) continue;
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
