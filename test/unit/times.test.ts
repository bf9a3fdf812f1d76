import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { clockTime, durationMinutes, humanDuration, roundDate, timeCandidates } from '../../src/core/times';
import { canonicalTimeZone, offsetMinutes, utcToZoned, zonedToUtc } from '../../src/core/time-zones';
import { roundTimeText, roundTiming, roundWhenText } from '../../src/core/schedule';
import { readInterview } from '../../src/core/read/interview';
import { addRound, cancelRound, deleteRound, updateRoundSchedule } from '../../src/core/edits/interview';
import { applyEdits, EditResult } from '../../src/core/yaml/text-edits';
import { parse } from 'yaml';
import { furthestStage } from '../../src/core/progress/stages';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';
const applied = (text: string, r: EditResult): string => {
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  return applyEdits(text, r.edits);
};

describe('times', () => {
  it('reads clock times on the 24-hour clock only', () => {
    assert.equal(clockTime('14:30'), '14:30');
    assert.equal(clockTime('9:05'), '09:05');
    assert.equal(clockTime('23:59:59'), '23:59');
    for (const bad of ['24:00', '12:60', '2pm', '1430', ' 14:30', '14:30 ', '', '14:3', 1430]) assert.equal(clockTime(bad), undefined, String(bad));
  });

  it('offers 24-hour readings of times written otherwise', () => {
    assert.deepEqual(timeCandidates('2pm'), ['14:00']);
    assert.deepEqual(timeCandidates('2:30 PM'), ['14:30']);
    assert.deepEqual(timeCandidates('12am'), ['00:00']);
    assert.deepEqual(timeCandidates('12 p.m.'), ['12:00']);
    assert.deepEqual(timeCandidates('14h30'), ['14:30']);
    assert.deepEqual(timeCandidates('14.30'), ['14:30']);
    assert.deepEqual(timeCandidates('1430'), ['14:30']);
    assert.deepEqual(timeCandidates('14 Uhr'), ['14:00']);
    assert.deepEqual(timeCandidates('13pm'), []);
    assert.deepEqual(timeCandidates('soon'), []);
  });

  it('reads durations in the forms people and tools write', () => {
    const cases: [unknown, number | undefined][] = [
      [45, 45], ['45m', 45], ['45 min', 45], ['90 minutes', 90], ['1h', 60], ['1.5h', 90], ['1,5 h', 90], ['1h30m', 90], ['1 hour 30 minutes', 90],
      ['PT1H30M', 90], ['pt45m', 45], ['PT2H', 120], [0, undefined], [1441, undefined], ['25h', undefined], ['PT', undefined], [1.5, undefined], ['soon', undefined],
    ];
    for (const [v, want] of cases) assert.equal(durationMinutes(v), want, String(v));
    assert.equal(humanDuration(90), '1 h 30 min');
    assert.equal(humanDuration(45), '45 min');
    assert.equal(humanDuration(60), '1 h');
  });

  it('reads a round date with or without a start time and offset', () => {
    assert.deepEqual(roundDate('2026-10-12'), { date: '2026-10-12' });
    assert.deepEqual(roundDate('2026-10-12T14:00'), { date: '2026-10-12', time: '14:00' });
    assert.deepEqual(roundDate('2026-10-12 14:00:00'), { date: '2026-10-12', time: '14:00' });
    assert.deepEqual(roundDate('2026-10-12T14:00:00.000Z'), { date: '2026-10-12', time: '14:00', offset: 'UTC' });
    assert.deepEqual(roundDate('2026-10-12T14:00+0530'), { date: '2026-10-12', time: '14:00', offset: '+05:30' });
    assert.deepEqual(roundDate('2026-10-12T14:00-07'), { date: '2026-10-12', time: '14:00', offset: '-07:00' });
    for (const bad of ['2026-02-30', '2026-10-12T25:00', '2026-10-12T14:00+15:00', '2026-10-12Tnoon', '12.10.2026']) assert.equal(roundDate(bad), undefined, bad);
  });
});

