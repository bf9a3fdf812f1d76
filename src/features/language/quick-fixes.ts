import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../constants';
import type { ImprovementStatus } from '../../core/model';
import { dateCandidates, replacementLike } from '../../core/language/fixes';
import { timeCandidates } from '../../core/times';
import type { Problem } from '../../core/problems';
import type { Services } from '../../services/services';
import { JournalDoc, journalDoc } from './shared';
import { removeStage } from '../../core/edits/interview';
import { setImprovementStatus } from '../../core/edits/weaknesses';
import { editPlan } from '../../core/plans/journal-changes';
import { Plan, refused, Texts } from '../../core/plans/plan';
import { planAddWeakness } from '../../core/plans/weakness-plans';
import { closestValues } from '../../core/text/fuzzy';
import { studyNote, titleFromId, titleFromNotePath } from '../../core/templates/study-note';
import { resolveNotePath } from '../../core/note-paths';

const codeOf = (d: vscode.Diagnostic): string | undefined => (typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code));

function sameRange(p: Problem, r: vscode.Range): boolean {
  return p.range.start.line === r.start.line && p.range.start.character === r.start.character && p.range.end.line === r.end.line && p.range.end.character === r.end.character;
}

export class JournalQuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly services: Services) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (!ours.length) return [];
    const jd = journalDoc(this.services, doc);
    if (!jd) return [];
    const problems = jd.journal.index.problemsOf(jd.path);
    const out: vscode.CodeAction[] = [];
    for (const d of ours) {
      const p = problems.find((x) => x.code === codeOf(d) && sameRange(x, d.range));
      if (p) out.push(...(await this.fixes(jd, doc, p, d)));
    }
    return out;
  }

  private replace(doc: vscode.TextDocument, d: vscode.Diagnostic, title: string, value: string, preferred: boolean): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(doc.uri, d.range, replacementLike(doc.getText(d.range), value));
    action.diagnostics = [d];
    action.isPreferred = preferred;
    return action;
  }

  private async fixes(jd: JournalDoc, doc: vscode.TextDocument, p: Problem, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
    const data = (p.data ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : undefined);
    switch (p.code) {
      case 'bad-enum': {
        const allowed = Array.isArray(data.expected) ? data.expected.map(String) : [];
        const actual = data.actual === undefined || data.actual === null ? '' : String(data.actual);
        const ordered = [...new Set([...(str('suggestion') ? [str('suggestion') as string] : []), ...closestValues(actual, allowed)])].slice(0, 3);
        return ordered.map((v, i) => this.replace(doc, d, `Change to "${v}"`, v, i === 0));
      }
      case 'bad-date':
        return dateCandidates(doc.getText(d.range)).map((v, i, all) => this.replace(doc, d, all.length > 1 ? `Rewrite as ${v} (${i === 0 ? 'first reading' : 'other reading'})` : `Rewrite as ${v}`, v, all.length === 1));
      case 'bad-time':
        return timeCandidates(doc.getText(d.range)).map((v, i) => this.replace(doc, d, `Rewrite as ${v}`, v, i === 0));
      case 'unknown-timezone': {
        const suggestions = Array.isArray(data.suggestions) ? data.suggestions.map(String) : [];
        return suggestions.map((v, i) => this.replace(doc, d, `Change to "${v}"`, v, i === 0));
      }
      case 'unknown-key': {
        const s = str('suggestion');
        return s ? [this.replace(doc, d, `Rename key to "${s}"`, s, true)] : [];
      }
      case 'bad-id': {
        const s = str('suggestion');
        return s ? [this.replace(doc, d, `Change id to "${s}"`, s, true)] : [];
      }
      case 'id-mismatch': {
        const id = str('id');
        const fileId = str('fileId');
        if (!id || !fileId) return [];
        const out = [this.replace(doc, d, `Change id to "${fileId}" (the file name)`, fileId, true)];
        // Or keep the id and rename the file, unless a file with that name exists already.
        const target = vscode.Uri.joinPath(doc.uri, '..', `${id}.yaml`);
        const targetPath = jd.journal.pathOf(target);
        if (targetPath !== undefined && !(await jd.journal.fs.stat(targetPath).catch(() => true))) {
          const rename = new vscode.CodeAction(`Rename the file to ${id}.yaml`, vscode.CodeActionKind.QuickFix);
          rename.edit = new vscode.WorkspaceEdit();
          rename.edit.renameFile(doc.uri, target, { overwrite: false });
          rename.diagnostics = [d];
          out.push(rename);
        }
        return out;
      }
      case 'done-date-mismatch': {
        const w = str('weakness');
        const item = str('item');
        const status = str('status') as ImprovementStatus | undefined;
        if (!w || !item || !status) return [];
        const today = this.services.clock.today();
        // Both through the core's status edit: done keeps the date; the current status drops it.
        return [
          ...(await this.planned(jd, d, 'Set status to done', [jd.path], (texts) => editPlan(jd.path, texts, (t) => setImprovementStatus(t, w, item, 'done', today)), true)),
          ...(await this.planned(jd, d, 'Remove the done date', [jd.path], (texts) => editPlan(jd.path, texts, (t) => setImprovementStatus(t, w, item, status, today)), false)),
        ];
      }
      case 'unknown-weakness': {
        const out: vscode.CodeAction[] = [];
        const s = str('suggestion');
        if (s) out.push(this.replace(doc, d, `Change to "${s}"`, s, true));
        const id = str('weakness');
        if (id) out.push(...(await this.addWeaknessAction(jd, d, id)));
        return out;
      }
      case 'stage-behind-rounds':
        return this.planned(jd, d, 'Remove "stage" (Debrief works it out from the rounds)', [jd.path], (texts) => editPlan(jd.path, texts, removeStage), true);
      case 'missing-note': {
        // Created only where the one resolver of note paths allows (no link on the way leads outside the workspace).
        const resolved = str('note') !== undefined ? await resolveNotePath(jd.journal.fs, str('note') as string) : undefined;
        if (!resolved?.ok || resolved.exists) return [];
        const note = resolved.path;
        const w = str('weakness') ? jd.journal.index.weakness(str('weakness') as string) : undefined;
        const item = w?.improvements.find((i) => i.id === str('item'));
        const text = studyNote(titleFromNotePath(note), { weakness: w, item });
        const actions = await this.planned(jd, d, `Create the note ${note}`, [note], (texts) => texts.get(note) === undefined
          ? { ok: true, changes: [{ kind: 'create', path: note, text }], result: undefined }
          : refused('note-exists', `${note} exists already.`, note), true);
        for (const a of actions) a.command = { command: 'vscode.open', title: 'Open the note', arguments: [jd.journal.uri(note)] };
        return actions;
      }
      default:
        return [];
    }
  }

  /** Adds the weakness to weaknesses.yaml through the core's addWeakness (creating the file when missing). */
  private async addWeaknessAction(jd: JournalDoc, d: vscode.Diagnostic, id: string): Promise<vscode.CodeAction[]> {
    const path = jd.journal.index.weaknessesPath;
    return this.planned(jd, d, `Add weakness "${id}" to ${path}`, [path], (texts) => planAddWeakness(texts, path, { id, title: titleFromId(id) }), false);
  }

  /** A quick fix whose edit is a plan of the core, made into a WorkspaceEdit by the journal editor; none when refused. */
  private async planned(jd: JournalDoc, d: vscode.Diagnostic, title: string, reads: string[], plan: (texts: Texts) => Plan<unknown>, preferred: boolean): Promise<vscode.CodeAction[]> {
    const r = await this.services.editor.preview(jd.journal, reads, plan);
    if (!('edit' in r)) return [];
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = r.edit;
    action.diagnostics = [d];
    action.isPreferred = preferred;
    return [action];
  }
}
