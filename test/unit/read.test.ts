import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Problem } from '../../src/core/problems';
import { detach, StringPool } from '../../src/core/read/strings';
import { readInterview } from '../../src/core/read/interview';
import { readWeaknesses } from '../../src/core/read/weaknesses';
import { MAX_FILE_BYTES } from '../../src/core/read/decode';
import { MAX_GENERATED_ID_LENGTH, slugify } from '../../src/core/ids';

const P = 'debrief/interviews/acme-backend.yaml';
const W = 'debrief/weaknesses.yaml';
const codes = (ps: Problem[]) => ps.map((p) => p.code).sort();
const find = (ps: Problem[], code: string) => {
  const p = ps.find((x) => x.code === code);
  assert.ok(p, `expected a ${code} problem in ${JSON.stringify(ps.map((x) => x.code))}`);
  return p;
};

const minimal = 'id: acme-backend\ncompany: Acme\nrole: Backend Engineer\n';

describe('readInterview', function () {
  this.timeout(30000);
  it('reads a minimal valid interview with no problems', () => {
    const r = readInterview(P, minimal);
    assert.deepEqual(r.problems, []);
    assert.equal(r.value?.id, 'acme-backend');
    assert.equal(r.value?.company, 'Acme');
    assert.deepEqual(r.value?.rounds, []);
    assert.deepEqual(r.value?.idRange, { start: { line: 0, character: 4 }, end: { line: 0, character: 16 } });
  });

  it('keeps unquoted and quoted dates as strings', () => {
    const r = readInterview(P, minimal + 'applied: 2025-01-06\nnext:\n  due: "2025-02-01"\n');
    assert.deepEqual(r.problems, []);
    assert.equal(r.value?.applied, '2025-01-06');
    assert.equal(r.value?.next?.due, '2025-02-01');
  });

  it('reports impossible and malformed dates with the value', () => {
    const r = readInterview(P, minimal + 'applied: 2025-02-30\nrounds:\n  - type: coding\n    date: 2025-1-5\n');
    const bad = r.problems.filter((p) => p.code === 'bad-date');
    assert.equal(bad.length, 2);
    assert.deepEqual(bad.map((p) => p.data?.value).sort(), ['2025-02-30', '2025-1-5']);
    assert.deepEqual(bad.find((p) => p.data?.value === '2025-02-30')?.range.start, { line: 3, character: 9 });
    assert.equal(r.value?.applied, undefined);
  });

  it('reports a date written as a number', () => {
    const r = readInterview(P, minimal + 'applied: 20250106\n');
    assert.equal(find(r.problems, 'bad-type').range.start.line, 3);
  });

  it('reports bad enum values with the allowed values and a suggestion', () => {
    const r = readInterview(P, minimal + 'outcome: ghost\n');
    const p = find(r.problems, 'bad-enum');
    assert.equal(p.data?.actual, 'ghost');
    assert.equal(p.data?.suggestion, 'ghosted');
    assert.ok((p.data?.expected as string[]).includes('rejected'));
    assert.match(p.message, /Did you mean "ghosted"/);
    assert.deepEqual(p.range, { start: { line: 3, character: 9 }, end: { line: 3, character: 14 } });
  });

  it('reports unknown keys with a did-you-mean for near misses', () => {
    const r = readInterview(P, minimal + 'compnay: X\nrounds:\n  - type: coding\n    dte: 2025-01-01\n    mood: great\n');
    const unknown = r.problems.filter((p) => p.code === 'unknown-key');
    assert.deepEqual(unknown.map((p) => [p.data?.key, p.data?.suggestion]), [['compnay', 'company'], ['dte', 'date'], ['mood', undefined]]);
    assert.deepEqual(unknown[1].range, { start: { line: 6, character: 4 }, end: { line: 6, character: 7 } });
  });

  it('reports missing required keys', () => {
    const r = readInterview(P, 'id: acme-backend\n');
    assert.deepEqual(r.problems.filter((p) => p.code === 'missing-required').map((p) => p.data?.key).sort(), ['company', 'role']);
  });

  it('reports YAML syntax errors with their position', () => {
    const r = readInterview(P, minimal + 'rounds: [a, b\n');
    assert.ok(r.problems.some((p) => p.code === 'yaml-syntax' && p.severity === 'error'));
  });

  it('reports duplicate keys', () => {
    const r = readInterview(P, minimal + 'company: Other\n');
    const p = find(r.problems, 'duplicate-key');
    assert.equal(p.range.start.line, 3);
  });

  it('reports tab indentation', () => {
    const r = readInterview(P, minimal + 'rounds:\n\t- type: coding\n');
    assert.ok(r.problems.some((p) => p.code === 'tab-indent'));
  });

  it('refuses aliases and warns on anchors', () => {
    const r = readInterview(P, minimal + 'tags: &t [a]\nnotes: *t\n');
    const al = r.problems.filter((p) => p.code === 'alias');
    assert.deepEqual(al.map((p) => p.severity).sort(), ['error', 'warning']);
    assert.equal(r.value?.notes, undefined);
  });

  it('reports an empty file once', () => {
    assert.deepEqual(codes(readInterview(P, '').problems), ['empty-file']);
    assert.deepEqual(codes(readInterview(P, '# just a comment\n\n').problems), ['empty-file']);
    assert.equal(readInterview(P, '').value, undefined);
  });

  it('reports a document that is not a mapping', () => {
    assert.deepEqual(codes(readInterview(P, '- a\n- b\n').problems), ['not-a-map']);
  });

  it('accepts a BOM and CRLF line endings with the same positions', () => {
    const text = '\uFEFF' + (minimal + 'outcome: nope\n').replace(/\n/g, '\r\n');
    const r = readInterview(P, new TextEncoder().encode(text));
    assert.deepEqual(codes(r.problems), ['bad-enum']);
    assert.deepEqual(r.problems[0].range, { start: { line: 3, character: 9 }, end: { line: 3, character: 13 } });
    assert.equal(r.value?.id, 'acme-backend');
  });

  it('reports invalid UTF-8 with its position and still reads the rest', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(minimal + 'notes: caf'), 0xe9, 0x0a]);
    const r = readInterview(P, bytes);
    const p = find(r.problems, 'encoding');
    assert.deepEqual(p.range.start, { line: 3, character: 10 });
    assert.equal(r.value?.company, 'Acme');
  });

  it('refuses files over the size limit without reading them', () => {
    const r = readInterview(P, minimal + 'notes: ' + 'x'.repeat(MAX_FILE_BYTES) + '\n');
    assert.deepEqual(codes(r.problems), ['too-large']);
    assert.equal(r.value, undefined);
  });

  it('warns when the id differs from the file name', () => {
    const r = readInterview('debrief/interviews/acme.yaml', minimal);
    const p = find(r.problems, 'id-mismatch');
    assert.equal(p.severity, 'warning');
    assert.deepEqual(p.data, { id: 'acme-backend', fileId: 'acme' });
  });

  it('reports bad ids with a slug suggestion', () => {
    const r = readInterview(P, 'id: Acme Backend\ncompany: Acme\nrole: X\n');
    assert.equal(find(r.problems, 'bad-id').data?.suggestion, 'acme-backend');
    assert.equal(r.value?.id, 'acme-backend', 'falls back to the file name');
  });

  it('reports impossible date orders and citations of missing rounds', () => {
    const r = readInterview(P, minimal + [
      'applied: 2025-02-01',
      'rounds:',
      '  - type: coding',
      '    date: 2025-01-20',
      'feedback:',
      '  requested: 2025-03-01',
      '  received: 2025-02-27',
      'weaknesses:',
      '  - weakness: thinking-aloud',
      '    round: 4',
    ].join('\n') + '\n');
    assert.deepEqual(codes(r.problems), ['date-order', 'date-order', 'round-out-of-range']);
    assert.equal(find(r.problems, 'round-out-of-range').range.start.line, 12);
  });

  it('reports ratings out of range', () => {
    const r = readInterview(P, minimal + 'rounds:\n  - type: coding\n    rating: 6\n');
    assert.equal(find(r.problems, 'out-of-range').range.start.line, 5);
  });

  it('keeps ranges for rounds and citations', () => {
    const r = readInterview(P, minimal + 'rounds:\n  - type: coding\n    date: 2025-01-01\nweaknesses:\n  - weakness: x-y\n    round: 1\n');
    assert.equal(r.value?.rounds[0].range.start.line, 4);
    assert.deepEqual(r.value?.weaknesses[0].weaknessRange, { start: { line: 7, character: 14 }, end: { line: 7, character: 17 } });
    assert.equal(r.value?.weaknesses[0].round, 1);
  });

  it('never throws, on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const r = readInterview(P, bytes);
      assert.ok(Array.isArray(r.problems));
      const w = readWeaknesses(W, bytes);
      assert.ok(Array.isArray(w.problems));
    }), { numRuns: 300 });
  });

  it('never throws, on random YAML-ish text', () => {
    const token = fc.constantFrom('id', 'company', 'role', 'rounds', 'weaknesses', 'type', 'date', ':', ': ', '- ', '\n', '  ', '\t', '[', ']', '{', '}', ',', '&a ', '*a', '"', "'", '#', '2025-02-30', 'coding', '---', '? ', '|', '>', '!!str ', '\r\n', '\uFEFF', 'round', '3', 'notes', '../x.md', 'id: a', 'improvements');
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
      const text = tokens.join('');
      const r = readInterview(P, text);
      for (const p of r.problems) {
        assert.ok(p.range.start.line >= 0 && p.range.start.character >= 0);
        assert.ok(typeof p.message === 'string' && p.message.length > 0);
      }
      assert.ok(Array.isArray(readWeaknesses(W, text).problems));
    }), { numRuns: 500 });
  });
});