describe('time zones', () => {
  it('makes what people and tools write one canonical zone', () => {
    const cases: [string, string | undefined][] = [
      ['Europe/Berlin', 'Europe/Berlin'], ['europe/berlin', 'Europe/Berlin'], ['America/New_York', 'America/New_York'],
      ['UTC', 'UTC'], ['Etc/UTC', 'UTC'], ['gmt', 'UTC'], ['Z', 'UTC'], ['+02:00', '+02:00'], ['+0530', '+05:30'], ['UTC-5', '-05:00'], ['GMT+1', '+01:00'],
      ['W. Europe Standard Time', 'Europe/Berlin'], ['Pacific Standard Time', 'America/Los_Angeles'], ['GMT Standard Time', 'Europe/London'],
      ['India Standard Time', canonicalTimeZone('Asia/Kolkata')], ['eastern standard time', 'America/New_York'],
      ['PST', 'America/Los_Angeles'], ['ET', 'America/New_York'], ['CEST', 'Europe/Berlin'],
      ['Mars/Olympus', undefined], ['', undefined], ['Europe/Berlin; DROP', undefined], ['+15:00', undefined],
    ];
    for (const [input, want] of cases) assert.equal(canonicalTimeZone(input), want, input);
  });

  it('knows every Windows zone name of the CLDR table', () => {
    const missing = WINDOWS_TO_IANA_MAP.filter((r) => r.territory === '001' && !canonicalTimeZone(r.windowsName)).map((r) => r.windowsName);
    assert.deepEqual(missing, []);
  });

  it('converts wall-clock times across the changes to and from summer time', () => {
    // Berlin: 29 March 2026 02:00 → 03:00, 25 October 2026 03:00 → 02:00.
    assert.equal(iso(zonedToUtc('2026-03-28', '14:00', 'Europe/Berlin')), '2026-03-28T13:00Z');
    assert.equal(iso(zonedToUtc('2026-03-29', '14:00', 'Europe/Berlin')), '2026-03-29T12:00Z');
    assert.equal(iso(zonedToUtc('2026-03-29', '02:30', 'Europe/Berlin')), '2026-03-29T01:30Z', 'a skipped time is read with the offset before');
    assert.equal(iso(zonedToUtc('2026-10-25', '02:30', 'Europe/Berlin')), '2026-10-25T00:30Z', 'a time that happens twice is the first');
    assert.equal(iso(zonedToUtc('2026-10-25', '14:00', 'Europe/Berlin')), '2026-10-25T13:00Z');
    // New York: 8 March and 1 November 2026.
    assert.equal(iso(zonedToUtc('2026-03-07', '09:00', 'America/New_York')), '2026-03-07T14:00Z');
    assert.equal(iso(zonedToUtc('2026-03-09', '09:00', 'America/New_York')), '2026-03-09T13:00Z');
    assert.equal(iso(zonedToUtc('2026-11-02', '09:00', 'America/New_York')), '2026-11-02T14:00Z');
    // Southern hemisphere, and fixed offsets.
    assert.equal(iso(zonedToUtc('2026-01-15', '09:00', 'Australia/Sydney')), '2026-01-14T22:00Z');
    assert.equal(iso(zonedToUtc('2026-07-15', '09:00', 'Australia/Sydney')), '2026-07-14T23:00Z');
    assert.equal(iso(zonedToUtc('2026-07-15', '09:00', '+05:30')), '2026-07-15T03:30Z');
    assert.equal(offsetMinutes('Asia/Kathmandu', Date.UTC(2026, 0, 1)), 345);
  });

  it('reads back every instant it writes, in any zone (property)', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'UTC', '-03:30'];
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 60000, max: Date.UTC(2040, 0, 1) / 60000 }), fc.constantFrom(...zones), (minute, zone) => {
      const t = minute * 60000;
      const wall = utcToZoned(t, zone);
      const back = zonedToUtc(wall.date, wall.time, zone);
      // The same wall time; the same instant unless that wall time happens twice (then the first of the two).
      assert.deepEqual(utcToZoned(back, zone), wall);
      assert.ok(back === t || back < t, `${zone} ${iso(t)} → ${JSON.stringify(wall)} → ${iso(back)}`);
    }), { numRuns: 500 });
  });
});

