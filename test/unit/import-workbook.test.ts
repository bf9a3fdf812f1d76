/**
 * Workbooks (.xlsx, .ods): the fixtures written by openpyxl and odfpy (make-workbooks.py), workbooks
 * built here in the shapes Excel and LibreOffice write (shared strings, styles with date formats,
 * the 1904 date system, repeated cells and rows), and hostile ones: zip bombs, a value in the last
 * column, damaged XML, a zip that is no workbook.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { parse } from 'yaml';
import { readImport } from '../../src/core/import/import';
import { planImport } from '../../src/core/import/plan';
import { readWorkbook } from '../../src/core/import/workbook';
import { IMPORT_LIMITS } from '../../src/core/limits';

const root = join(__dirname, '..', '..', '..');
const fixture = (name: string) => new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'import', name)));

/** An .xlsx of the parts Excel writes, with the given sheets' XML (sheetData rows) and shared strings. */
function xlsx(sheets: { name: string; rows: string; hidden?: boolean }[], more: { strings?: string[]; styles?: string; date1904?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${more.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${s.rows}</sheetData></worksheet>`);
  });
  if (more.strings) files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${more.strings.join('')}</sst>`);
  if (more.styles) files['xl/styles.xml'] = strToU8(`<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${more.styles}</styleSheet>`);
  return zipSync(files);
}

/** An .ods with the given content of its spreadsheet element. */
function ods(tables: string): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8(`<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`),
  });
}

const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
const HEADER = row(1, str('A1', 'Company') + str('B1', 'Role') + str('C1', 'Date'));

