import * as vscode from 'vscode';
import { itemStatus } from '../../core/model';
import { noteSummary } from '../../core/language/fixes';
import type { Services } from '../../services/services';
import { toRange } from '../../adapters/ranges';
import { contains, JournalDoc, journalDoc, noteLinkAt, noteLinks, weaknessIdAt } from './shared';
import { planRenameWeakness } from '../../core/plans/weakness-plans';
import { escapeMarkdown } from '../../core/text/markdown';
import { resolveNotePath } from '../../core/note-paths';
import { cursorContext } from '../../core/language/cursor';
import { roundWhenText } from '../../core/schedule';


/** Hover text of a weakness: title, status, where it surfaced, its improvement items. */
export function weaknessHover(jd: JournalDoc, id: string): vscode.MarkdownString | undefined {
  const index = jd.journal.index;
  const w = index.weakness(id);
  if (!w) return undefined;
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMarkdown(w.title)}** \`${id}\`\n\n`);
  const facts = [w.category, w.status ? `status: ${w.status}` : undefined].filter(Boolean);
  if (facts.length) md.appendMarkdown(`${escapeMarkdown(facts.join(' · '))}\n\n`);
  if (w.description) md.appendMarkdown(`${escapeMarkdown(w.description)}\n\n`);
  const sightings = index.sightings(id);
  if (sightings.length) {
    md.appendMarkdown(`Surfaced ${sightings.length} time${sightings.length === 1 ? '' : 's'}:\n\n`);
    for (const s of sightings.slice(0, 10)) {
      const round = s.round ? `, round ${s.round.index}${s.round.type ? ` (${s.round.type})` : ''}` : '';
      const who = s.source ? ` · ${s.source}` : '';
      const quote = s.quote ? `: “${s.quote}”` : '';
      md.appendMarkdown(`- ${escapeMarkdown(`${s.date ?? 'undated'} · ${s.interview.company || s.interview.id}${s.interview.role ? ` – ${s.interview.role}` : ''}${round}${who}${quote}`)}\n`);
    }
    if (sightings.length > 10) md.appendMarkdown(`- ${sightings.length - 10} more…\n`);
    md.appendMarkdown('\n');
  } else md.appendMarkdown('Not cited by any interview yet.\n\n');
  if (w.improvements.length) {
    md.appendMarkdown('Improvement items:\n\n');
    for (const it of w.improvements) {
      const due = it.due ? ` (due ${it.due})` : it.done ? ` (done ${it.done})` : '';
      md.appendMarkdown(`- ${escapeMarkdown(`[${itemStatus(it)}] ${it.action}${due}`)}\n`);
    }
  } else md.appendMarkdown('No improvement items yet.\n');
  return md;
}

