/**
 * The brief as the body of its page in the editor: headings and lists a screen reader walks through,
 * its two actions as buttons, and links (buttons too) to the records and notes it names. Every journal
 * string is escaped; the page runs no code of its own besides the extension's script.
 */
import { escapeHtml } from '../text/html';
import type { Brief, BriefApplication } from './brief';
import {
  applicationFacts, applicationName, briefSubtitle, briefTitle, earlierText, feedbackLine, itemText, likelyIntro, moreText, nextLines, NO_ROUNDS, noEarlierText,
  noteDetail, progressText, questionSource, RECORD_LABEL, reasonsText, roundHeadline, roundNotes, SECTION_TITLES, SectionId, sentence, storySource,
} from './words';

/** What the page's "open" buttons name by their index: a journal file or note at a line, or a meeting link. */
export type PageRef =
  | { file: string; /** 0-based line. */ line: number }
  | { url: string };

export interface BriefPage {
  /** The body of the page. */
  html: string;
  /** What `data-open="i"` opens. */
  refs: PageRef[];
}

const h = escapeHtml;

/** The actions of the page: `data-action` of its buttons. */
export const PAGE_ACTIONS = { record: 'record', save: 'save' } as const;

export function briefHtml(b: Brief): BriefPage {
  const refs: PageRef[] = [];
  const open = (label: string, file: string, line: number, title?: string) => {
    refs.push({ file, line });
    return `<button type="button" class="link" data-open="${refs.length - 1}"${title ? ` title="${h(title)}"` : ''}>${h(label)}</button>`;
  };
  const link = (url: string) => {
    refs.push({ url });
    return `<button type="button" class="link" data-open="${refs.length - 1}" title="Open in the browser">${h(url)}</button>`;
  };
  const section = (id: SectionId, title: string, body: string) =>
    `<section data-section="${id}" aria-labelledby="h-${id}"><h2 id="h-${id}">${h(title)}</h2>${body}</section>`;
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '');
  const p = (text: string | undefined, cls?: string) => (text ? `<p${cls ? ` class="${cls}"` : ''}>${h(text)}</p>` : '');
  const quotes = (a: BriefApplication) => a.feedback?.quotes.map((q) => `<blockquote>${h(q)}</blockquote>`).join('') ?? '';

  const a = b.interview;
  const parts: string[] = [
    '<header>',
    `<h1>${h(briefTitle(b))}</h1>`,
    p(briefSubtitle(b), 'subtitle'),
    '<div class="actions" role="toolbar" aria-label="Brief actions">',
    `<button type="button" data-action="${PAGE_ACTIONS.record}">${h(RECORD_LABEL)}</button>`,
    `<button type="button" class="secondary" data-action="${PAGE_ACTIONS.save}">Save as Markdown</button>`,
    '</div>',
    '</header>',
  ];
  if (b.thin) parts.push(`<p class="note" role="note">${h(b.thin)}</p>`);

  const rounds = a.rounds.length
    ? `<ol class="rounds">${a.rounds.map((r) => `<li value="${r.number}"><span class="round">${h(roundHeadline(r, b.today))}</span>${list(roundNotes(r).map(h))}</li>`).join('')}</ol>`
    : p(NO_ROUNDS, 'empty');
  const earlier = b.earlier.length
    ? list(b.earlier.map((e) => `${open(e.role || e.company, e.file, e.line, `Open ${e.file}`)}: ${h(earlierText(e, b.today))}${quotes(e)}`))
    : p(noEarlierText(b), 'empty');
  parts.push(section('application', SECTION_TITLES.application(b), [
    `<p>${open(applicationName(a), a.file, a.line, `Open ${a.file}`)}: ${h(sentence(applicationFacts(a, b.today)))}</p>`,
    '<h3>What is next</h3>', list(nextLines(b.next, b.today).map((l) => (l.link ? `${h(l.text)} ${link(l.link)}` : h(l.text)))),
    '<h3>Rounds so far</h3>', rounds,
    p(feedbackLine(a, b.today)), quotes(a),
    `<h3>Earlier at ${h(a.company)}</h3>`, earlier,
  ].join('')));

  let likely: string;
  if (b.likely.empty) likely = p(b.likely.empty, 'empty');
  else {
    const weak = b.likely.weaknesses.map((w) => [
      `<strong>${h(w.title || w.id)}</strong> <span class="tag ${w.evidence}">${h(w.evidence)}</span>`,
      p(reasonsText(w), 'reasons'),
      p(progressText(w), 'progress'),
      w.openItems.length ? `<p class="items">Still open: ${h(w.openItems.map((it) => itemText(it, b.today)).join('; '))}</p>` : '',
    ].join(''));
    const strengths = b.likely.strengths.length
      ? `<h3>Strengths to lean on</h3><p class="description">Resolved, and not back since.</p>${list(b.likely.strengths.map((w) => `<strong>${h(w.title || w.id)}</strong>: ${h(w.verdictText)} ${h(reasonsText(w))}`))}`
      : '';
    likely = [p(likelyIntro(b), 'description'), weak.length ? `<ol class="likely">${weak.map((x) => `<li>${x}</li>`).join('')}</ol>` : '', p(moreText(b.likely.more, 'with less evidence'), 'more'), strengths].join('');
  }
  parts.push(section('likely', SECTION_TITLES.likely(), likely));

  parts.push(section('questions', SECTION_TITLES.questions(), b.questions.empty ? p(b.questions.empty, 'empty')
    : list(b.questions.shown.map((q) => `<q>${h(q.text)}</q> <span class="source">${h(questionSource(q, b.today))}</span>`)) + p(moreText(b.questions.more, 'questions'), 'more')));

  parts.push(section('reread', SECTION_TITLES.reread(), b.reread.empty ? p(b.reread.empty, 'empty')
    : list(b.reread.shown.map((n) => {
      const excerpt = n.state?.kind === 'read' && n.state.excerpt ? `: ${h(n.state.excerpt)}` : '';
      const link = n.state?.kind === 'read' ? open(n.path, n.path, 0, `Open ${n.path}`) : `<code>${h(n.path)}</code>`;
      return `${link}${excerpt}<span class="source"> ${h(noteDetail(n))}</span>`;
    })) + p(moreText(b.reread.more, 'notes'), 'more')));

  parts.push(section('stories', SECTION_TITLES.stories(), b.stories.empty ? p(b.stories.empty, 'empty')
    : list(b.stories.shown.map((s) => `${h(s.text)} <span class="source">${h(storySource(s, b.today))}</span>`)) + p(moreText(b.stories.more, 'stories'), 'more')));

  return { html: parts.join('\n'), refs };
}
