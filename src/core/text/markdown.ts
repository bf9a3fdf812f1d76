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