export class JournalHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const jd = journalDoc(this.services, doc);
    if (!jd) return undefined;
    const id = weaknessIdAt(jd, pos);
    if (id) {
      const md = weaknessHover(jd, id.id);
      return md ? new vscode.Hover(md, toRange(id.range)) : undefined;
    }
    const note = noteLinkAt(jd, pos);
    if (!note) return this.scheduleHover(jd, doc, pos);
    const md = new vscode.MarkdownString();
    // The one resolver of note paths decides what may be read: nothing outside the workspace.
    const r = await this.services.notes.noteText(jd.journal, note.link.path);
    if ('refused' in r) md.appendMarkdown(escapeMarkdown(r.refused));
    else if ('missing' in r) md.appendMarkdown(`**${escapeMarkdown(r.missing)}** does not exist yet. Use the quick fix to create it from a template.`);
    else {
      const path = note.path ?? note.link.path;
      const s = noteSummary(path, r.text);
      md.appendMarkdown(`**${escapeMarkdown(s.title)}**  \n${escapeMarkdown(path)}\n\n`);
      if (s.excerpt.length) md.appendCodeblock(s.excerpt.join('\n'), 'markdown');
    }
    return new vscode.Hover(md, toRange(note.link.range));
  }

  /** On a round's date, time, zone, duration, location or link: when it takes place, in its zone and in the user's. */
  private scheduleHover(jd: JournalDoc, doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    if (jd.kind !== 'interview') return undefined;
    const ctx = cursorContext(doc.getText(), pos.line, pos.character);
    if (!ctx || ctx.path.length !== 2 || ctx.path[0] !== 'rounds' || !SCHEDULE_KEYS.has(ctx.path[1])) return undefined;
    const round = jd.journal.index.interviewAt(jd.path)?.rounds.find((r) => contains(r.range, pos));
    if (!round?.date) return undefined;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**Round ${round.index}${round.type ? ` (${escapeMarkdown(round.type)})` : ''}**  \n`);
    md.appendMarkdown(escapeMarkdown(roundWhenText(round, this.services.clock.timeZone())));
    if (round.link) md.appendMarkdown(`  \n${escapeMarkdown(round.link)}`);
    return new vscode.Hover(md);
  }
}

/** The keys of a round whose hover shows when it takes place. */
const SCHEDULE_KEYS = new Set(['date', 'time', 'timezone', 'duration', 'location', 'link']);

export class JournalDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly services: Services) {}

  async provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Location | undefined> {
    const jd = journalDoc(this.services, doc);
    if (!jd) return undefined;
    const id = weaknessIdAt(jd, pos);
    if (id) {
      const w = jd.journal.index.weakness(id.id);
      return w ? new vscode.Location(jd.journal.uri(w.file), toRange(w.idRange)) : undefined;
    }
    const note = noteLinkAt(jd, pos);
    if (!note) return undefined;
    const r = await resolveNotePath(jd.journal.fs, note.link.path);
    return r.ok && r.exists ? new vscode.Location(jd.journal.uri(r.path), new vscode.Position(0, 0)) : undefined;
  }
}

export class JournalReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly services: Services) {}

  provideReferences(doc: vscode.TextDocument, pos: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const jd = journalDoc(this.services, doc);
    if (!jd) return undefined;
    const id = weaknessIdAt(jd, pos);
    if (!id) return undefined;
    const index = jd.journal.index;
    const out: vscode.Location[] = [];
    const w = index.weakness(id.id);
    if (context.includeDeclaration && w) out.push(new vscode.Location(jd.journal.uri(w.file), toRange(w.idRange)));
    for (const s of index.sightings(id.id)) out.push(new vscode.Location(jd.journal.uri(s.file), toRange(s.citation.weaknessRange)));
    return out;
  }
}

export class JournalRenameProvider implements vscode.RenameProvider {
  constructor(private readonly services: Services) {}

  prepareRename(doc: vscode.TextDocument, pos: vscode.Position): { range: vscode.Range; placeholder: string } {
    const jd = journalDoc(this.services, doc);
    const id = jd && weaknessIdAt(jd, pos);
    if (!jd || !id) throw new Error('Only weakness ids can be renamed in journal files: put the cursor on a weakness id.');
    if (!jd.journal.index.weakness(id.id)) throw new Error(`"${id.id}" is not defined in ${jd.journal.index.weaknessesPath}, so there is nothing to rename. Fix the id or add the weakness first.`);
    return { range: toRange(id.range), placeholder: id.id };
  }

  /** Renames the weakness id in weaknesses.yaml and every interview citing it, through the core's renameWeakness. */
  async provideRenameEdits(doc: vscode.TextDocument, pos: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
    const jd = journalDoc(this.services, doc);
    const id = jd && weaknessIdAt(jd, pos);
    if (!jd || !id) throw new Error('Only weakness ids can be renamed in journal files.');
    const index = jd.journal.index;
    const citing = index.filesCiting(id.id);
    const r = await this.services.editor.preview(jd.journal, [index.weaknessesPath, ...citing], (texts) => planRenameWeakness(texts, index.weaknessesPath, citing, id.id, newName.trim()));
    if ('edit' in r) return r.edit;
    const first = r.problems[0];
    throw new Error(`${first?.file ? `${first.file}: ` : ''}${first?.message ?? 'The rename was refused.'}`);
  }
}

/** A note link whose target is set once its path is resolved (when it is followed), never before. */
class NoteLink extends vscode.DocumentLink {
  constructor(range: vscode.Range, readonly journal: JournalDoc['journal'], readonly notePath: string) {
    super(range);
  }
}

/**
 * Note paths as links. A path the index knows is refused (it leaves the workspace, through a link
 * too) is no link; the others get their target only when followed, once the one resolver of note
 * paths has checked them again (a link may have changed since): a refused path is not opened, and
 * the reason is shown.
 */
export class JournalLinkProvider implements vscode.DocumentLinkProvider<NoteLink> {
  constructor(private readonly services: Services) {}

  provideDocumentLinks(doc: vscode.TextDocument): NoteLink[] {
    const jd = journalDoc(this.services, doc);
    if (!jd) return [];
    const out: NoteLink[] = [];
    for (const n of noteLinks(jd)) {
      if (!n.path || typeof jd.journal.index.noteStatus(n.path) === 'object') continue;
      const link = new NoteLink(toRange(n.link.range), jd.journal, n.link.path);
      link.tooltip = `Open the study note ${n.path}`;
      out.push(link);
    }
    return out;
  }

  async resolveDocumentLink(link: NoteLink): Promise<NoteLink> {
    const r = await resolveNotePath(link.journal.fs, link.notePath);
    if (r.ok) link.target = link.journal.uri(r.path);
    else void this.services.prompter.error(r.message);
    return link;
  }
}
