/** The one template of a new study note, whichever command or quick fix creates it, and where it goes. */
import { slugify } from '../ids';
import type { ImprovementItem, Weakness } from '../model';

/** What a new note serves: the weakness and the improvement item that link it. */
export interface StudyNoteLink {
  weakness?: Pick<Weakness, 'id' | 'title'>;
  item?: Pick<ImprovementItem, 'id' | 'action' | 'doneWhen'>;
}

/** The Markdown of a new study note: its title, what it serves, and headings to fill. */
export function studyNote(title: string, link: StudyNoteLink = {}): string {
  const lines = [`# ${title.replace(/\s+/g, ' ').trim()}`, ''];
  if (link.weakness) lines.push(`Weakness: ${link.weakness.title} (\`${link.weakness.id}\`)`);
  if (link.item) lines.push(`Improvement: ${link.item.action} (\`${link.item.id}\`)${link.item.doneWhen ? `; done when: ${link.item.doneWhen}` : ''}`);
  if (link.weakness || link.item) lines.push('');
  lines.push('## What I got wrong', '', '', '## Key ideas', '', '', '## Practice', '', '', '## Check: can I explain it without notes?', '', '');
  return lines.join('\n');
}

/** A readable title made from an id or a file name: `thinking-aloud` → `Thinking aloud`. */
export function titleFromId(id: string): string {
  const words = id.split(/[-_]+/).filter(Boolean).join(' ');
  return words ? words[0].toUpperCase() + words.slice(1) : id;
}

/** The title of a note that only has a path: its file name, made readable. */
export function titleFromNotePath(notePath: string): string {
  return titleFromId(notePath.replace(/^.*\//, '').replace(/\.(md|markdown)$/i, ''));
}

/** A workspace-relative path for a new note, unique among `existing`. */
export function newNotePath(title: string, existing: ReadonlySet<string>, folder = 'notes'): string {
  const slug = slugify(title) || 'note';
  let path = `${folder}/${slug}.md`;
  for (let i = 2; existing.has(path); i++) path = `${folder}/${slug}-${i}.md`;
  return path;
}
