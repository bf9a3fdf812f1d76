/** The one Markdown escaper: text from the journal shows as written, never as markup, links or HTML. */

/**
 * What Markdown reads as markup wherever it stands: backslashes, code, emphasis, links and images (their
 * brackets: a parenthesis or a `!` alone is no markup), HTML and autolinks, tables, strikethrough, headings; a
 * character reference (`&amp;`); and what an editor would make a link of (a dot after any character
 * but a space and before a letter or digit, as in `www.example.com`, or `0=.za`, which linkify reads as
 * a host, the `:` of `http://` and of `mailto:`, and the first `/` of a `//` that starts a link
 * without a scheme).
 */
const ANYWHERE = /[\\`*_[\]<>|~#]|&(?=#?[\p{L}\p{N}]+;)|(?<=\S)\.(?=[\p{L}\p{N}])|:(?=\/\/)|(?<=[mM][aA][iI][lL][tT][oO]):|(?<!:)\/(?=\/)/gu;
/** What begins a block at the start of a line (a heading's `#` is escaped anywhere): a list item, a rule or a setext underline. */
const LINE_START = /^[ \t]*(?:([+=-])|(\p{N}+)([.)]))/u;

function escapeLine(line: string): string {
  const escaped = line.replace(ANYWHERE, '\\$&');
  // Spaces that begin a line are dropped by Markdown anyway (and four of them would start code).
  return escaped.replace(LINE_START, (_, mark?: string, digits?: string, after?: string) => (mark ? `\\${mark}` : `${digits}\\${after}`)).replace(/^[ \t]+/, '');
}

/**
 * Escapes what Markdown could read as markup, and nothing else, so that the Markdown source reads as
 * the text does (`take-home`, `(5 of 13)`). Line breaks become Markdown line breaks (`breaks: 'line'`,
 * for hovers and tooltips) or spaces (`breaks: 'space'`, for one-line places such as list items and
 * table cells).
 */
export function escapeMarkdown(text: string, breaks: 'line' | 'space' = 'space'): string {
  const lines = text.split(/\r?\n/);
  return breaks === 'line' ? lines.map(escapeLine).join('  \n') : escapeLine(lines.join(' '));
}

/**
 * Text that reads the same as Markdown and as plain text (letters, digits, spaces and , . : ; / ( ) ' " & ? ! % → – -
 * between them) is written as it is, so that a Markdown file stays readable as text; anything else
 * goes through escapeMarkdown. Not for the start of a line, where "1." or "-" would begin a list.
 */
export function markdownText(text: string, breaks: 'line' | 'space' = 'space'): string {
  return /^[\p{L}\p{N} ,.:;/()'"&?!%→–-]*$/u.test(text) ? text : escapeMarkdown(text, breaks);
}
