/** The brief as Markdown: what "Save as Markdown" writes and `debrief prepare` prints. Journal text is escaped. */
import { escapeMarkdown, markdownText } from '../text/markdown';
import type { Brief } from './brief';
import {
  applicationFacts, applicationName, briefSubtitle, briefTitle, earlierText, feedbackLine, itemText, likelyIntro, moreText, nextLines, NO_ROUNDS, noEarlierText,
  noteDetail, progressText, questionSource, reasonsText, roundHeadline, roundNotes, SECTION_TITLES, sentence, storySource,
} from './words';

/** Journal text inside a line (markdownText keeps plain text as it is, escapes anything else). */
const md = (s: string) => markdownText(s.trim());
/** Journal text at the start of a line or list item, where "1." or "-" would begin a list: escaped then. */
const lead = (s: string) => (/^[\p{N}#>+\-=*_|~:]/u.test(s.trim()) ? escapeMarkdown(s.trim()) : md(s));

export function briefMarkdown(b: Brief): string {
  const out: string[] = [`# ${lead(briefTitle(b))}`, '', md(briefSubtitle(b)), ''];
  if (b.thin) out.push(`> ${md(b.thin)}`, '');

  out.push(`## ${lead(SECTION_TITLES.application(b))}`, '');
  const a = b.interview;
  out.push(`**${md(applicationName(a))}**: ${md(sentence(applicationFacts(a, b.today)))}`, '');
  out.push('**What is next**', '', ...nextLines(b.next, b.today).map((l) => `- ${lead(l.text)}${l.link ? ` <${l.link.replace(/[<>\s]/g, encodeURIComponent)}>` : ''}`), '');
  if (a.rounds.length) {
    out.push('**Rounds so far**', '');
    for (const r of a.rounds) {
      out.push(`${r.number}. ${lead(roundHeadline(r, b.today))}`);
      for (const n of roundNotes(r)) out.push(`   - ${lead(n)}`);
    }
    out.push('');
  } else out.push(NO_ROUNDS, '');
  const fb = feedbackLine(a, b.today);
  if (fb) {
    out.push(lead(fb), '');
    for (const q of a.feedback?.quotes ?? []) out.push(`> ${md(q)}`, '');
  }
  if (b.earlier.length) {
    out.push(`**Earlier at ${md(a.company)}**`, '');
    for (const e of b.earlier) {
      out.push(`- **${md(e.role || e.company)}**: ${md(earlierText(e, b.today))}`);
      for (const q of e.feedback?.quotes ?? []) out.push(`  > ${md(q)}`);
    }
    out.push('');
  } else out.push(md(noEarlierText(b)), '');

  out.push(`## ${lead(SECTION_TITLES.likely())}`, '');
  if (b.likely.empty) out.push(md(b.likely.empty), '');
  else {
    out.push(md(likelyIntro(b)), '');
    b.likely.weaknesses.forEach((w, i) => {
      out.push(`${i + 1}. **${md(w.title || w.id)}**: ${md(reasonsText(w))}`, `   - ${lead(progressText(w))}`);
      if (w.openItems.length) out.push(`   - Still open: ${w.openItems.map((it) => md(itemText(it, b.today))).join('; ')}`);
    });
    const more = moreText(b.likely.more, 'with less evidence');
    if (more) out.push('', md(more));
    out.push('');
    if (b.likely.strengths.length) {
      out.push('**Strengths to lean on**: resolved, and not back since.', '');
      for (const w of b.likely.strengths) out.push(`- **${md(w.title || w.id)}**: ${md(w.verdictText)} ${md(reasonsText(w))}`);
      out.push('');
    }
  }

  out.push(`## ${lead(SECTION_TITLES.questions())}`, '');
  if (b.questions.empty) out.push(md(b.questions.empty), '');
  else {
    for (const q of b.questions.shown) out.push(`- ${lead(q.text)} (${md(questionSource(q, b.today))})`);
    const more = moreText(b.questions.more, 'questions');
    out.push(...(more ? ['', md(more)] : []), '');
  }

  out.push(`## ${lead(SECTION_TITLES.reread())}`, '');
  if (b.reread.empty) out.push(md(b.reread.empty), '');
  else {
    for (const n of b.reread.shown) {
      const excerpt = n.state?.kind === 'read' && n.state.excerpt ? `: ${md(n.state.excerpt)}` : '';
      out.push(`- ${lead(n.path)}${excerpt}. ${md(noteDetail(n))}`);
    }
    const more = moreText(b.reread.more, 'notes');
    out.push(...(more ? ['', md(more)] : []), '');
  }

  out.push(`## ${lead(SECTION_TITLES.stories())}`, '');
  if (b.stories.empty) out.push(md(b.stories.empty), '');
  else {
    for (const s of b.stories.shown) out.push(`- ${lead(s.text)} (${md(storySource(s, b.today))})`);
    const more = moreText(b.stories.more, 'stories');
    out.push(...(more ? ['', md(more)] : []), '');
  }
  return out.join('\n');
}
