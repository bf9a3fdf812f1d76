import * as assert from 'node:assert/strict';
import { cursorContext, valueKindOf } from '../../src/core/language/cursor';
import { dateCandidates, noteSummary, replacementLike, SCHEMA_LEVEL_CODES } from '../../src/core/language/fixes';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODES } from '../../src/core/problems';
import { OUTCOMES, ROUND_TYPES, IMPROVEMENT_STATUSES, WEAKNESS_STATUSES } from '../../src/core/model';
import { movedPath, renameNoteLinks } from '../../src/core/edits/note-links';
import { applyEdits } from '../../src/core/yaml/text-edits';
import { studyNote, titleFromId, titleFromNotePath } from '../../src/core/templates/study-note';
import { closestValues, didYouMean } from '../../src/core/text/fuzzy';
import { escapeMarkdown } from '../../src/core/text/markdown';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';

/** Text with a `|` marking the cursor → [text, line, character]. */
function at(marked: string): [string, number, number] {
  const i = marked.indexOf('|');
  const text = marked.slice(0, i) + marked.slice(i + 1);
  const before = text.slice(0, i).split('\n');
  return [text, before.length - 1, before[before.length - 1].length];
}

const WEAKNESSES = `weaknesses:
  - id: rambling
    title: Long answers
    status: confirmed
    improvements:
      - id: star
        action: Practise
        status: doing
        notes:
          - notes/star.md
          - "notes/other.md"   # a comment
  - id: second
    title: Second
`;

describe('cursorContext', () => {
  it('finds the key path of a top-level value, with the value span', () => {
    const c = cursorContext(...at('id: x\noutcome: rej|ected  # note\n'));
    assert.deepEqual(c?.path, ['outcome']);
    assert.equal(c?.at, 'value');
    assert.equal(c?.text, 'rejected');
    assert.deepEqual([c?.start, c?.end], [9, 17]);
  });

  it('sees through list items: a round type, a cited weakness on the dash line', () => {
    const text = 'rounds:\n  - type: cod|\n    date: 2025-01-01\nweaknesses:\n  - weakness: ramb\n';
    assert.deepEqual(cursorContext(...at(text))?.path, ['rounds', 'type']);
    const c = cursorContext(text.replace('|', ''), 4, 17);
    assert.deepEqual(c?.path, ['weaknesses', 'weakness']);
    assert.equal(c?.text, 'ramb');
  });

  it('tells a weakness status from an improvement status, and a note path item', () => {
    const lines = WEAKNESSES.split('\n');
    const status = cursorContext(WEAKNESSES, 3, lines[3].length);
    assert.deepEqual(status?.path, ['weaknesses', 'status']);
    const itemStatus = cursorContext(WEAKNESSES, 7, lines[7].length);
    assert.deepEqual(itemStatus?.path, ['weaknesses', 'improvements', 'status']);
    const note = cursorContext(WEAKNESSES, 10, 14);
    assert.deepEqual(note?.path, ['weaknesses', 'improvements', 'notes']);
    assert.equal(note?.listItem, true);
    assert.equal(note?.text, 'notes/other.md');
    assert.equal(lines[10].slice(note!.start, note!.end), '"notes/other.md"');
    const second = cursorContext(WEAKNESSES, 12, lines[12].length);
    assert.deepEqual(second?.path, ['weaknesses', 'title']);
  });

  it('handles an empty value being typed and a key position', () => {
    const v = cursorContext(...at('stage: |\n'));
    assert.deepEqual([v?.path, v?.at, v?.text, v?.start, v?.end], [['stage'], 'value', '', 7, 7]);
    const k = cursorContext(...at('rounds:\n  - type: coding\n    |\n'));
    assert.equal(k?.at, 'key');
    assert.deepEqual(k?.path, ['rounds']);
  });

  it('accepts lists written at the parent key column', () => {
    const c = cursorContext(...at('weaknesses:\n- weakness: x\n  source: inter|\n'));
    assert.deepEqual(c?.path, ['weaknesses', 'source']);
  });
});

