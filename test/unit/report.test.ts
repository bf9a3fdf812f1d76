import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { exportInterviews } from '../../src/core/export';
import { JournalIndex } from '../../src/core/journal/journal-index';
import { checkFilter, describeFilter, filterInterviews, rangeTitle } from '../../src/core/report/filter';
import { buildReport, printableReport, reportHtml } from '../../src/core/report/printable';
import { escapeHtml } from '../../src/core/text/html';

function journal(files: Record<string, string>): JournalIndex {
  const index = new JournalIndex({ journalFolder: 'debrief' });
  index.updateMany(Object.entries(files).map(([name, text]) => [`debrief/interviews/${name}.yaml`, text]));
  return index;
}

const J = () => journal({
  a: 'id: a\ncompany: Acme\nrole: Dev\napplied: 2026-01-05\nsource: referral\noutcome: rejected\nrounds:\n  - type: recruiter\n    date: 2026-01-10\n  - type: coding\n    date: 2026-01-17\nfeedback:\n  requested: 2026-01-20\n',
  b: 'id: b\ncompany: Globex\nrole: SRE\nrounds:\n  - type: onsite\n    date: 2026-02-03\nstage: onsite\n',
  c: 'id: c\ncompany: Initech\nrole: QA\noutcome: ghosted\n',
  d: 'id: d\ncompany: Hooli\nrole: Staff\napplied: 2026-03-31\nstage: recruiter\noutcome: offer\n',
});

describe('report: filters', () => {
  it('keeps a date range (the date applied, else the first round) and outcomes; an undated interview only without a range', () => {
    const ivs = J().interviews();
    const ids = (f: Parameters<typeof filterInterviews>[1]) => filterInterviews(ivs, f).map((iv) => iv.id).sort();
    assert.deepEqual(ids(undefined), ['a', 'b', 'c', 'd']);
    assert.deepEqual(ids({ from: '2026-02-01', to: '2026-03-31' }), ['b', 'd']);
    assert.deepEqual(ids({ to: '2026-01-05' }), ['a']);
    assert.deepEqual(ids({ outcomes: ['pending', 'ghosted'] }), ['b', 'c']);
    assert.deepEqual(ids({ from: '2026-01-01', outcomes: ['pending'] }), ['b']);
  });

  it('checks its values and names itself', () => {
    assert.equal(checkFilter({ from: '2026-01-01', to: '2026-12-31', outcomes: ['rejected'] }), undefined);
    assert.match(checkFilter({ from: '2026-02-30' })!, /--from must be a date/);
    assert.match(checkFilter({ outcomes: [] })!, /at least one/);
    assert.equal(rangeTitle({ from: '2026-01-01', to: '2026-03-31' }), 'Applications from 2026-01-01 to 2026-03-31');
    assert.equal(rangeTitle({ to: '2026-03-31' }), 'Applications up to 2026-03-31');
    assert.equal(rangeTitle(undefined), 'All applications');
    assert.equal(describeFilter({ from: '2026-01-01', outcomes: ['rejected', 'ghosted'] }), 'from 2026-01-01, rejected or ghosted');
  });

  it('leaves every export byte for byte as before when no filter is given', () => {
    const index = J();
    for (const f of ['csv', 'md', 'json'] as const) assert.equal(exportInterviews(index, f, undefined), exportInterviews(index, f));
  });
});

describe('report: printable', () => {
  it('lists date, company, role, how applied, stage history, outcome and feedback, by date', () => {
    const r = buildReport(J(), { from: '2026-01-01', to: '2026-03-31' }, '2026-11-25');
    assert.equal(r.title, 'Applications from 2026-01-01 to 2026-03-31');
    assert.equal(r.summary, '3 applications: 1 pending, 1 offer, 1 rejected');
    assert.equal(r.undated, 1);
    assert.deepEqual(r.rows.map((x) => [x.date, x.company, x.role, x.source, x.stages, x.outcome, x.feedback]), [
      ['2026-01-05', 'Acme', 'Dev', 'referral', 'recruiter 2026-01-10 → coding 2026-01-17', 'rejected', 'asked 2026-01-20, no answer yet'],
      ['2026-02-03', 'Globex', 'SRE', '', 'onsite 2026-02-03', 'pending', ''],
      ['2026-03-31', 'Hooli', 'Staff', '', 'reached recruiter', 'offer', ''],
    ]);
    const md = printableReport(J(), 'report-md', { from: '2026-01-01', to: '2026-03-31' }, '2026-11-25');
    assert.match(md, /^# Applications from 2026-01-01 to 2026-03-31\n/);
    assert.match(md, /\| Date \| Company \| Role \| How applied \| Stage history \| Outcome \| Feedback \|/);
    assert.match(md, /\| 2026-01-05 \| Acme \| Dev \| referral \| recruiter 2026-01-10 → coding 2026-01-17 \| rejected \| asked 2026-01-20, no answer yet \|/);
    assert.match(md, /1 application has no date and is not in this range\./);
  });

  it('prints as a standalone page: styles inline, nothing loaded, every journal string escaped', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), (company, role, summary) => {
      const yaml = (s: string) => JSON.stringify(s);
      const index = journal({ x: `id: x\ncompany: ${yaml(company || 'x')}\nrole: ${yaml(role || 'y')}\napplied: 2026-01-01\nfeedback:\n  received: 2026-01-09\n  summary: ${yaml(summary || 'z')}\n` });
      const page = reportHtml(buildReport(index, undefined, '2026-11-25'));
      const iv = index.interviews()[0];
      assert.ok(page.includes(`<td class="company">${escapeHtml(iv.company)}</td>`));
      assert.ok(page.includes(`<td class="role">${escapeHtml(iv.role)}</td>`));
      const withoutRows = page.replace(/<tbody>[\s\S]*<\/tbody>/, '');
      assert.deepEqual(withoutRows.match(/<[a-z][a-z0-9]*/g)?.filter((t) => !['<html', '<head', '<meta', '<title', '<style', '<body', '<h1', '<p', '<table', '<thead', '<tr', '<th'].includes(t)), []);
      const rows = /<tbody>([\s\S]*)<\/tbody>/.exec(page)![1];
      assert.deepEqual([...new Set(rows.match(/<\/?[a-z]+/g))].sort(), ['</td', '</tr', '<td', '<tr'], 'journal text makes no element');
    }), { numRuns: 100 });
    const page = printableReport(J(), 'report-html', undefined, '2026-11-25');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.match(page, /@media print/);
    assert.ok(!/(src|href)=|<link|<script|url\(/i.test(page), 'no outside resources');
    assert.ok(page.includes('<td class="stages"><span class="step">recruiter 2026-01-10</span> → <span class="step">coding 2026-01-17</span></td>'), 'a stage history breaks between steps only');
  });
});
