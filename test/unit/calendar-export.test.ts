import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import ICAL from 'ical.js';
import { convertIcsCalendar } from 'ts-ics';
import { JournalIndex } from '../../src/core/journal/journal-index';
import { calendarEvents, exportCalendar, writeCalendar } from '../../src/core/calendar/export';
import { escapeText, foldLine, MAX_LINE_OCTETS } from '../../src/core/calendar/ics';

/** Two independent parsers: Mozilla's ical.js and ts-ics. */
interface Parsed {
  uid: string;
  summary: string;
  description: string;
  location?: string;
  url?: string;
  status?: string;
  allDay: boolean;
  /** The date of an all-day event; the instant (ms) of a timed one (a floating time read as if in UTC). */
  start: number | string;
  end: number | string;
  stamp: number;
}

/** ical.js, which also tells a floating time from a time in UTC. */
function withIcalJs(text: string): (Parsed & { floating: boolean })[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  assert.equal(cal.name, 'vcalendar');
  assert.equal(cal.getFirstPropertyValue('version'), '2.0');
  return cal.getAllSubcomponents('vevent').map((ve) => {
    const e = new ICAL.Event(ve);
    const when = (t: ICAL.Time): number | string => (t.isDate ? t.toString() : t.zone?.tzid === 'floating' ? Date.parse(t.toString() + 'Z') : t.toUnixTime() * 1000);
    const url = ve.getFirstPropertyValue('url');
    const status = ve.getFirstPropertyValue('status');
    return {
      uid: e.uid, summary: e.summary, description: e.description, location: e.location || undefined, url: url ? String(url) : undefined, status: status ? String(status) : undefined,
      allDay: e.startDate.isDate, start: when(e.startDate), end: when(e.endDate), stamp: (ve.getFirstPropertyValue('dtstamp') as ICAL.Time).toUnixTime() * 1000,
      floating: !e.startDate.isDate && e.startDate.zone?.tzid === 'floating',
    };
  });
}

function withTsIcs(text: string): Parsed[] {
  const cal = convertIcsCalendar(undefined, text);
  assert.equal(cal.version, '2.0');
  return (cal.events ?? []).map((e) => {
    const when = (d: { date: Date; type?: string } | null | undefined): number | string => (d?.type === 'DATE' ? d.date.toISOString().slice(0, 10) : (d?.date.getTime() ?? NaN));
    return {
      uid: e.uid, summary: e.summary ?? '', description: e.description ?? '', location: e.location || undefined, url: e.url || undefined, status: e.status,
      allDay: e.start.type === 'DATE', start: when(e.start), end: when(e.end), stamp: e.stamp.date.getTime(),
    };
  });
}

function bothParsers(text: string): (Parsed & { floating: boolean })[] {
  const byUid = (x: Parsed, y: Parsed) => (x.uid < y.uid ? -1 : 1);
  const a = withIcalJs(text).sort(byUid);
  const b = withTsIcs(text).sort(byUid);
  assert.deepEqual(b, a.map(({ floating: _, ...rest }) => rest), 'both parsers read the same calendar');
  return a;
}

const NOW = Date.UTC(2026, 2, 1, 9, 30, 15);
const W = 'debrief/weaknesses.yaml';

function journal(files: Record<string, string>): JournalIndex {
  const index = new JournalIndex({ journalFolder: 'debrief' });
  for (const [path, text] of Object.entries(files)) index.update(path, text);
  return index;
}

const GLOBEX = `id: globex-platform
company: Globex
role: Platform Engineer
outcome: pending
rounds:
  - type: recruiter
    date: 2026-03-20
    interviewers: [Priya Sharma]
    rating: 4
  - type: coding
    date: 2026-03-27
    time: "17:00"
    timezone: Europe/Berlin
    duration: 45
    link: https://zoom.us/j/123?pwd=a,b
    questions:
      - "Design a rate limiter; then: what if it's distributed?"
      - Reverse a list \\ in place
    went-well: 'Clear plan, tests first'
    went-badly: "Line one\\nline two; with a semicolon, and a comma"
  - type: system-design
    date: 2026-03-30
    time: "17:00"
    timezone: Europe/Berlin
    duration: 1h30m
    location: Globex HQ, Room 4; 3rd floor
  - type: behavioral
    date: 2026-04-02T09:30
    duration: 30
  - type: onsite
    date: 2026-04-10
    time: "10:00"
    timezone: America/New_York
    cancelled: true
    invitation: {uid: 040000008200E00074C5B7101A82E008@outlook.com, sequence: 2}
next:
  action: Send the thank-you note
  due: 2026-04-11
feedback:
  requested: 2026-02-20
`;

