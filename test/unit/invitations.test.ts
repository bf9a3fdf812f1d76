import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { INVITATION_LIMITS, InvitationEvent, readInvitation } from '../../src/core/calendar/invitation';
import { JournalIndex } from '../../src/core/journal/journal-index';
import { guessRoundType, invitationAction, matchInterviews, planRoundsFromInvitation } from '../../src/core/plans/round-from-invitation';
import type { FileChange } from '../../src/core/plans/plan';
import { applyEdits } from '../../src/core/yaml/text-edits';
import { readInterview } from '../../src/core/read/interview';

const DIR = join(__dirname, '../../../test/fixtures/calendar');
const fixture = (name: string) => readFileSync(join(DIR, name));
const ZONE = { localZone: 'Europe/Berlin' };

function events(name: string): InvitationEvent[] {
  const r = readInvitation(name, fixture(name), ZONE);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  return r.invitation.events;
}

function refusal(name: string, text?: string | Uint8Array): { line: number; code: string; message: string } {
  const r = readInvitation(name, text ?? fixture(name), ZONE);
  assert.equal(r.ok, false, `${name} was read`);
  const p = (r as { problems: { range: { start: { line: number } }; code: string; message: string }[] }).problems[0];
  return { line: p.range.start.line + 1, code: p.code, message: p.message };
}

const GLOBEX = 'debrief/interviews/globex-platform.yaml';
const GLOBEX_TEXT = '# Globex, found through Priya\nid: globex-platform\ncompany: Globex Corporation\nrole: Platform Engineer\noutcome: pending\nrounds:\n  - {type: recruiter, date: 2026-10-01}\n';

function journal(files: Record<string, string>): JournalIndex {
  const index = new JournalIndex({ journalFolder: 'debrief' });
  for (const [p, t] of Object.entries(files)) index.update(p, t);
  return index;
}

/** Applies a plan's changes to the texts, as the editor would. */
function applied(texts: Map<string, string>, changes: FileChange[]): Map<string, string> {
  const out = new Map(texts);
  for (const c of changes) {
    if (c.kind === 'create') out.set(c.path, c.text);
    else if (c.kind === 'edit') out.set(c.path, applyEdits(out.get(c.path) as string, c.edits));
  }
  return out;
}