describe('readWeaknesses', () => {
  const valid = [
    'weaknesses:',
    '  - id: thinking-aloud',
    '    title: Silent while solving',
    '    category: communication',
    '    status: confirmed',
    '    improvements:',
    '      - id: mock',
    '        action: Three mocks',
    '        status: done',
    '        done: 2025-02-01',
    '        notes:',
    '          - notes/a.md',
  ].join('\n') + '\n';

  it('reads weaknesses, items and note links with ranges', () => {
    const r = readWeaknesses(W, valid);
    assert.deepEqual(r.problems, []);
    const w = r.value?.weaknesses[0];
    assert.equal(w?.id, 'thinking-aloud');
    assert.equal(w?.improvements[0].done, '2025-02-01');
    assert.deepEqual(w?.improvements[0].notes, [{ path: 'notes/a.md', range: { start: { line: 11, character: 12 }, end: { line: 11, character: 22 } } }]);
    assert.equal(w?.idRange.start.line, 1);
  });

  it('reports duplicate weakness ids and duplicate item ids', () => {
    const r = readWeaknesses(W, valid + '      - id: mock\n        action: again\n  - id: thinking-aloud\n    title: Again\n');
    const d = r.problems.filter((p) => p.code === 'duplicate-id');
    assert.equal(d.length, 2);
    assert.deepEqual(d.map((p) => p.range.start.line).sort((a, b) => a - b), [12, 14]);
  });

  it('reports note paths outside the workspace', () => {
    const r = readWeaknesses(W, valid.replace('notes/a.md', '../secret.md') + '          - /etc/passwd\n');
    assert.deepEqual(r.problems.map((p) => p.code), ['note-outside-workspace', 'note-outside-workspace']);
  });

  it('warns on a done date without the done status', () => {
    const r = readWeaknesses(W, valid.replace('status: done', 'status: doing'));
    assert.equal(find(r.problems, 'done-date-mismatch').range.start.line, 9);
  });

  it('requires the weaknesses list', () => {
    assert.deepEqual(codes(readWeaknesses(W, 'other: 1\n').problems), ['missing-required', 'unknown-key']);
  });
});

