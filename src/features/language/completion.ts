import * as vscode from 'vscode';
import { cursorContext, valueKindOf } from '../../core/language/cursor';
import { siblingKeys } from '../../core/language/keys';
import { schemaKeys } from '../../core/schema';
import { CITATION_SOURCES, ROUND_TYPES, WEAKNESS_CATEGORIES } from '../../core/model';
import type { Services } from '../../services/services';
import { JournalDoc, journalDoc } from './shared';

interface Snippet {
  label: string;
  detail: string;
  /** The list that holds the item. */
  list: string;
  /** For a nested list (improvements), the key path that must enclose the cursor. */
  within: string[];
  /** The item's lines, without the leading `- `. */
  body: string[];
}

const choice = (values: readonly string[]) => values.map((v) => v.replace(/[,|]/g, '')).join(',');

const SNIPPETS: Record<JournalDoc['kind'], Snippet[]> = {
  interview: [
    {
      label: 'round', detail: 'New interview round', list: 'rounds', within: [],
      body: [`type: \${1|${choice(ROUND_TYPES)}|}`, `date: \${2:${'$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE'}}`, 'interviewers: [$3]', 'rating: ${4|1,2,3,4,5|}', 'questions:', '  - $5', 'went-well: $6', 'went-badly: $0'],
    },
    {
      label: 'weakness citation', detail: 'Cite a weakness this interview revealed', list: 'weaknesses', within: [],
      body: ['weakness: $1', 'round: ${2:1}', `source: \${3|${choice(CITATION_SOURCES)}|}`, 'quote: "$0"'],
    },
  ],
  weaknesses: [
    {
      label: 'weakness', detail: 'New weakness', list: 'weaknesses', within: [],
      body: ['id: ${1:new-weakness}', 'title: $2', `category: \${3|${choice(WEAKNESS_CATEGORIES)}|}`, 'status: suspected', 'description: $4', 'improvements:', '  - id: ${5:first-step}', '    action: $6', '    status: todo', '    done-when: $0'],
    },
    {
      label: 'improvement item', detail: 'New improvement item of this weakness', list: 'improvements', within: ['weaknesses'],
      body: ['id: ${1:new-item}', 'action: $2', 'status: todo', 'due: ${3:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}', 'done-when: $4', 'notes:', '  - ${5:notes/topic.md}$0'],
    },
  ],
};

export class JournalCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly services: Services) {}

  async provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const jd = journalDoc(this.services, doc);
    if (!jd) return undefined;
    const ctx = cursorContext(doc.getText(), pos.line, pos.character);
    if (!ctx) return undefined;
    const replacing = new vscode.Range(pos.line, ctx.start, pos.line, Math.max(ctx.end, pos.character));
    const inserting = new vscode.Range(pos.line, ctx.start, pos.line, pos.character);
    const range = { inserting, replacing };
    const items: vscode.CompletionItem[] = [];
    if (ctx.at === 'value') {
      const kind = valueKindOf(jd.kind, ctx.path);
      if (kind && (kind.kind === 'note-path') === ctx.listItem) {
        if (kind.kind === 'enum') {
          kind.values.forEach((v, i) => {
            const item = new vscode.CompletionItem(v, vscode.CompletionItemKind.EnumMember);
            item.detail = `${kind.name}`;
            item.sortText = String(i).padStart(3, '0');
            item.range = range;
            items.push(item);
          });
        } else if (kind.kind === 'weakness-id') {
          for (const w of jd.journal.index.weaknesses()) {
            const item = new vscode.CompletionItem({ label: w.id, description: w.title }, vscode.CompletionItemKind.Reference);
            item.detail = [w.title, w.category, w.status].filter(Boolean).join(' · ');
            if (w.description) item.documentation = w.description;
            item.filterText = `${w.id} ${w.title}`;
            item.range = range;
            items.push(item);
          }
        } else if (kind.kind === 'note-path') {
          for (const p of this.services.notes.markdownFiles(jd.journal)) {
            const item = new vscode.CompletionItem(p, vscode.CompletionItemKind.File);
            item.detail = 'Markdown note';
            item.range = range;
            items.push(item);
          }
        } else if (kind.kind === 'timezone') {
          // The user's own zone first, then every zone the engine knows.
          const own = this.services.clock.timeZone();
          const all = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
          [own, ...all.filter((z) => z !== own)].forEach((z, i) => {
            const item = new vscode.CompletionItem(z, vscode.CompletionItemKind.Value);
            if (i === 0) item.detail = 'your time zone';
            item.sortText = String(i).padStart(4, '0');
            item.range = range;
            items.push(item);
          });
        } else if (kind.kind === 'date') {
          const today = this.services.clock.today();
          const item = new vscode.CompletionItem(today, vscode.CompletionItemKind.Value);
          item.detail = 'today';
          item.range = range;
          items.push(item);
        }
      }
      if (ctx.listItem && ctx.text === '') items.push(...this.snippets(jd, doc, ctx.path, inserting, false));
      return items;
    }
    return [...this.keys(jd, doc, pos.line, ctx.path, ctx.column, range), ...this.snippets(jd, doc, ctx.path, inserting, true)];
  }

  /** The keys the format allows here and the mapping does not have yet, required ones first. */
  private keys(jd: JournalDoc, doc: vscode.TextDocument, line: number, path: string[], column: number, range: { inserting: vscode.Range; replacing: vscode.Range }): vscode.CompletionItem[] {
    const present = siblingKeys(doc.getText(), line, column);
    return schemaKeys(jd.kind, path)
      .filter((k) => !present.has(k.key))
      .map((k) => {
        const item = new vscode.CompletionItem(k.key, vscode.CompletionItemKind.Property);
        item.detail = [k.title, k.required ? 'required' : undefined].filter(Boolean).join(' · ');
        if (k.description) item.documentation = new vscode.MarkdownString(k.description);
        item.insertText = `${k.key}: `;
        item.sortText = `${k.required ? '0' : '1'}${k.key}`;
        item.range = range;
        return item;
      });
  }

  private snippets(jd: JournalDoc, doc: vscode.TextDocument, path: string[], range: vscode.Range, withDash: boolean): vscode.CompletionItem[] {
    const out: vscode.CompletionItem[] = [];
    for (const s of SNIPPETS[jd.kind]) {
      const enclosing = [...s.within, s.list];
      const inList = enclosing.every((k, i) => path[i] === k) && path.length === enclosing.length;
      const atParent = path.length === s.within.length && s.within.every((k, i) => path[i] === k);
      if (!inList && !(atParent && withDash)) continue;
      const lines = s.body.map((l, i) => (i === 0 ? l : `  ${l}`));
      let text = (withDash ? '- ' : '') + lines.join('\n');
      if (!inList) {
        // At the parent level: write the list key too, unless the file already has it there.
        if (s.within.length === 0 && new RegExp(`^${s.list}:`, 'm').test(doc.getText())) continue;
        if (s.within.length > 0) continue;
        text = `${s.list}:\n  - ${lines.map((l, i) => (i === 0 ? l : `  ${l}`)).join('\n')}`;
      }
      const item = new vscode.CompletionItem(s.label, vscode.CompletionItemKind.Snippet);
      item.detail = s.detail;
      item.insertText = new vscode.SnippetString(text);
      item.range = range;
      item.sortText = `~${s.label}`;
      out.push(item);
    }
    return out;
  }
}
