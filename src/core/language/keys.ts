/** The keys already written in the mapping a cursor is in, so completion offers only the missing ones. */

interface Shape {
  indent: number;
  /** Column of a leading `- `, when the line starts a list item. */
  dash?: number;
  /** Column where the key starts (after any dash). */
  content: number;
  key?: string;
}

function shape(line: string): Shape | undefined {
  if (!line.trim() || line.trimStart().startsWith('#')) return undefined;
  const m = /^( *)(- +)?(.*)$/.exec(line)!;
  const indent = m[1].length;
  const content = indent + (m[2]?.length ?? 0);
  const key = /^([^\s#:'"{[][^:#]*?|"[^"]*"|'[^']*')\s*:(\s|$)/.exec(m[3])?.[1]?.replace(/^["']|["']$/g, '');
  return { indent, dash: m[2] ? indent : undefined, content, key };
}

/** Keys at `column` in the block mapping around `line` (the line itself excluded). */
export function siblingKeys(text: string, line: number, column: number): Set<string> {
  const lines = text.split(/\r?\n/);
  const keys = new Set<string>();
  for (let i = line - 1; i >= 0; i--) {
    const s = shape(lines[i]);
    if (!s) continue;
    if (s.dash !== undefined && s.content === column) {
      if (s.key) keys.add(s.key);
      break; // the first key of this list item: the mapping starts here
    }
    if (s.content < column || (s.dash !== undefined && s.dash < column)) break;
    if (s.indent === column && s.dash === undefined && s.key) keys.add(s.key);
  }
  for (let i = line + 1; i < lines.length; i++) {
    const s = shape(lines[i]);
    if (!s) continue;
    if (s.indent < column || (s.dash !== undefined && s.dash < column) || (s.dash !== undefined && s.content === column)) break;
    if (s.indent === column && s.dash === undefined && s.key) keys.add(s.key);
  }
  return keys;
}
