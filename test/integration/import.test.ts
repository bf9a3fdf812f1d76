import * as assert from 'assert/strict';
import { join } from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { CommandId, READ_ONLY_SCHEME, ViewId } from '../../src/constants';
import type { ImportResult } from '../../src/commands/import-applications';
import { printableReport } from '../../src/core/report/printable';
import { api, assertScriptUsed, closeAll, eventually, exists, find, folder, read, readText, remove, run, tree, uriOf, write, SUITE_TODAY, showViews, ScriptedPrompter } from './helpers';
import type { PickItem, StepOptions } from '../../src/services/prompter';

/** The sample spreadsheet: a duplicate of the fixture journal's Acme interview, two new rows, one without a company. */
const SAMPLE = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'import', 'journal-sample.csv');
/** A Swiss job search kept for the RAV in Excel: title rows, date cells, Swiss German status words, a second sheet. */
const WORKBOOK = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'import', 'stellen-ch.xlsx');
const WORKBOOK_FILES = ['migros-genossenschafts-bund-software.yaml', 'swisscom-ag-devops-engineer.yaml', 'die-post-applikationsentwickler-in-java.yaml', 'sbb-cff-ffs-fullstack-entwickler.yaml', 'helvetia-versicherungen-backend.yaml'];
const GLOBEX = 'debrief/interviews/globex-platform-engineer.yaml';
const INITECH = 'debrief/interviews/initech-qa-engineer.yaml';
const ACME_FILE = 'debrief/interviews/acme-backend.yaml';
const CONTINUE = '$(check) Continue with this mapping';

async function interviewFiles(): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(uriOf('debrief/interviews'))).map(([n]) => n).sort();
}