describe('valueKindOf', () => {
  it('maps key paths to the allowed values of the format', () => {
    assert.deepEqual(valueKindOf('interview', ['outcome']), { kind: 'enum', values: OUTCOMES, name: 'outcome' });
    assert.equal((valueKindOf('interview', ['rounds', 'type']) as { values: unknown }).values, ROUND_TYPES);
    assert.equal((valueKindOf('weaknesses', ['weaknesses', 'status']) as { values: unknown }).values, WEAKNESS_STATUSES);
    assert.equal((valueKindOf('weaknesses', ['weaknesses', 'improvements', 'status']) as { values: unknown }).values, IMPROVEMENT_STATUSES);
    assert.deepEqual(valueKindOf('interview', ['weaknesses', 'weakness']), { kind: 'weakness-id' });
    assert.deepEqual(valueKindOf('weaknesses', ['weaknesses', 'improvements', 'notes']), { kind: 'note-path' });
    assert.deepEqual(valueKindOf('interview', ['applied']), { kind: 'date' });
    assert.equal(valueKindOf('interview', ['company']), undefined);
    assert.equal(valueKindOf('weaknesses', ['outcome']), undefined);
  });
});

describe('quick fix helpers', () => {
  it('orders allowed values from the closest', () => {
    assert.equal(closestValues('rejeted', OUTCOMES)[0], 'rejected');
    assert.equal(closestValues('Ghosted', OUTCOMES)[0], 'ghosted');
    assert.equal(closestValues('role closed', OUTCOMES)[0], 'role-closed');
    assert.equal(closestValues('sys', ROUND_TYPES)[0], 'system-design');
    assert.deepEqual([...closestValues('zzz', ['a', 'b'])].sort(), ['a', 'b']);
  });

  it('rewrites dates into YYYY-MM-DD, giving both readings when the order is unclear', () => {
    assert.deepEqual(dateCandidates('2025/3/14'), ['2025-03-14']);
    assert.deepEqual(dateCandidates('2025.03.14'), ['2025-03-14']);
    assert.deepEqual(dateCandidates('14.03.2025'), ['2025-03-14']);
    assert.deepEqual(dateCandidates('14/03/2025'), ['2025-03-14']);
    assert.deepEqual(dateCandidates('03/04/2025'), ['2025-03-04', '2025-04-03']);
    assert.deepEqual(dateCandidates('March 14, 2025'), ['2025-03-14']);
    assert.deepEqual(dateCandidates('14 Mar 2025'), ['2025-03-14']);
    assert.deepEqual(dateCandidates('2025-03-14T10:30'), ['2025-03-14']);
    assert.deepEqual(dateCandidates('20250314'), ['2025-03-14']);
    assert.deepEqual(dateCandidates('2025-02-30'), []);
    assert.deepEqual(dateCandidates('soon'), []);
  });

  it('keeps the quoting of the replaced value', () => {
    assert.equal(replacementLike('Rejected', 'rejected'), 'rejected');
    assert.equal(replacementLike('"Rejected"', 'rejected'), '"rejected"');
    assert.equal(replacementLike("'x'", "it's"), "'it''s'");
  });

  it('makes titles and note templates', () => {
    assert.equal(titleFromId('thinking-aloud'), 'Thinking aloud');
    const t = studyNote(titleFromNotePath('notes/star-answers.md'), { weakness: { id: 'rambling', title: 'Long answers' }, item: { id: 'star', action: 'Practise' } });
    assert.match(t, /^# Star answers\n/);
    assert.match(t, /Weakness: Long answers \(`rambling`\)/);
    assert.match(t, /Improvement: Practise/);
  });

  it('summarizes a note by its first heading and first lines, skipping front matter', () => {
    const s = noteSummary('notes/a.md', '---\ntags: x\n---\n\n# Caching\n\nRead-through vs write-through.\nTTL.\n');
    assert.equal(s.title, 'Caching');
    assert.deepEqual(s.excerpt, ['Read-through vs write-through.', 'TTL.']);
    assert.equal(noteSummary('notes/b.md', 'plain').title, 'b.md');
  });

  it('lists every schema-level code among the codes the core emits', () => {
    for (const code of SCHEMA_LEVEL_CODES) assert.ok(code in PROBLEM_CODES, code);
    assert.ok(!SCHEMA_LEVEL_CODES.has('unknown-weakness'));
    assert.ok(!SCHEMA_LEVEL_CODES.has('missing-note'));
  });
});

describe('renameNoteLinks', () => {
  it('moves file and folder paths', () => {
    assert.equal(movedPath('notes/a.md', 'notes/a.md', 'study/a.md'), 'study/a.md');
    assert.equal(movedPath('./notes/a.md', 'notes', 'study'), 'study/a.md');
    assert.equal(movedPath('notes-old/a.md', 'notes', 'study'), undefined);
  });

  it('rewrites only the affected links, keeping quotes and comments', () => {
    const r = renameNoteLinks(WEAKNESSES, 'notes/other.md', 'study/other-topic.md');
    assert.ok(r.ok);
    const out = applyEdits(WEAKNESSES, r.edits);
    assert.equal(out, WEAKNESSES.replace('"notes/other.md"', '"study/other-topic.md"'));
    const folder = renameNoteLinks('\uFEFF' + WEAKNESSES, 'notes', 'study');
    assert.ok(folder.ok);
    assert.equal(applyEdits('\uFEFF' + WEAKNESSES, folder.edits), '\uFEFF' + WEAKNESSES.replace('notes/star.md', 'study/star.md').replace('"notes/other.md"', '"study/other.md"'));
  });

  it('refuses a text with YAML errors', () => {
    const r = renameNoteLinks('weaknesses: [\n', 'a.md', 'b.md');
    assert.equal(r.ok, false);
  });
});

describe('package.json yamlValidation', () => {
  it('points the YAML extension at the journal schemas for both kinds of journal file', () => {
    const root = join(__dirname, '..', '..', '..');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const entries = manifest.contributes.yamlValidation as { fileMatch: string; url: string }[];
    assert.deepEqual(entries.map((e) => [e.fileMatch, e.url]), [
      ['**/debrief/interviews/*.yaml', './schemas/interview.schema.json'],
      ['**/debrief/weaknesses.yaml', './schemas/weaknesses.schema.json'],
    ]);
    for (const e of entries) assert.ok(existsSync(join(root, e.url)), `${e.url} is missing`);
  });
});

describe('one fuzzy matcher, one Markdown escaper', () => {
  it('"did you mean" names the value quick fixes offer first', () => {
    for (const typo of ['rejeted', 'Ghosted', 'role closed', 'sys', 'pendng', 'offr']) {
      const suggestion = didYouMean(typo, OUTCOMES.concat(ROUND_TYPES as never));
      if (suggestion) assert.equal(closestValues(typo, OUTCOMES.concat(ROUND_TYPES as never))[0], suggestion, typo);
    }
    assert.equal(didYouMean('zzzzzz', OUTCOMES), undefined, 'no suggestion when nothing is close');
  });

  it('shows journal text as written: no markup, links or HTML', () => {
    assert.equal(escapeMarkdown('**bold** [x](y) <img> #1 a_b\nnext', 'space'), '\\*\\*bold\\*\\* \\[x\\](y) \\<img\\> \\#1 a\\_b next');
    assert.equal(escapeMarkdown('a\nb', 'line'), 'a  \nb');
  });

  it('escapes only what Markdown would read as markup, so that the source reads as the text (property, rendered by markdown-it)', () => {
    assert.equal(escapeMarkdown('take-home (5 of 13). Done!'), 'take-home (5 of 13). Done!');
    assert.equal(escapeMarkdown('- 1. see www.example.com or https://x.org &amp; <b>'), '\\- 1. see www\\.example\\.com or https\\://x\\.org \\&amp; \\<b\\>');
    const md = new MarkdownIt({ html: true, linkify: true });
    const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    const piece = fc.constantFrom(...'\\`*_{}[]()#+-.!|<>~&;:/=@ \t\n1aZ0é'.split(''), 'www.', 'http://', '&amp;', '&#35;', '1.', '2)', '---', '===', '    ', 'x.com', 'a@b.co', '0=.Za@b.co', 'mailto:', '![i](u)', '<a href=x>');
    const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(fc.property(text, fc.constantFrom('', 'Acme: '), fc.constantFrom('line' as const, 'space' as const), (s, before, breaks) => {
      const out = md.render(before + escapeMarkdown(s, breaks)).trim();
      // One paragraph (or several, where the text had an empty line), holding the text and nothing else.
      assert.ok(!out || out.startsWith('<p>'), out);
      const shown = out.replace(/^<p>|<\/p>$/g, '').replace(/<br>\n?|<\/p>\n<p>/g, ' ');
      assert.equal(norm(shown), norm(html(before + s.replace(/\r?\n/g, ' '))), JSON.stringify({ s, escaped: escapeMarkdown(s, breaks) }));
    }), { numRuns: 3000 });
  });
});
