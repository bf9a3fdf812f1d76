/** The one escaper for text printed to a terminal: what the journal holds cannot forge lines or steer the terminal. */

// C0 and C1 control characters, DEL, the Unicode line and paragraph separators, the bidirectional
// marks, embeddings, overrides and isolates (which reorder what a reader sees), and the characters of
// no width (zero-width space, non-joiner and joiner, word joiner, invisible operators, the byte order
// mark, the Mongolian vowel separator), which hide text or make two different values look the same.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * One line of terminal output: line breaks, tabs, escape sequences, other control characters and
 * characters of no width in `text` are written as visible escapes (`\n`, `\u001b`, `\u200b`), so one
 * problem stays one line and a value cannot move the cursor, recolour the terminal, forge another line
 * or hide in plain sight.
 */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * The same for a block of several lines that Debrief laid out itself (statistics, JSON): its line
 * breaks stay, every other control character is escaped (in JSON, as a valid `\u` escape).
 */
export function escapeControlKeepingLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escape);
}

/**
 * A file's text printed to a terminal (an export to standard output): every control character and
 * character of no width escaped, but its line breaks kept as they are, `\r\n` (CSV) and `\n` alike,
 * so that the output redirected to a file is still that file.
 */
export function escapeControlKeepingLineEnds(text: string): string {
  return text.split('\r\n').map(escapeControlKeepingLines).join('\r\n');
}