describe('import: workbooks', () => {
  it('reads an Excel sheet below its title rows, dates as dates, and says which sheet and row each interview came from', async () => {
    const r = await readImport(fixture('stellen-ch.xlsx'));
    assert.ok(r.ok, r.ok ? '' : r.problem.message);
    const t = r.read.table;
    assert.deepEqual([t.sheet, t.sheets, t.headerLine, t.delimiter], ['Arbeitsbemühungen', ['Arbeitsbemühungen', 'Notizen'], 3, '']);
    assert.deepEqual(t.rows.map((x) => x.cells[0]), ['2026-01-06', '2026-01-08', '2026-01-13', '15.01.2026', '2026-01-20']);
    const p = planImport(t, { mapping: r.read.mapping, ignored: r.read.ignored, journalFolder: 'debrief', existing: [], takenIds: [], sourceName: 'stellen-ch.xlsx', today: '2026-03-10' });
    assert.ok(p.ok);
    const first = p.plan.changes[0];
    assert.ok(first.kind === 'create');
    assert.match(first.text, /^# Imported from stellen-ch\.xlsx, sheet "Arbeitsbemühungen", row 4, on 2026-03-10\.$/m);
    assert.deepEqual(parse(first.text).notes, 'Absage nach 2 Wochen, Standardschreiben\nPensum: 100%\nOrt: Zürich');
    assert.deepEqual(p.plan.rows.map((x) => x.date), ['2026-01-06', '2026-01-08', '2026-01-13', '2026-01-15', '2026-01-20']);
  });

  it('reads the sheet named, by name (any case) or number, and says which sheets there are when none has that name', async () => {
    for (const sheet of ['Notizen', 'notizen', '2']) {
      const r = await readImport(fixture('stellen-ch.xlsx'), { sheet });
      assert.ok(r.ok, sheet);
      assert.deepEqual([r.read.table.sheet, r.read.table.headers], ['Notizen', ['Thema', 'Notiz']], sheet);
    }
    const none = await readImport(fixture('stellen-ch.xlsx'), { sheet: 'Bewerbungen' });
    assert.ok(!none.ok);
    assert.equal(none.problem.code, 'unknown-sheet');
    assert.match(none.problem.message, /no sheet "Bewerbungen"\. Its sheets are: "Arbeitsbemühungen", "Notizen"/);
    const ods1 = await readImport(fixture('basvurular.ods'), { sheet: 'Ayarlar' });
    assert.ok(!ods1.ok);
    assert.equal(ods1.problem.code, 'empty');
    const csv = await readImport(new TextEncoder().encode('Company,Role\nAcme,Dev\n'), { sheet: 'Sheet1' });
    assert.ok(!csv.ok);
    assert.match(csv.problem.message, /text \(CSV or TSV\), which has no sheets/);
  });

  it('reads an OpenDocument sheet: date cells, paragraphs as lines, Turkish headers', async () => {
    const r = await readImport(fixture('basvurular.ods'));
    assert.ok(r.ok, r.ok ? '' : r.problem.message);
    assert.deepEqual(r.read.table.rows.map((x) => x.cells[2]), ['2026-02-03', '2026-02-05', '2026-02-10', '2026-02-12']);
    assert.equal(r.read.table.rows[1].cells[5], 'Gespräch mit Herrn Özdemir\nzweite Runde offen');
  });

  it('reads shared strings (rich text runs, phonetic hints left out), date formats of styles, booleans, errors and the 1904 date system', () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="#,##0.00 &quot;d&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs>';
    const strings = ['<si><t>Company</t></si>', '<si><r><t>Ac</t></r><r><rPr><b/></rPr><t>me</t></r><rPh><t>アクメ</t></rPh></si>', '<si><t xml:space="preserve"> Dev </t></si>'];
    const rows = row(1, '<c r="A1" t="s"><v>0</v></c>' + str('B1', 'Role') + str('C1', 'Date') + str('D1', 'Remote') + str('E1', 'Salary') + str('F1', 'Score'))
      + row(2, '<c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="1"><v>46036</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" s="3"><v>120000</v></c><c r="F2" t="e"><v>#N/A</v></c>')
      + row(3, '<c t="s"><v>1</v></c><c t="s"><v>2</v></c><c s="2"><v>46037.75</v></c><c t="b"><v>0</v></c>');
    const book = readWorkbook(xlsx([{ name: 'Tabelle1', rows }], { strings, styles }), IMPORT_LIMITS);
    assert.ok(book.ok, book.ok ? '' : book.problem.message);
    assert.deepEqual(book.sheet.rows.map((x) => x.cells), [
      ['Company', 'Role', 'Date', 'Remote', 'Salary', 'Score'],
      ['Acme', ' Dev ', '2026-01-14', 'TRUE', '120000', '#N/A'],
      ['Acme', ' Dev ', '2026-01-15', 'FALSE'],
    ]);
    const old = readWorkbook(xlsx([{ name: 'S', rows: HEADER + row(2, str('A2', 'Acme') + str('B2', 'Dev') + '<c r="C2" s="1"><v>44574</v></c>') }], { styles, date1904: true }), IMPORT_LIMITS);
    assert.ok(old.ok);
    assert.equal(old.sheet.rows[1].cells[2], '2026-01-14', 'days since 1904-01-01');
  });

  it('takes the first sheet that is not hidden', () => {
    const book = readWorkbook(xlsx([{ name: 'Lookup', rows: HEADER, hidden: true }, { name: 'Applications', rows: HEADER }]), IMPORT_LIMITS);
    assert.ok(book.ok);
    assert.equal(book.sheet.sheet, 'Applications');
  });

  it('reads repeated cells and rows as LibreOffice writes them, without writing out the empty ones', () => {
    const cell = (v: string, repeat = 1) => `<table:table-cell office:value-type="string"${repeat > 1 ? ` table:number-columns-repeated="${repeat}"` : ''}><text:p>${v}</text:p></table:table-cell>`;
    const content = `<table:table table:name="S"><table:table-row>${cell('Company')}${cell('Role')}${cell('Note')}<table:table-cell table:number-columns-repeated="16381"/></table:table-row>`
      + `<table:table-row table:number-rows-repeated="2">${cell('Acme')}${cell('Dev')}${cell('a<text:s text:c="3"/>b<text:tab/>c')}<table:table-cell table:number-columns-repeated="16381"/></table:table-row>`
      + '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>';
    const book = readWorkbook(ods(content), IMPORT_LIMITS);
    assert.ok(book.ok, book.ok ? '' : book.problem.message);
    assert.deepEqual(book.sheet.rows.map((x) => [x.line, ...x.cells]), [[1, 'Company', 'Role', 'Note'], [2, 'Acme', 'Dev', 'a   b\tc'], [3, 'Acme', 'Dev', 'a   b\tc']]);
    const wide = readWorkbook(ods(`<table:table table:name="S"><table:table-row>${cell('x', 600)}</table:table-row></table:table>`), IMPORT_LIMITS);
    assert.ok(!wide.ok);
    assert.deepEqual([wide.problem.code, wide.problem.line, wide.problem.column], ['too-many-columns', 1, IMPORT_LIMITS.columns + 1]);
  });
});

