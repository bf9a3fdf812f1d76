import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { MemoryFileSystem } from '../../src/core/memory-fs';
import { runCli } from './lib/cli';

const root = join(__dirname, '..', '..', '..');

function workspace(): MemoryFileSystem {
  return new MemoryFileSystem({
    'ws/debrief/weaknesses.yaml': 'weaknesses:\n  - id: estimates\n    title: Estimates\n    improvements:\n      - id: drills\n        action: Estimation drills\n        due: 2026-04-15\n',
    'ws/debrief/interviews/globex.yaml': 'id: globex\ncompany: Globex\nrole: SRE\noutcome: pending\nrounds:\n  - type: coding\n    date: 2026-03-27\n    time: "17:00"\n    timezone: Europe/Berlin\n    duration: 45\n  - type: onsite\n    date: 2026-04-10\nnext:\n  action: Send the thank-you note\n  due: 2026-04-11\nfeedback:\n  requested: 2026-02-20\n',
  });
}

function run(argv: string[], fs = workspace()) {
  return runCli(argv, fs, { today: '2026-03-01' });
}

const uids = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));

describe('cli: debrief calendar', () => {
  it('writes the journal\'s events to standard output as iCalendar', async () => {
    const r = await run(['calendar', 'ws']);
    assert.equal(r.code, 0, r.err);
    assert.ok(r.out.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.deepEqual(uids(r.out), ['follow-up-globex@debrief', 'round-globex-1@debrief', 'round-globex-2@debrief', 'next-globex@debrief', 'improvement-estimates-drills@debrief']);
    assert.match(r.out, /\r\nDTSTART:20260327T160000Z\r\nDTEND:20260327T164500Z\r\n/);
  });

  it('--out writes a file and says how many events; --from and --to keep a range', async () => {
    const r = await run(['calendar', 'ws', '--out', 'cal.ics', '--from', '2026-03-25', '--to', '2026-04-10']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.equal(r.err, 'Wrote 2 calendar events to cal.ics.\n');
    assert.deepEqual(uids(r.outside.readText('cal.ics')), ['round-globex-1@debrief', 'round-globex-2@debrief']);
  });

  it('--follow-up-days moves the follow-up', async () => {
    const r = await run(['calendar', 'ws', '--follow-up-days', '14']);
    assert.match(r.out, /UID:follow-up-globex@debrief\r\nDTSTAMP:[0-9TZ]+\r\nDTSTART;VALUE=DATE:20260306\r\n/);
  });

  it('refuses bad usage with exit 2 and says why', async () => {
    for (const [argv, message] of [
      [['calendar', 'ws', '--from', '2026-13-01'], /--from must be a date written YYYY-MM-DD/],
      [['calendar', 'ws', '--from', '2026-04-01', '--to', '2026-03-01'], /ends \(2026-03-01\) before it starts/],
      [['calendar', 'ws', '--follow-up-days', 'soon'], /--follow-up-days must be a whole number/],
      [['calendar', 'nowhere'], /No journal folder "debrief" in nowhere/],
      [['calendar', 'ws', '--format', 'csv'], /--format/],
    ] as [string[], RegExp][]) {
      const r = await run(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, message);
    }
  });

  it('an empty journal is an empty calendar', async () => {
    const r = await run(['calendar', 'ws'], new MemoryFileSystem({ 'ws/debrief/weaknesses.yaml': 'weaknesses: []\n' }));
    assert.equal(r.code, 0);
    assert.deepEqual(uids(r.out), []);
  });

  it('is listed in --help, and has its own', async () => {
    assert.match((await run(['--help'])).out, /calendar \[folder\] \[--out file\] \[--from YYYY-MM-DD\] \[--to YYYY-MM-DD\]/);
    assert.match((await run(['calendar', '--help'])).out, /Usage: debrief calendar/);
  });

  it('the built CLI writes the file on disk (dist/cli.js)', function () {
    this.timeout(30_000);
    const dir = mkdtempSync(join(tmpdir(), 'debrief-cal-'));
    try {
      mkdirSync(join(dir, 'debrief', 'interviews'), { recursive: true });
      writeFileSync(join(dir, 'debrief', 'interviews', 'globex.yaml'), 'id: globex\ncompany: Globex\nrole: SRE\nrounds:\n  - type: coding\n    date: 2026-03-27\n');
      execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'calendar', dir, '--out', join(dir, 'out.ics')], { stdio: 'pipe' });
      assert.deepEqual(uids(readFileSync(join(dir, 'out.ics'), 'utf8')), ['round-globex-1@debrief']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