describe('round schedule', () => {
  const file = 'debrief/interviews/globex.yaml';
  const head = 'id: globex\ncompany: Globex\nrole: Platform Engineer\nrounds:\n';

  it('reads every schedule key, and journals written before stay valid', () => {
    const r = readInterview(file, head + [
      '  - type: coding', '    date: 2026-10-12',
      '  - type: onsite', '    date: 2026-10-20', '    time: "9:30"', '    timezone: america/new_york', '    duration: 1h30m', '    location: HQ', '    link: https://zoom.us/j/1?pwd=a', '    invitation: {uid: a@b, sequence: 3}', '    cancelled: true',
      '  - type: recruiter', '    date: 2026-10-21T17:00Z', '    duration: 30',
    ].join('\n') + '\n');
    assert.deepEqual(r.problems, []);
    const [a, b, c] = r.value!.rounds;
    assert.deepEqual([a.date, a.time, a.timeZone, a.duration], ['2026-10-12', undefined, undefined, undefined]);
    assert.deepEqual([b.date, b.time, b.timeZone, b.duration, b.location, b.link, b.invitation, b.cancelled],
      ['2026-10-20', '09:30', 'America/New_York', 90, 'HQ', 'https://zoom.us/j/1?pwd=a', { uid: 'a@b', sequence: 3 }, true]);
    assert.deepEqual([c.date, c.time, c.timeZone, c.duration], ['2026-10-21', '17:00', 'UTC', 30]);
    assert.equal(furthestStage(r.value!), 'coding', 'a cancelled onsite does not count');
  });

  it('reports what it cannot use, located, and never keeps a link other than http(s)', () => {
    const r = readInterview(file, head + [
      '  - type: onsite', '    date: 2026-10-20T09:30+02:00', '    time: "10:00"', '    timezone: America/New_York', '    duration: 2 weeks', '    link: javascript:alert(1)',
      '  - type: coding', '    date: 2026-10-20', '    time: 2pm', '    timezone: Europe/Berln', '    duration: 0', '    link: "file:///etc/passwd"',
    ].join('\n') + '\n');
    const got = r.problems.map((p) => `${p.range.start.line + 1} ${p.code}`).sort();
    assert.deepEqual(got, ['10 bad-link', '13 bad-time', '14 unknown-timezone', '15 out-of-range', '16 bad-link', '7 time-conflict', '8 time-conflict', '9 bad-duration']);
    const [a, b] = r.value!.rounds;
    assert.equal(a.link, undefined);
    assert.equal(b.link, undefined);
    assert.equal(a.timeZone, '+02:00', 'the offset of the date decides when the zone disagrees');
    assert.match(r.problems.find((p) => p.code === 'unknown-timezone')!.message, /Did you mean "Europe\/Berlin"/);
  });

  it('says when a round takes place, in its zone and in the user\'s', () => {
    const r = { date: '2026-10-20', time: '09:30', timeZone: 'America/New_York', duration: 90 };
    assert.equal(roundTimeText(r, 'America/New_York'), '09:30–11:00 EDT');
    assert.equal(roundTimeText(r, 'Europe/Berlin'), '09:30–11:00 EDT (15:30 your time)');
    assert.equal(roundTimeText({ ...r, time: '23:00' }, 'Europe/Berlin'), '23:00–00:30 EDT (Wed 05:00 your time)');
    assert.equal(roundTimeText({ date: '2026-10-20', time: '09:30' }, 'Europe/Berlin'), '09:30', 'a floating time is the user\'s own');
    assert.equal(roundTimeText({ date: '2026-10-20' }, 'Europe/Berlin'), '');
    assert.equal(roundWhenText({ ...r, location: 'HQ' }, 'America/New_York'), 'Tue 2026-10-20, 09:30–11:00 EDT · 1 h 30 min · HQ');
    assert.equal(iso(roundTiming(r)!.end!), '2026-10-20T15:00Z');
  });

  it('adds a round with its schedule and refuses values it cannot write', () => {
    const text = head + '  - type: coding\n    date: 2026-10-12\n';
    const out = applied(text, addRound(text, { type: 'onsite', date: '2026-10-20', time: '14:00', timeZone: 'Europe/Berlin', duration: 90, location: 'HQ', link: 'https://meet.google.com/abc', invitation: { uid: 'x@google.com', sequence: 0 } }));
    assert.deepEqual(parse(out).rounds[1], { type: 'onsite', date: '2026-10-20', time: '14:00', timezone: 'Europe/Berlin', duration: 90, location: 'HQ', link: 'https://meet.google.com/abc', invitation: { uid: 'x@google.com', sequence: 0 } });
    assert.deepEqual(readInterview(file, out).problems, []);
    for (const bad of [{ time: '2pm' }, { timeZone: 'Mars/Base' }, { duration: 0 }, { link: 'javascript:alert(1)' }, { link: 'https://exa mple.com' }]) {
      const r = addRound(text, { type: 'onsite', date: '2026-10-20', ...bad });
      assert.equal(r.ok, false, JSON.stringify(bad));
    }
  });

  it('updates and cancels the round of an invitation, and only that one', () => {
    const text = head + '  - type: onsite # kept\n    date: 2026-10-20\n    time: "14:00"\n    timezone: Europe/Berlin\n    location: by hand\n    invitation:\n      uid: x@google.com\n      sequence: 0\n';
    const moved = applied(text, updateRoundSchedule(text, 1, { date: '2026-10-21', time: '09:00', timeZone: 'Europe/Berlin', duration: 45, invitation: { uid: 'x@google.com', sequence: 1 } }));
    assert.deepEqual(parse(moved).rounds[0], { type: 'onsite', date: '2026-10-21', time: '09:00', timezone: 'Europe/Berlin', location: 'by hand', invitation: { uid: 'x@google.com', sequence: 1 }, duration: 45 });
    assert.match(moved, /# kept/);
    const cancelled = applied(moved, cancelRound(moved, 1, { uid: 'x@google.com', sequence: 2 }));
    assert.equal(parse(cancelled).rounds[0].cancelled, true);
    assert.equal(parse(cancelled).rounds[0].invitation.sequence, 2);
    const again = applied(cancelled, updateRoundSchedule(cancelled, 1, { date: '2026-10-22', invitation: { uid: 'x@google.com', sequence: 3 } }));
    assert.deepEqual(parse(again).rounds[0], { type: 'onsite', date: '2026-10-22', location: 'by hand', invitation: { uid: 'x@google.com', sequence: 3 } });
    assert.equal(updateRoundSchedule(text, 1, { date: '2026-10-21', invitation: { uid: 'other@google.com' } }).ok, false, 'another invitation\'s round is stale');
    assert.equal(cancelRound(text, 2, { uid: 'x@google.com' }).ok, false);
  });

  it('deletes a round whose date holds its start time', () => {
    const text = head + '  - type: onsite\n    date: 2026-10-20T14:00+02:00\n';
    assert.ok(deleteRound(text, 1, { type: 'onsite', date: '2026-10-20' }).ok);
    assert.equal(deleteRound(text, 1, { type: 'onsite', date: '2026-10-21' }).ok, false);
  });
});