describe('import: hostile workbooks', () => {
  it('stops inflating a zip bomb at the limit, with what to do', async () => {
    // A sheet of 65 MB of spaces inflates from about 65 KB.
    const bomb = zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'), 'xl/sharedStrings.xml': new Uint8Array(IMPORT_LIMITS.inflatedBytes + 1024 * 1024).fill(0x20) }, { level: 1 });
    assert.ok(bomb.length < 1024 * 1024, `${bomb.length} bytes`);
    const r = await readImport(bomb);
    assert.ok(!r.ok);
    assert.deepEqual([r.problem.code, r.problem.line], ['too-large', 0]);
    assert.match(r.problem.message, /inflates to more than 64 MB of data; Debrief reads workbooks up to that\. Save the sheet of the applications on its own/);
    const small = { ...IMPORT_LIMITS, inflatedBytes: 4096 };
    const ods5 = readWorkbook(zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': new Uint8Array(10_000).fill(0x20) }), small);
    assert.ok(!ods5.ok);
    assert.equal(ods5.problem.code, 'too-large');
  });

  it('refuses a value in a column past the limit at its row and cell, and a sheet of too many cells', () => {
    const far = readWorkbook(xlsx([{ name: 'S', rows: HEADER + row(7, str('A7', 'Acme') + str('XFD7', 'x')) }]), IMPORT_LIMITS);
    assert.ok(!far.ok);
    assert.deepEqual([far.problem.code, far.problem.line, far.problem.column], ['too-many-columns', 7, IMPORT_LIMITS.columns + 1]);
    assert.match(far.problem.message, /^Row 7 of the sheet "S" \(a value in cell XFD7\) has 16,384 columns; Debrief imports tables of up to 500 columns\./);
    const empty = readWorkbook(xlsx([{ name: 'S', rows: HEADER + row(2, str('A2', 'Acme') + str('B2', 'Dev') + '<c r="XFD2" s="1"/>') }]), IMPORT_LIMITS);
    assert.ok(empty.ok, 'an empty styled cell far out is no value');
    const many = readWorkbook(xlsx([{ name: 'S', rows: HEADER + Array.from({ length: 20 }, (_, i) => row(i + 2, str(`A${i + 2}`, 'Acme') + str(`B${i + 2}`, 'Dev'))).join('') }]), { ...IMPORT_LIMITS, cells: 30 });
    assert.ok(!many.ok);
    assert.equal(many.problem.code, 'too-many-cells');
  });

  it('refuses damaged XML, a zip that is no workbook and an OpenDocument text, with what to do', async () => {
    const damaged = readWorkbook(xlsx([{ name: 'S', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Company</is></c></row>' }]), IMPORT_LIMITS);
    assert.ok(!damaged.ok);
    assert.equal(damaged.problem.code, 'damaged');
    assert.match(damaged.problem.message, /The workbook is damaged \(xl\/worksheets\/sheet1\.xml: .*\)\. Open it in its spreadsheet program and save it again\./);
    const entity = readWorkbook(xlsx([{ name: 'S', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>' }]), IMPORT_LIMITS);
    assert.ok(!entity.ok, 'no entity is expanded');
    const zip = await readImport(zipSync({ 'notes.txt': strToU8('hello') }));
    assert.ok(!zip.ok);
    assert.equal(zip.problem.code, 'not-a-workbook');
    const odt = await readImport(zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>') }));
    assert.ok(!odt.ok);
    assert.match(odt.problem.message, /OpenDocument file but not a spreadsheet/);
  });
});