const WEAKNESSES = `weaknesses:
  - id: estimates
    title: Capacity estimates
    improvements:
      - id: drills
        action: Ten estimation drills
        status: doing
        due: 2026-04-15
        done-when: Estimates within 2x
        notes: [notes/estimates.md]
      - id: done-one
        action: Read the chapter
        status: done
        due: 2026-03-01
`;

describe('calendar export', () => {
  it('writes every record as an event that two independent parsers read back, field by field', () => {
    const index = journal({ 'debrief/interviews/globex-platform.yaml': GLOBEX, [W]: WEAKNESSES });
    const { text, events } = exportCalendar(index, { now: NOW, feedbackFollowUpDays: 7 });
    assert.equal(events, 8);
    const parsed = bothParsers(text);
    const byUid = new Map(parsed.map((e) => [e.uid, e]));
    for (const e of parsed) assert.equal(e.stamp, Date.UTC(2026, 2, 1, 9, 30, 15), 'DTSTAMP: when the file was written');

    const recruiter = byUid.get('round-globex-platform-1@debrief')!;
    assert.equal(recruiter.summary, 'Recruiter call: Globex, Platform Engineer');
    assert.deepEqual([recruiter.allDay, recruiter.start, recruiter.end], [true, '2026-03-20', '2026-03-21']);
    assert.equal(recruiter.description, 'Round 1 of Globex, Platform Engineer (pending).\nInterviewers: Priya Sharma\nRating: 4/5');

    // 27 March: Berlin is on UTC+1; 30 March, after the change to summer time, on UTC+2.
    const coding = byUid.get('round-globex-platform-2@debrief')!;
    assert.equal(coding.summary, 'Coding interview: Globex, Platform Engineer');
    assert.deepEqual([coding.allDay, coding.start, coding.end], [false, Date.UTC(2026, 2, 27, 16, 0), Date.UTC(2026, 2, 27, 16, 45)]);
    assert.equal(coding.url, 'https://zoom.us/j/123?pwd=a,b');
    assert.equal(coding.description, [
      'Round 2 of Globex, Platform Engineer (pending).', 'Duration: 45 min', 'Link: https://zoom.us/j/123?pwd=a,b', 'Questions:',
      '- Design a rate limiter; then: what if it\'s distributed?', '- Reverse a list \\ in place', 'Went well: Clear plan, tests first',
      'Went badly: Line one\nline two; with a semicolon, and a comma',
    ].join('\n'));
    const design = byUid.get('round-globex-platform-3@debrief')!;
    assert.deepEqual([design.start, design.end], [Date.UTC(2026, 2, 30, 15, 0), Date.UTC(2026, 2, 30, 16, 30)]);
    assert.equal(design.location, 'Globex HQ, Room 4; 3rd floor');

    const floating = byUid.get('round-globex-platform-4@debrief')!;
    assert.deepEqual([floating.allDay, floating.floating, floating.start, floating.end], [false, true, Date.UTC(2026, 3, 2, 9, 30), Date.UTC(2026, 3, 2, 10, 0)], 'a time without a zone stays the reader\'s own');
    assert.ok(!coding.floating && !design.floating);

    const onsite = parsed.find((e) => e.summary.startsWith('Onsite'))!;
    assert.match(onsite.uid, /^round-[0-9a-z]+@debrief$/, 'an invitation\'s round: its UID comes from the invitation');
    assert.equal(onsite.status, 'CANCELLED');
    assert.deepEqual([onsite.start, onsite.end], [Date.UTC(2026, 3, 10, 14, 0), Date.UTC(2026, 3, 10, 15, 0)], 'an hour when no duration is written');

    const next = byUid.get('next-globex-platform@debrief')!;
    assert.deepEqual([next.summary, next.allDay, next.start], ['Send the thank-you note: Globex, Platform Engineer', true, '2026-04-11']);
    const follow = byUid.get('follow-up-globex-platform@debrief')!;
    assert.deepEqual([follow.summary, follow.start], ['Follow up on feedback: Globex, Platform Engineer', '2026-02-27']);
    const item = byUid.get('improvement-estimates-drills@debrief')!;
    assert.deepEqual([item.summary, item.start], ['Improve: Ten estimation drills', '2026-04-15']);
    assert.equal(item.description, 'Improvement item of "Capacity estimates" (doing).\nDone when: Estimates within 2x\nNote: notes/estimates.md');
    assert.ok(!parsed.some((e) => e.summary.includes('Read the chapter')), 'a done item is not due');
  });

  it('gives each record the same UID in every export, and every record its own', () => {
    const files = {
      'debrief/interviews/globex-platform.yaml': GLOBEX, [W]: WEAKNESSES,
      // Two files with one id (a journal error): their events still get distinct UIDs.
      'debrief/interviews/a.yaml': 'id: same\ncompany: A\nrole: R\nrounds:\n  - type: coding\n    date: 2026-03-01\n',
      'debrief/interviews/b.yaml': 'id: same\ncompany: B\nrole: R\nrounds:\n  - type: coding\n    date: 2026-03-02\n',
    };
    const first = calendarEvents(journal(files), { now: NOW, feedbackFollowUpDays: 7 }).map((e) => e.uid);
    const again = calendarEvents(journal(files), { now: NOW + 86400000, feedbackFollowUpDays: 7 }).map((e) => e.uid);
    assert.deepEqual(again, first);
    assert.equal(new Set(first).size, first.length, 'unique');
    // An edited round keeps its UID.
    const edited = calendarEvents(journal({ ...files, 'debrief/interviews/globex-platform.yaml': GLOBEX.replace('date: 2026-03-27', 'date: 2026-03-28') }), { now: NOW, feedbackFollowUpDays: 7 });
    assert.deepEqual(edited.map((e) => e.uid).sort(), [...first].sort());
  });

  it('writes a valid empty calendar for an empty journal', () => {
    const { text, events } = exportCalendar(journal({}), { now: NOW, feedbackFollowUpDays: 7 });
    assert.equal(events, 0);
    assert.deepEqual(bothParsers(text), []);
    assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:[^\r\n]+\r\n/);
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  });

  it('keeps only the events of a date range', () => {
    const index = journal({ 'debrief/interviews/globex-platform.yaml': GLOBEX, [W]: WEAKNESSES });
    const events = calendarEvents(index, { now: NOW, feedbackFollowUpDays: 7, from: '2026-03-25', to: '2026-04-02' });
    assert.deepEqual(events.map((e) => e.date), ['2026-03-27', '2026-03-30', '2026-04-02']);
  });

  it('folds lines at 75 octets without splitting a character, and escapes what TEXT must escape', () => {
    assert.equal(escapeText('a,b;c\\d\ne\r\nf\rg\u0007h\ti'), 'a\\,b\\;c\\\\d\\ne\\nf\\ng h\ti');
    const line = 'DESCRIPTION:' + 'ü'.repeat(40) + '😀'.repeat(20);
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      assert.ok(Buffer.byteLength(physical) <= MAX_LINE_OCTETS, `${Buffer.byteLength(physical)} octets`);
      assert.ok(!/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/.test(physical), 'no surrogate pair split');
    }
    assert.equal(folded.split('\r\n ').join(''), line);
    assert.equal(foldLine('x'.repeat(75)), 'x'.repeat(75));
    assert.equal(foldLine('x'.repeat(76)), 'x'.repeat(75) + '\r\n x');
  });

  it('any text a journal holds reaches both parsers unchanged (property)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(',', ';', '\\', '\n', '\r\n', '\r', ':', '"', '\\n', 'ü', '😀', '日本語', ' ', '\u2028', '\u0000', '\t'),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(fc.property(text, text, text, (company, wentBadly, location) => {
      const ev = { uid: 'x@debrief', kind: 'round' as const, file: 'f', date: '2026-03-27', summary: `Onsite: ${company}`, description: wentBadly, location: location || undefined };
      const written = writeCalendar([ev], NOW);
      for (const physical of written.split('\r\n')) assert.ok(Buffer.byteLength(physical) <= MAX_LINE_OCTETS);
      const [got] = bothParsers(written);
      // TEXT cannot hold control characters (a tab aside): they become spaces; every line break is one "\n".
      // eslint-disable-next-line no-control-regex
      const expected = (s: string) => s.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
      assert.equal(got.summary, expected(`Onsite: ${company}`));
      assert.equal(got.description, expected(wentBadly));
      assert.equal(got.location, location ? expected(location) : undefined);
    }), { numRuns: 200 });
  });
});