describe('slugify', () => {
  it('makes valid ids', () => {
    assert.equal(slugify('Acme Corp — Backend (Senior)'), 'acme-corp-backend-senior');
    assert.equal(slugify('Café Zürich'), 'cafe-zurich');
    assert.equal(slugify('Großbäckerei Straße GmbH'), 'grossbackerei-strasse-gmbh', 'ß is spelt ss, not a word break');
    assert.equal(slugify('Ærø Łódź Øresund'), 'aero-lodz-oresund');
    assert.equal(slugify('---'), '');
  });

  it('cuts a long text at a word boundary, never mid-word', () => {
    assert.equal(slugify('Solve 20 join exercises on a timer'), 'solve-20-join-exercises-on-a-timer');
    const long = slugify('Do three mock interviews narrating every single step out loud, twice a week');
    assert.equal(long, 'do-three-mock-interviews-narrating-every');
    assert.ok(long.length <= MAX_GENERATED_ID_LENGTH);
    assert.equal(slugify('a'.repeat(80)), 'a'.repeat(MAX_GENERATED_ID_LENGTH), 'one word longer than the limit is cut');
    for (const text of ['Solve 20 join exercises on a timer', 'Rehearse the STAR stories with a friend every Sunday evening']) {
      const words = text.toLowerCase().split(/\s+/);
      assert.ok(slugify(text).split('-').every((w) => words.includes(w)), `${slugify(text)} is made of whole words of "${text}"`);
    }
  });
});

describe('StringPool', () => {
  it('returns equal strings, one shared copy per value, and copies long ones without pooling', () => {
    const pool = new StringPool();
    const text = 'company: Wayne Enterprises Holdings\n';
    const a = pool.get(text.slice(9, 35));
    const b = pool.get('Wayne Enterprises Holdings');
    assert.equal(a, 'Wayne Enterprises Holdings');
    assert.equal(a, b);
    assert.equal(pool.size, 1);
    const long = 'x'.repeat(500);
    assert.equal(pool.get(long), long);
    assert.equal(pool.size, 1);
    assert.equal(detach('short'), 'short');
    assert.equal(detach(text.slice(0, 20)), 'company: Wayne Enter');
  });

  it('gives the same records with and without a pool', () => {
    const text = minimal + 'applied: 2025-01-06\nstage: coding\ntags: [remote, backend-heavy-team]\nrounds:\n  - type: coding\n    date: 2025-01-10\n    questions: [Merge overlapping intervals quickly]\n';
    assert.deepEqual(readInterview(P, text, { strings: new StringPool() }), readInterview(P, text));
  });
});
