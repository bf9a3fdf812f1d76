/** The keys already written in the mapping a cursor is in, so completion offers only the missing ones. */
import { lineShape } from './line-shape';

/** Keys at `column` in the block mapping around `line` (the line itself excluded). */
export function siblingKeys(text: string, line: number, column: number): Set<string> {
  const lines = text.split(/\r?\n/);
  const keys = new Set<string>();
  for (let i = line - 1; i >= 0; i--) {
    const s = lineShape(lines[i]);
    if (s.blank) continue;
    if (s.dash !== undefined && s.contentCol === column) {
      if (s.key) keys.add(s.key);
      break; // the first key of this list item: the mapping starts here
    }
    if (s.contentCol < column || (s.dash !== undefined && s.dash < column)) break;
    if (s.indent === column && s.dash === undefined && s.key) keys.add(s.key);
  }
  for (let i = line + 1; i < lines.length; i++) {
    const s = lineShape(lines[i]);
    if (s.blank) continue;
    if (s.indent < column || (s.dash !== undefined && s.dash < column) || (s.dash !== undefined && s.contentCol === column)) break;
    if (s.indent === column && s.dash === undefined && s.key) keys.add(s.key);
  }
  return keys;
}