describe('invitations: the shapes real tools send', () => {
  it('Google Calendar: its zone, the Meet link, the people (rooms aside), a coding round of Globex', () => {
    const [e] = events('google-request.ics');
    assert.deepEqual([e.uid, e.sequence, e.cancelled], ['5k1q9v7mq3b8e2gd0t4u6hcl2s@google.com', 0, false]);
    assert.deepEqual([e.date, e.time, e.timeZone, e.duration], ['2026-10-15', '09:00', 'America/Los_Angeles', 45]);
    assert.equal(e.link, 'https://meet.google.com/xkd-fqwe-ruv');
    assert.deepEqual(e.attendees.map((p) => p.name), ['Priya Sharma', 'Tom Okafor', 'sam.candidate@gmail.com'], 'the room is no attendee');
    assert.deepEqual(e.organizer, { name: 'Priya Sharma', email: 'priya.sharma@globex.com' });
    assert.match(e.description ?? '', /CoderPad; bring your own editor setup\./, 'escaped ; and , read back');
    assert.equal(guessRoundType(e), 'coding');
    const index = journal({ [GLOBEX]: GLOBEX_TEXT, 'debrief/interviews/initech.yaml': 'id: initech\ncompany: Initech GmbH\nrole: Backend\n' });
    assert.deepEqual(matchInterviews(index.interviews(), e).map((iv) => iv.id), ['globex-platform']);
  });

  it('Outlook/Exchange: a Windows zone name, the Teams link (not the SIP conference link), the week the clocks go back', () => {
    const [e] = events('outlook-request.ics');
    assert.deepEqual([e.date, e.time, e.timeZone, e.duration], ['2026-10-27', '14:00', 'Europe/Berlin', 90]);
    assert.match(e.link ?? '', /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    assert.equal(e.location, 'Microsoft Teams Meeting');
    assert.match(e.uid, /^040000008200E00074C5B7101A82E008/);
    assert.equal(guessRoundType(e), 'system-design');
    const index = journal({ 'debrief/interviews/initech.yaml': 'id: initech\ncompany: Initech GmbH\nrole: Backend\n', [GLOBEX]: GLOBEX_TEXT });
    assert.deepEqual(matchInterviews(index.interviews(), e).map((iv) => iv.id), ['initech']);
  });

  it('Outlook with a zone only its own VTIMEZONE defines: converted to the user\'s zone', () => {
    const [e] = events('outlook-custom-zone.ics');
    // 16:30 at UTC+05:30 is 11:00 UTC, 12:00 in Berlin on 10 November.
    assert.deepEqual([e.date, e.time, e.timeZone, e.duration], ['2026-11-10', '12:00', 'Europe/Berlin', 45]);
    assert.equal(e.location, 'Umbrella Tower, 4th floor, Bengaluru');
    assert.equal(guessRoundType(e), 'behavioral');
  });

  it('GoodTime (Greenhouse) and Calendly: times in UTC, written in the user\'s zone; the Zoom link from the location or the description', () => {
    const [onsite] = events('goodtime-onsite.ics');
    assert.deepEqual([onsite.date, onsite.time, onsite.timeZone, onsite.duration], ['2026-11-03', '19:00', 'Europe/Berlin', 165]);
    assert.equal(onsite.link, 'https://hooli.zoom.us/j/93817263544?pwd=dGhlLW1lZXRpbmctcGFzcw.1');
    assert.equal(onsite.location, undefined, 'a web address in LOCATION is the link');
    assert.equal(guessRoundType(onsite), 'onsite');
    const [intro] = events('calendly.ics');
    assert.deepEqual([intro.date, intro.time, intro.timeZone, intro.duration], ['2026-10-08', '18:30', 'Europe/Berlin', 30]);
    assert.equal(intro.link, 'https://us06web.zoom.us/j/84412376655?pwd=YmFzZTY0cGFzc2NvZGU', 'the meeting, not the cancel link');
    assert.equal(guessRoundType(intro), 'recruiter');
    const index = journal({ 'debrief/interviews/pied-piper.yaml': 'id: pied-piper\ncompany: Pied Piper\nrole: Engineer\n', [GLOBEX]: GLOBEX_TEXT });
    assert.deepEqual(matchInterviews(index.interviews(), intro).map((iv) => iv.id), ['pied-piper'], 'the organizer\'s domain');
  });

  it('Zoom\'s own file: no METHOD, a New York zone, the link in URL', () => {
    const r = readInvitation('zoom.ics', fixture('zoom.ics'), ZONE);
    assert.ok(r.ok);
    assert.equal(r.invitation.method, undefined);
    const [e] = r.invitation.events;
    assert.deepEqual([e.date, e.time, e.timeZone, e.duration, e.link], ['2026-11-02', '09:00', 'America/New_York', 60, 'https://vandelay.zoom.us/j/84412376655?pwd=aW1wb3J0ZXJleHBvcnRlcg']);
    assert.equal(guessRoundType(e), 'coding');
  });
});

describe('invitations: malformed and hostile files are refused at their line, and nothing is written', () => {
  const cases: [string, number, string, RegExp][] = [
    ['hostile-javascript-link.ics', 11, 'bad-link', /URL is "javascript:/],
    ['hostile-javascript-location.ics', 10, 'bad-link', /location is a link/],
    ['hostile-conference-link.ics', 10, 'bad-link', /X-GOOGLE-CONFERENCE is "data:/],
    ['broken-folding.ics', 11, 'bad-invitation', /not an iCalendar line.*folded without a space/],
    ['invalid-date.ics', 8, 'bad-date', /DTSTART is not a real date \("2026-13-45T15:00:00Z"\)/],
    ['cut-short.ics', 9, 'bad-invitation', /never closed/],
    ['hostile-timezone-rules.ics', 17, 'unknown-timezone', /rules Debrief does not follow/],
    ['hostile-deeply-nested.ics', 11, 'over-limit', /nest more than 8 deep/],
  ];
  for (const [name, line, code, message] of cases) {
    it(name, () => {
      const got = refusal(name);
      assert.equal(got.code, code);
      assert.equal(got.line, line);
      assert.match(got.message, message);
    });
  }

  it('a location written like "HQ:3rd floor" is a place, a phone number is kept, and only links are checked as links', () => {
    const invite = (location: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20261012T150000Z\r\nLOCATION:${location}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    for (const place of ['HQ:3rd floor', 'Room 4: Main building', 'tel:+1-555-0100']) {
      const r = readInvitation('place.ics', invite(place), ZONE);
      assert.ok(r.ok, place);
      assert.equal(r.invitation.events[0].location, place);
    }
    assert.equal(refusal('vb.ics', invite('vbscript:msgbox(1)')).code, 'bad-link');
    assert.equal(refusal('ftp.ics', invite('ftp://files.example.com/x')).code, 'bad-link');
  });

  it('time-zone rules that repeat within a year (every hour, minute or second) are not followed', () => {
    const tz = (rule: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Odd\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:${rule}\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:a@b\r\nDTSTART;TZID=Odd:20261012T150000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    const minute = Array.from({ length: 60 }, (_, i) => i).join(',');
    for (const rule of [`FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMINUTE=${minute};BYSECOND=${minute}`, 'FREQ=YEARLY;BYHOUR=1', 'FREQ=MONTHLY', 'FREQ=YEARLY;INTERVAL=2']) {
      assert.equal(refusal('odd.ics', tz(rule)).code, 'unknown-timezone', rule);
    }
    const plain = readInvitation('plain.ics', tz('FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'), ZONE);
    assert.ok(plain.ok);
    assert.deepEqual([plain.invitation.events[0].date, plain.invitation.events[0].time], ['2026-10-12', '15:00'], '15:00 at +02:00 is 15:00 in Berlin in October');
  });

  it('a file over the size limit is refused before it is parsed', () => {
    const big = 'BEGIN:VCALENDAR\r\n' + 'X-FILLER:'.padEnd(70, 'x').concat('\r\n').repeat(20_000) + 'END:VCALENDAR\r\n';
    assert.ok(big.length > INVITATION_LIMITS.bytes);
    const got = refusal('huge.ics', big);
    assert.deepEqual([got.code, got.line], ['over-limit', 1]);
  });

  it('too many events, lines or components are refused, in time linear in the file', () => {
    const many = 'BEGIN:VCALENDAR\r\n' + 'BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261012T100000Z\r\nEND:VEVENT\r\n'.repeat(60) + 'END:VCALENDAR\r\n';
    assert.match(refusal('many.ics', many).message, /More than 50 events/);
    const lines = 'BEGIN:VCALENDAR\r\n' + 'X-A:1\r\n'.repeat(25_000) + 'END:VCALENDAR\r\n';
    assert.match(refusal('lines.ics', lines).message, /More than 20,000 lines/);
  });

  it('random bytes and random text never throw, and are read or refused with a located problem (property)', () => {
    const valid = fixture('google-request.ics').toString('utf8');
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 }),
      fc.tuple(fc.nat(valid.length), fc.nat(valid.length), fc.string({ maxLength: 20 })).map(([a, b, s]) => valid.slice(0, Math.min(a, b)) + s + valid.slice(Math.max(a, b)))), (input) => {
      const r = readInvitation('random.ics', input, ZONE);
      if (!r.ok) {
        assert.ok(r.problems.length > 0);
        for (const p of r.problems) assert.ok(p.message.length > 0 && p.range.start.line >= 0);
      } else for (const e of r.invitation.events) assert.ok(!e.link || /^https?:\/\//i.test(e.link));
    }), { numRuns: 300 });
  });
});

describe('invitations: into the journal', () => {
  const texts0 = new Map([[GLOBEX, GLOBEX_TEXT]]);

  it('adds a round with the invitation\'s schedule through Add Round\'s edit, in the file\'s style, then updates it, then marks it cancelled', () => {
    const [request] = events('google-request.ics');
    let index = journal(Object.fromEntries(texts0));
    assert.equal(invitationAction(index, request).kind, 'add');
    const iv = index.interviewAt(GLOBEX)!;
    const added = planRoundsFromInvitation(texts0, { added: [{ event: request, type: 'coding', interviewers: ['Priya Sharma', 'Tom Okafor'] }], target: { path: iv.file }, changed: [] });
    assert.ok(added.ok);
    let texts = applied(texts0, added.changes);
    const text1 = texts.get(GLOBEX)!;
    assert.ok(text1.startsWith('# Globex, found through Priya\n'), 'comments stay');
    assert.match(text1, / {2}- \{type: recruiter, date: 2026-10-01\}\n/, 'the flow item stays as written');
    assert.deepEqual(parse(text1).rounds[1], {
      type: 'coding', date: '2026-10-15', time: '09:00', timezone: 'America/Los_Angeles', duration: 45, link: 'https://meet.google.com/xkd-fqwe-ruv',
      interviewers: ['Priya Sharma', 'Tom Okafor'], invitation: { uid: '5k1q9v7mq3b8e2gd0t4u6hcl2s@google.com', sequence: 0 },
    });
    assert.deepEqual(readInterview(GLOBEX, text1).problems, []);

    // The same invitation again: nothing to do. An update: the round moves.
    index = journal(Object.fromEntries(texts));
    assert.equal(invitationAction(index, request).kind, 'unchanged');
    const [update] = events('google-update.ics');
    const upd = invitationAction(index, update);
    assert.equal(upd.kind, 'update');
    const updated = planRoundsFromInvitation(texts, { added: [], changed: [{ action: upd as Extract<typeof upd, { kind: 'update' }> }] });
    assert.ok(updated.ok);
    assert.deepEqual(updated.result, { added: 0, updated: 1, cancelled: 0 });
    texts = applied(texts, updated.changes);
    const round = parse(texts.get(GLOBEX)!).rounds[1];
    assert.deepEqual([round.date, round.time, round.duration, round.invitation.sequence, round.interviewers], ['2026-10-20', '10:30', 60, 1, ['Priya Sharma', 'Tom Okafor']]);
    assert.equal(parse(texts.get(GLOBEX)!).rounds.length, 2, 'no second round');

    // The older request arriving late changes nothing; the cancellation marks the round.
    index = journal(Object.fromEntries(texts));
    assert.equal(invitationAction(index, request).kind, 'older');
    const [cancel] = events('google-cancel.ics');
    const c = invitationAction(index, cancel);
    assert.equal(c.kind, 'cancel');
    const cancelled = planRoundsFromInvitation(texts, { added: [], changed: [{ action: c as Extract<typeof c, { kind: 'cancel' }> }] });
    assert.ok(cancelled.ok);
    texts = applied(texts, cancelled.changes);
    assert.equal(parse(texts.get(GLOBEX)!).rounds[1].cancelled, true);
    assert.equal(invitationAction(journal(Object.fromEntries(texts)), cancel).kind, 'unchanged');
  });

  it('an Outlook cancellation of an invitation never added changes nothing', () => {
    const [cancel] = events('outlook-cancel.ics');
    assert.equal(cancel.cancelled, true);
    assert.equal(invitationAction(journal(Object.fromEntries(texts0)), cancel).kind, 'cancel-unknown');
  });

  it('a new interview: the file is created with the round, as one change', () => {
    const [onsite] = events('goodtime-onsite.ics');
    const plan = planRoundsFromInvitation(new Map(), {
      added: [{ event: onsite, type: 'onsite', interviewers: [] }],
      target: { create: { company: 'Hooli', role: 'Platform Engineer', outcome: 'pending' }, journalFolder: 'debrief', existingIds: [] },
      changed: [],
    });
    assert.ok(plan.ok);
    assert.equal(plan.changes.length, 1);
    const c = plan.changes[0];
    assert.equal(c.kind, 'create');
    assert.equal(c.path, 'debrief/interviews/hooli-platform-engineer.yaml');
    const data = parse((c as { text: string }).text);
    assert.deepEqual(data.rounds, [{ type: 'onsite', date: '2026-11-03', time: '19:00', timezone: 'Europe/Berlin', duration: 165, link: 'https://hooli.zoom.us/j/93817263544?pwd=dGhlLW1lZXRpbmctcGFzcw.1', invitation: { uid: 'gt-7c2f9e1a-44b8-4f0e-9d3a-5b8e2c1f6a90@goodtime.io', sequence: 0 } }]);
  });

  it('a file that does not parse is refused and left as it is', () => {
    const broken = new Map([[GLOBEX, GLOBEX_TEXT + 'rounds: [oops\n']]);
    const [request] = events('google-request.ics');
    const plan = planRoundsFromInvitation(broken, { added: [{ event: request, type: 'coding', interviewers: [] }], target: { path: GLOBEX }, changed: [] });
    assert.equal(plan.ok, false);
  });
});
