import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { linkNote } from '../core/edits/weaknesses';
import { resolveNotePath } from '../core/note-paths';
import { planLinkNewNote } from '../core/plans/weakness-plans';
import { newNotePath, studyNote } from '../core/templates/study-note';
import type { Services } from '../services/services';
import type { Command } from '../ui/command';
import { pickItem } from '../ui/pickers';
import { required } from '../ui/questions';
import { reveal } from '../ui/reveal';

const NEW = '\0new';

/** Debrief: Link Study Note. An existing Markdown file, or a new note from the template (created and linked as one change). */
export class LinkNoteCommand implements Command {
  readonly id = CommandId.LinkNote;
  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const { prompter: ask, notes, editor } = this.services;
    const title = 'Link Study Note';
    const t = await pickItem(this.services, arg, title);
    if (!t) return undefined;
    const linked = new Set(t.item.notes.map((n) => n.path));
    const files = notes.markdownFiles(t.journal);
    const choice = await ask.pick<string>(
      [{ label: '$(new-file) New note from a template…', value: NEW }, ...files.filter((p) => !linked.has(p)).map((p) => ({ label: p, value: p }))],
      { title, placeholder: `A Markdown note for "${t.item.action}"` },
    );
    if (choice === undefined) return undefined;
    const weaknessesPath = t.journal.index.weaknessesPath;
    let path = choice;
    if (choice === NEW) {
      const noteTitle = await ask.input({ title, prompt: 'Title of the new note', value: t.item.action, validate: required('The title') });
      if (noteTitle === undefined) return undefined;
      path = newNotePath(noteTitle.trim(), new Set(files));
      // The new note's folder must lead to a place inside the workspace (it may be a link).
      const target = await resolveNotePath(t.journal.fs, path);
      if (!target.ok) {
        void ask.error(target.message);
        return undefined;
      }
      const text = studyNote(noteTitle.trim(), { weakness: t.weakness, item: t.item });
      if (!(await editor.apply(t.journal, [weaknessesPath, path], (texts) => planLinkNewNote(texts, weaknessesPath, t.weakness.id, t.item.id, path, text)))) return undefined;
      await vscode.window.showTextDocument(t.journal.uri(path), { preview: false });
    } else {
      // An existing Markdown file is linked only when it is a file inside the workspace (a link may lead outside).
      const target = await resolveNotePath(t.journal.fs, choice);
      if (!target.ok || !target.exists) {
        void ask.error(target.ok ? `The note ${target.path} no longer exists.` : target.message);
        return undefined;
      }
      path = target.path;
      if (!(await editor.edit(t.journal, weaknessesPath, (text) => linkNote(text, t.weakness.id, t.item.id, path)))) return undefined;
      await reveal(t.uri, t.item.range.start.line);
    }
    return path;
  }
}
