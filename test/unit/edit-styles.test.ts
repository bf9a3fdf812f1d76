/**
 * The edit rule, checked against journal files written in every style (test/unit/lib/yaml-styles.ts):
 * an edit makes exactly the intended change (the parsed data equals the intended change applied to the
 * data before; comments stay; the other pairs keep their exact text; BOM, line endings and the final
 * newline stay), or it is refused with a located problem and writes nothing.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseDocument } from 'yaml';
import { renameWeakness } from '../../src/core/edits/rename-weakness';
import { applyEdits } from '../../src/core/yaml/text-edits';
import { checkRule, Data, interviewOps, weaknessOps } from './lib/edit-rule';
import { dateArb, idArb, interviewArb, plain, styleArb, textArb, weaknessesArb, writeInStyle } from './lib/yaml-styles';

/** Runs per property: enough to meet every style in every test run; DEBRIEF_PROPERTY_RUNS=5000 searches deeper. */
const RUNS = Number(process.env.DEBRIEF_PROPERTY_RUNS) || 100;

const seedArb = fc.record({ date: dateArb, text: textArb, id: idArb, n: fc.nat(20) });

describe('the edit rule, on every style a person writes', function () {
  this.timeout(120_000);

  it('interview edits: exactly the intended change, or a located refusal', () => {
    let refused = 0, total = 0;
    fc.assert(fc.property(interviewArb, styleArb, seedArb, (data, style, seed) => {
      const d = plain(data) as Data;
      const text = writeInStyle(d, style);
      for (const op of interviewOps(d, seed)) {
        total++;
        if (checkRule(text, op) === undefined) refused++;
      }
    }), { numRuns: RUNS });
    // Refusals are for styles the engine cannot edit safely: rare, never silent.
    assert.ok(refused <= total * 0.02, `${refused} of ${total} interview edits were refused`);
  });

  it('weaknesses edits: exactly the intended change, or a located refusal', () => {
    let refused = 0, total = 0;
    fc.assert(fc.property(weaknessesArb, styleArb, seedArb, (data, style, seed) => {
      const d = plain(data) as Data;
      const text = writeInStyle(d, style);
      for (const op of weaknessOps(d, seed)) {
        total++;
        if (checkRule(text, op) === undefined) refused++;
      }
    }), { numRuns: RUNS });
    assert.ok(refused <= total * 0.02, `${refused} of ${total} weaknesses edits were refused`);
  });

  it('rename a weakness across files written in different styles', () => {
    fc.assert(fc.property(weaknessesArb, interviewArb, styleArb, styleArb, idArb, (ws, ivData, s1, s2, newId) => {
      const wd = plain(ws) as Data;
      const old = wd.weaknesses[0].id;
      if (wd.weaknesses.some((w: Data) => w.id === newId)) return;
      const ivd = { ...(plain(ivData) as Data), weaknesses: [{ weakness: old, source: 'self' }, ...((plain(ivData) as Data).weaknesses ?? [])] };
      const wText = writeInStyle(wd, s1);
      const iText = writeInStyle(ivd, s2);
      const r = renameWeakness(new Map([['w.yaml', wText], ['i.yaml', iText]]), 'w.yaml', old, newId);
      assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
      const w2 = parseDocument(applyEdits(wText, r.edits.get('w.yaml') ?? [])).toJS();
      const i2 = parseDocument(applyEdits(iText, r.edits.get('i.yaml') ?? [])).toJS();
      assert.equal(w2.weaknesses[0].id, newId);
      assert.deepEqual(w2.weaknesses.slice(1), wd.weaknesses.slice(1));
      assert.deepEqual(i2.weaknesses.map((c: Data) => c.weakness), ivd.weaknesses.map((c: Data) => (c.weakness === old ? newId : c.weakness)));
    }), { numRuns: Math.ceil(RUNS / 2) });
  });
});
