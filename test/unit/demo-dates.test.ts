import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../src/adapters/node-fs';
import { dateOf } from '../../src/core/dates';
// The helper `npm start` uses (plain JavaScript with a declaration file), bundled into this test.
import { copyDemo, DEMO_AS_OF, shiftDates } from '../../scripts/lib/demo.mjs';
import { loadJournal } from '../../src/core/journal/load';
import { journalStats } from '../../src/core/stats';

const root = join(__dirname, '..', '..', '..');

describe('the demo journal opened by npm start', () => {
  it('moves real dates only', () => {
    assert.equal(shiftDates('due: 2025-02-27 and 2025-02-30, id 2025-13-01', 2), 'due: 2025-03-01 and 2025-02-30, id 2025-13-01');
    assert.equal(shiftDates('applied: 2025-12-31', 1), 'applied: 2026-01-01');
  });

  it('reads as of today, with the same records and no problems', async () => {
    const dest = mkdtempSync(join(tmpdir(), 'debrief-demo-test-'));
    try {
      const now = new Date(2026, 10, 25);
      const days = copyDemo(root, dest, now);
      assert.ok(days > 0);
      const moved = await loadJournal(new NodeFileSystem(dest), 'debrief');
      const original = await loadJournal(new NodeFileSystem(join(root, 'demo')), 'debrief');
      assert.deepEqual(moved.problems(), []);
      assert.deepEqual(moved.interviews().map((i) => i.id), original.interviews().map((i) => i.id));
      const today = dateOf(now);
      const asOf = journalStats(original, DEMO_AS_OF);
      const live = journalStats(moved, today);
      assert.deepEqual(live.weaknesses.map((w) => [w.id, w.trend, w.recent]), asOf.weaknesses.map((w) => [w.id, w.trend, w.recent]));
      assert.deepEqual(live.feedback.replyDays, asOf.feedback.replyDays);
    } finally {
      rmSync(dest, { recursive: true, force: true });
    }
  });
});
