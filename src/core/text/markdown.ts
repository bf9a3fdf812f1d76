/** The one Markdown escaper: text from the journal shows as written, never as markup, links or HTML. */

const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~]/g;

/**
 * Escapes every character Markdown could read as markup. Line breaks become Markdown line breaks
 * (`breaks: 'line'`, for hovers and tooltips) or spaces (`breaks: 'space'`, for one-line places such as
 * list items and table cells).
 */
export function escapeMarkdown(text: string, breaks: 'line' | 'space' = 'space'): string {
  return text.replace(SPECIAL, '\\$&').replace(/\r?\n/g, breaks === 'line' ? '  \n' : ' ');
}

/**
 * Text that reads the same as Markdown and as plain text (letters, digits, spaces and , . : ; / ( ) ' " & ? ! % → – -
 * between them) is written as it is, so that a Markdown file stays readable as text; anything else
 * goes through escapeMarkdown. Not for the start of a line, where "1." or "-" would begin a list.
 */
export function markdownText(text: string, breaks: 'line' | 'space' = 'space'): string {
  return /^[\p{L}\p{N} ,.:;/()'"&?!%→–-]*$/u.test(text) ? text : escapeMarkdown(text, breaks);
}