async function closeReport(r: ImportResult | undefined): Promise<void> {
  if (!r) return;
  await vscode.window.showTextDocument(r.report);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('Import Applications', () => {
  let before: string[];
  let acme: string | undefined;
  beforeEach(async () => {
    await api();
    await showViews();
    before = await interviewFiles();
    acme = await read(ACME_FILE);
  });
  afterEach(async () => {
    // Reports left open by a failed test: untitled documents are reverted and closed one by one.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isUntitled && !d.isClosed)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    for (const f of [GLOBEX, INITECH, 'import-bad.csv', ...WORKBOOK_FILES.map((n) => `debrief/interviews/${n}`)]) await remove(f);
    // The next test starts from the fixture journal: the store has seen every imported file go.
    const index = (await api()).services.store.journalOf(folder())!.index;
    await eventually(() => index.interviews().length === before.length, 'the journal index to hold the fixture interviews only');
    await eventually(async () => !find(await tree(ViewId.Interviews), 'Globex, Platform Engineer'), 'the imported interviews to leave the tree');
    await closeAll();
  });

  it('asks for the file, shows the mapping and the preview, writes the new interviews, shows them in the tree and reports', async () => {
    const { result, prompter } = await run<ImportResult>(CommandId.ImportApplications, [SAMPLE, CONTINUE, '$(question) Status "On hold"', 'withdrawn', '$(check) Import 2 new interviews']);
    assertScriptUsed(prompter);
    assert.ok(result);
    assert.deepEqual(prompter.asked.map((q) => q.split(':')[0]), [
      'open Import Applications', 'pick Import Applications 1/2', 'pick Import Applications 2/2', 'pick Import Applications', 'pick Import Applications 2/2',
    ]);
    assert.match(prompter.asked[2], /2 new, 1 duplicate, 1 invalid/, 'the preview says what the import would do');
    assert.deepEqual(result.counts, { new: 2, duplicate: 1, invalid: 1, skipped: 0 });
    assert.deepEqual(result.created.map((u) => u.toString()), [uriOf(GLOBEX).toString(), uriOf(INITECH).toString()]);

    assert.deepEqual(await interviewFiles(), [...before, 'globex-platform-engineer.yaml', 'initech-qa-engineer.yaml'].sort());
    assert.equal(await read(ACME_FILE), acme, 'the existing interview is left as it was');
    const globex = (await read(GLOBEX))!;
    assert.match(globex, /^# Imported from journal-sample\.csv, line 3, on 2026-11-25\.$/m);
    assert.deepEqual(parse(globex), { id: 'globex-platform-engineer', company: 'Globex', role: 'Platform Engineer', applied: '2026-10-02', source: 'LinkedIn', stage: 'screening', outcome: 'pending' });
    assert.deepEqual(parse((await read(INITECH))!), { id: 'initech-qa-engineer', company: 'Initech', role: 'QA Engineer', applied: '2026-10-03', source: 'job board', outcome: 'withdrawn' });

    const items = await eventually(async () => {
      const t = await tree(ViewId.Interviews);
      return find(t, 'Globex, Platform Engineer') && find(t, 'Initech, QA Engineer') ? t : undefined;
    }, 'the imported interviews in the tree');
    assert.equal(items.find((g) => g.label === 'Pending')?.children?.find((c) => c.label === 'Globex, Platform Engineer')?.description, 'pending · 2026-10-02');
    assert.ok(items.find((g) => g.label === 'Withdrawn')?.children?.some((c) => c.label === 'Initech, QA Engineer'), 'the status the user chose decides the group');

    const report = result.report.getText();
    assert.equal(result.report.languageId, 'markdown');
    assert.equal(result.report.uri.scheme, READ_ONLY_SCHEME, 'a read-only page, which never asks to be saved');
    assert.match(report, /line 2: Acme, Backend Engineer \(2026-10-01\): same company, role and date \(2026-10-01\) as debrief/);
    assert.match(report, /line 5: Frontend Engineer: no company \(column "Company" is empty\)/);
    assert.match(report, /\n2 new, 1 duplicate, 1 invalid, 0 skipped\n$/);
    assert.ok(prompter.notices.some((n) => n === 'Debrief imported journal-sample.csv: 2 new, 1 duplicate, 1 invalid, 0 skipped.'), prompter.notices.join('\n'));
    await closeReport(result);

    // The same file again: nothing new, and nothing written.
    const again = await run<ImportResult>(CommandId.ImportApplications, [SAMPLE, CONTINUE, '$(close) Nothing new to import']);
    assertScriptUsed(again.prompter);
    assert.deepEqual(again.result?.counts, { new: 0, duplicate: 3, invalid: 1, skipped: 0 }, 'a duplicate is the same company, role and date, whatever its status');
    assert.deepEqual(await interviewFiles(), [...before, 'globex-platform-engineer.yaml', 'initech-qa-engineer.yaml'].sort());
    await closeReport(again.result);
  });

  it('imports an Excel workbook: the reader loaded on demand, the columns understood, every other column in the notes unless the user ignores it', async () => {
    const { result, prompter } = await run<ImportResult>(CommandId.ImportApplications, [WORKBOOK, '$(note) Ort', CONTINUE, '$(check) Import 5 new interviews']);
    assertScriptUsed(prompter);
    assert.ok(result);
    assert.match(prompter.asked[1], /company ← Firma, role ← Titel, applied ← Datum, source ← Art der Bewerbung, status ← Resultat, notes ← Bemerkungen/);
    assert.match(prompter.asked[3], /5 new, 0 duplicate, 0 invalid, 0 skipped/);
    assert.deepEqual(result.counts, { new: 5, duplicate: 0, invalid: 0, skipped: 0 });
    assert.deepEqual(await interviewFiles(), [...before, ...WORKBOOK_FILES].sort());
    const swisscom = (await read('debrief/interviews/swisscom-ag-devops-engineer.yaml'))!;
    assert.match(swisscom, /^# Imported from stellen-ch\.xlsx, sheet "Arbeitsbemühungen", row 5, on 2026-11-25\.$/m);
    assert.deepEqual(parse(swisscom), {
      id: 'swisscom-ag-devops-engineer', company: 'Swisscom AG', role: 'DevOps Engineer', applied: '2026-01-08', source: 'online', stage: 'screening', outcome: 'pending',
      notes: 'Erstes Gespräch am 20.01.\nPensum: 80-100%',
    });
    const report = result.report.getText();
    assert.match(report, /Read the sheet "Arbeitsbemühungen" \(of "Arbeitsbemühungen", "Notizen"\), header on row 3/);
    assert.match(report, /^- role ← Titel: named so$/m);
    assert.match(report, /^- kept in the notes as "Column: value": Pensum$/m);
    assert.match(report, /^- ignored, as you chose: Ort$/m);
    assert.match(report, /\n5 new, 0 duplicate, 0 invalid, 0 skipped\n$/);
    await eventually(async () => find(await tree(ViewId.Interviews), 'Swisscom AG, DevOps Engineer'), 'the imported interview in the tree');
    await closeReport(result);
  });

  it('shows in the preview the outcome each new row gets, and how the status chosen changes it', async () => {
    const p = new ScriptedPrompter([SAMPLE, CONTINUE, '$(question) Status "On hold"', 'withdrawn', undefined]);
    const previews: string[][] = [];
    const pick = p.pick.bind(p);
    p.pick = <T>(items: readonly PickItem<T>[], o: StepOptions) => {
      if (o.step === 2) previews.push(items.filter((i) => / · /.test(i.description ?? '')).map((i) => `${i.label}: ${i.description}`));
      return pick(items, o);
    };
    const a = await api();
    a.setPrompter(p);
    try {
      assert.equal(await vscode.commands.executeCommand(CommandId.ImportApplications), undefined, 'Escape at the preview imports nothing');
    } finally {
      a.setPrompter(undefined);
    }
    assertScriptUsed(p);
    assert.deepEqual(previews, [
      ['Line 3: Globex, Platform Engineer: 2026-10-02 · pending → globex-platform-engineer.yaml', 'Line 4: Initech, QA Engineer: 2026-10-03 · pending → initech-qa-engineer.yaml'],
      ['Line 3: Globex, Platform Engineer: 2026-10-02 · pending → globex-platform-engineer.yaml', 'Line 4: Initech, QA Engineer: 2026-10-03 · withdrawn → initech-qa-engineer.yaml'],
    ]);
    assert.deepEqual(await interviewFiles(), before);
  });

  it('writes nothing when Escape is pressed at any step', async () => {
    const answers = [SAMPLE, 'Notes', 'Source', CONTINUE, '$(question) Status "On hold"', 'withdrawn', '$(check) Import 2 new interviews'];
    for (let step = 0; step < answers.length; step++) {
      const { result, prompter } = await run(CommandId.ImportApplications, [...answers.slice(0, step), undefined]);
      assertScriptUsed(prompter);
      assert.equal(result, undefined, `Escape at step ${step + 1}`);
      assert.deepEqual(await interviewFiles(), before, `no file after Escape at step ${step + 1}`);
      assert.equal(await read(ACME_FILE), acme);
    }
  });

  it('lets the user correct the mapping before anything is written, and insists on a company and a role', async () => {
    const created = ['referral-backend-engineer.yaml', 'linkedin-platform-engineer.yaml', 'job-board-qa-engineer.yaml'];
    try {
      const { result, prompter } = await run<ImportResult>(CommandId.ImportApplications, [SAMPLE, 'Role', '$(close) Not imported', CONTINUE, 'Role', 'Role', 'Company', 'Source', CONTINUE, '$(check) Import 3 new interviews']);
      assertScriptUsed(prompter);
      assert.match(prompter.asked[4], /Every interview needs a company and a role: choose the column of role first/);
      assert.deepEqual(result?.counts, { new: 3, duplicate: 0, invalid: 1, skipped: 0 }, 'the source is the company now: Acme\'s row is no duplicate, the last row has no source');
      assert.deepEqual(await interviewFiles(), [...before, ...created].sort());
      const referral = parse((await read('debrief/interviews/referral-backend-engineer.yaml'))!);
      assert.deepEqual([referral.company, referral.role, referral.source], ['referral', 'Backend Engineer', undefined], 'a column fills one field');
      await closeReport(result);
    } finally {
      for (const f of created) await remove(`debrief/interviews/${f}`);
    }
  });

  it('says where a file cannot be read, and writes nothing (the file given to the command)', async () => {
    await write('import-bad.csv', 'Company,Role\nAcme,Dev\n"Globex,SRE\n');
    const { result, prompter } = await run(CommandId.ImportApplications, [], uriOf('import-bad.csv'));
    assertScriptUsed(prompter);
    assert.equal(result, undefined);
    assert.deepEqual(prompter.shownErrors, ['Debrief cannot import import-bad.csv:3:1: A quoted value starting on line 3 is never closed, so the rest of the file would read as one value. Close the quote; a quote inside a quoted value is written twice ("").']);
    assert.deepEqual(await interviewFiles(), before);
    assert.equal(SUITE_TODAY, '2026-11-25');
  });
});

describe('Export: the report of a date range', () => {
  const FILTER = '$(filter) Only some applications…';

  it('asks for a range and outcomes, then writes the printable report the CLI writes', async () => {
    const { services } = await api();
    const index = services.store.journalOf(folder())!.index;
    const target = 'out-report/report.html';
    try {
      const { result, prompter } = await run<vscode.Uri>(CommandId.Export, [FILTER, '2026-10-01', '2026-10-31', ['rejected', 'pending'], 'Report (HTML page)', target]);
      assertScriptUsed(prompter);
      assert.equal(result?.toString(), uriOf(target).toString());
      assert.match(prompter.asked[4], /Export 1 of 1 applications \(from 2026-10-01 to 2026-10-31, rejected or pending\) as…/);
      const page = await readText(uriOf(target));
      assert.equal(page, printableReport(index, 'report-html', { from: '2026-10-01', to: '2026-10-31', outcomes: ['rejected', 'pending'] }, SUITE_TODAY));
      assert.match(page, /<h1>Applications from 2026-10-01 to 2026-10-31<\/h1>/);
      assert.match(page, /<td class="company">Acme<\/td>/);
      assert.match(prompter.notices.join('\n'), /exported the report of 1 application to out-report\/report\.html/);
      const none = await run<vscode.Uri>(CommandId.Export, [FILTER, '2026-11-01', '', ['rejected'], 'Report (Markdown)', 'out-report/none.md']);
      assert.match(await readText(uriOf('out-report/none.md')), /^# Applications from 2026-11-01\n\n0 applications\. [^\n]*\n\nNo application in this range\.\n/);
      assertScriptUsed(none.prompter);
    } finally {
      await vscode.workspace.fs.delete(uriOf('out-report'), { recursive: true, useTrash: false });
    }
  });

  it('writes nothing when Escape is pressed while choosing the applications', async () => {
    const answers = [FILTER, '2026-10-01', '2026-10-31', ['rejected'], 'CSV', 'out-report/x.csv'];
    for (let step = 0; step < answers.length; step++) {
      const { result, prompter } = await run(CommandId.Export, [...answers.slice(0, step), undefined]);
      assertScriptUsed(prompter);
      assert.equal(result, undefined, `Escape at step ${step + 1}`);
      assert.equal(await exists(uriOf('out-report')), false);
    }
  });
});
