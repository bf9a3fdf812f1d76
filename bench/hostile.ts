/**
 * Hostile journal files, generated at a given size: the shapes a cloned journal could use to make a
 * reader slow (exponential or quadratic work), hungry (unbounded memory) or confusing (forged output).
 * The benchmark measures each at 1 MB and 4 MB; the unit tests read each through the reader, the index
 * and the command line.
 */

export interface HostileShape {
  name: string;
  /** What the shape attacks. */
  what: string;
  /** Which file it is (the reader differs for interviews and weaknesses.yaml). */
  kind: 'interview' | 'weaknesses';
  /** The text, about `bytes` long (never longer). */
  make(bytes: number): string;
}

const HEAD = 'id: acme\ncompany: Acme\nrole: Backend Engineer\n';

/** `head`, then `unit(i)` repeated while the text stays within `bytes`, then `tail`. */
function fill(bytes: number, head: string, unit: (i: number) => string, tail = ''): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let i = 0; ; i++) {
    const u = unit(i);
    if (size + u.length > bytes) break;
    parts.push(u);
    size += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** `n` levels of `open`, then of `close`, as many as fit. */
function nested(bytes: number, head: string, open: string, close: string, tail = '\n'): string {
  const n = Math.max(1, Math.floor((bytes - head.length - tail.length) / (open.length + close.length)));
  return head + open.repeat(n) + close.repeat(n) + tail;
}

const SHAPES: readonly HostileShape[] = [
  {
    name: 'flow-keys', kind: 'interview', what: 'flow mappings nested as keys ({{{…}}}): exponential in the depth when a key is turned into text',
    make: (b) => nested(b, `${HEAD}notes: `, '{', '}'),
  },
  {
    name: 'flow-keys-34', kind: 'interview', what: 'a list of 34-deep flow mappings used as keys, each 3.5 s and 1.4 GB before',
    make: (b) => fill(b, `${HEAD}tags:\n`, () => `  - ${'{'.repeat(34)}${'}'.repeat(34)}\n`),
  },
  {
    name: 'many-keys', kind: 'interview', what: 'tens of thousands of unknown keys: quadratic duplicate-key check and one schema error per key',
    make: (b) => fill(b, HEAD, (i) => `key${i}: value ${i}\n`),
  },
  {
    name: 'keys-at-limit', kind: 'interview', what: 'mappings of 1,000 unknown keys each, under the key limit: the most schema errors within the limits',
    make: (b) => fill(b, `${HEAD}rounds:\n`, (i) => (i % 1000 === 0 ? '  - type: coding\n' : `    k${i % 1000}: v\n`)),
  },
  {
    name: 'duplicate-keys', kind: 'interview', what: 'the same key repeated: one identical problem per repeat',
    make: (b) => fill(b, HEAD, () => 'notes: again\n'),
  },
  {
    name: 'many-problems', kind: 'interview', what: 'rounds whose every value is wrong: hundreds of thousands of problems',
    make: (b) => fill(b, `${HEAD}applied: 2025-06-01\nrounds:\n`, (i) => `  - type: bogus${i % 10}\n    date: 2025-13-${i % 90}\n    rating: ${9 + (i % 5)}\n`),
  },
  {
    name: 'unknown-citations', kind: 'interview', what: 'citations of unknown weaknesses: a cross-file problem and a fuzzy match each',
    make: (b) => fill(b, `${HEAD}weaknesses:\n`, (i) => `  - weakness: unknown-weakness-${i}\n`),
  },
  {
    name: 'deep-flow', kind: 'interview', what: 'lists nested in flow style ([[[…]]]): recursion depth',
    make: (b) => nested(b, `${HEAD}notes: `, '[', ']'),
  },
  {
    name: 'deep-block', kind: 'interview', what: 'mappings nested by indentation',
    make: (b) => {
      const parts = [HEAD, 'notes:\n'];
      let size = HEAD.length + 7;
      for (let d = 1; ; d++) {
        const line = `${' '.repeat(d)}a:\n`;
        if (size + line.length > b) break;
        parts.push(line);
        size += line.length;
      }
      return parts.join('');
    },
  },
  {
    name: 'deep-dashes', kind: 'interview', what: 'lists nested on one line (- - - - …)',
    make: (b) => nested(b, `${HEAD}tags:\n  `, '- ', '', 'x\n'),
  },
  {
    name: 'long-list', kind: 'interview', what: 'a list of hundreds of thousands of items',
    make: (b) => fill(b, `${HEAD}tags:\n`, () => '  - x\n'),
  },
  {
    name: 'flow-list', kind: 'interview', what: 'a flow list of hundreds of thousands of items on one line',
    make: (b) => fill(b, `${HEAD}tags: [`, () => 'x,', ']\n'),
  },
  {
    name: 'aliases', kind: 'interview', what: 'anchors and aliases (billion laughs)',
    make: (b) => fill(b, `${HEAD}tags: &a0 [x, x, x, x, x, x, x, x]\n`, (i) => `k${i + 1}: &a${i + 1} [*a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}]\n`),
  },
  {
    name: 'long-string', kind: 'interview', what: 'one quoted value of the whole size',
    make: (b) => `${HEAD}notes: "${'x'.repeat(Math.max(0, b - HEAD.length - 10))}"\n`,
  },
  {
    name: 'long-plain', kind: 'interview', what: 'one plain value continued over many lines',
    make: (b) => fill(b, `${HEAD}notes: start\n`, () => '  more words on another line of the same value\n'),
  },
  {
    name: 'long-block', kind: 'interview', what: 'one literal block value of many lines',
    make: (b) => fill(b, `${HEAD}notes: |\n`, () => '  a line of the block, kept as written\n'),
  },
  {
    name: 'long-key', kind: 'interview', what: 'one key of the whole size (quoted in messages)',
    make: (b) => `${HEAD}${'k'.repeat(Math.max(0, b - HEAD.length - 10))}: value\n`,
  },
  {
    name: 'spaces-line', kind: 'interview', what: 'one line of spaces (a quadratic regular expression before)',
    make: (b) => `${HEAD}notes: a${' '.repeat(Math.max(0, b - HEAD.length - 12))}b\n`,
  },
  {
    name: 'comments', kind: 'interview', what: 'comment lines only',
    make: (b) => fill(b, HEAD, () => '# a comment line\n'),
  },
  {
    name: 'blank-lines', kind: 'interview', what: 'blank lines before the content (an exponential regular expression before)',
    make: (b) => '\n'.repeat(Math.max(0, b - HEAD.length)) + HEAD,
  },
  {
    name: 'tabs', kind: 'interview', what: 'lines indented with tabs: one YAML error per line',
    make: (b) => fill(b, `${HEAD}rounds:\n`, () => '\t- type: coding\n'),
  },
  {
    name: 'syntax-errors', kind: 'interview', what: 'closing brackets only: one YAML error per character',
    make: (b) => fill(b, HEAD, () => ']'),
  },
  {
    name: 'documents', kind: 'interview', what: 'thousands of YAML documents (--- lines)',
    make: (b) => fill(b, HEAD, (i) => `---\nid: x${i}\n`),
  },
  {
    name: 'control-chars', kind: 'interview', what: 'keys and values holding newlines and terminal escape sequences',
    make: (b) => fill(b, HEAD, (i) => `"k${i}\\nx.yaml:1:1: error: forged\\u001b[2J": "\\u001b[31mred\\u0007"\n`),
  },
  {
    name: 'dense-valid', kind: 'interview', what: 'valid rounds with long text, as many tokens as the limits allow: the most work an accepted file costs',
    make: (b) => fill(b, `${HEAD}applied: 2025-01-01\nrounds:\n`, (i) => `  - type: coding\n    date: 2025-02-01\n    went-well: ${'well '.repeat(10 + (i % 7))}${i}\n`),
  },
  {
    name: 'largest-accepted', kind: 'interview', what: 'valid rounds up to just under the token limit, then one long text block: the most work a file within the limits costs',
    make: (b) => {
      // A round is 26 lexer tokens: 2,200 rounds stay under the 60,000-token limit, with room for the rest.
      const rounds: string[] = [];
      for (let i = 0; i < 2200; i++) rounds.push(`  - type: coding\n    date: 2025-02-01\n    went-well: clear ${i}\n`);
      return fill(b, `${HEAD}applied: 2025-01-01\nrounds:\n${rounds.join('')}notes: |\n`, () => '  a long line of notes kept as written, to make the file as large as the size allows\n');
    },
  },
  {
    name: 'many-weaknesses', kind: 'weaknesses', what: 'weaknesses.yaml with thousands of weaknesses and items linking notes',
    make: (b) => fill(b, 'weaknesses:\n', (i) => `  - id: w-${i}\n    title: Weakness ${i}\n    status: confirmed\n    improvements:\n      - id: i-${i}\n        action: Practise ${i}\n        status: todo\n        notes: [notes/w-${i}.md]\n`),
  },
  {
    name: 'outside-notes', kind: 'weaknesses', what: 'note paths that leave the workspace, are absolute or hold control characters',
    make: (b) => fill(b, 'weaknesses:\n  - id: w\n    title: W\n    improvements:\n      - id: i\n        action: A\n        notes:\n', (i) => `          - ${['../../../../home/user/.bash_login', '/etc/passwd', '"notes/\\u001b[2Jx.md"', 'C:\\\\Windows\\\\x.md'][i % 4]}\n`),
  },
];

/**
 * Damaged journal files (test/unit/recovery.test.ts): what the reader recovers from, part by part. Each
 * item carries a long text, so that a file stays within the token limit up to 4 MB and is read, not
 * refused: the cost measured is that of recovery.
 */
const LONG = 'a long title written out in full, as people do when they describe what went wrong in an interview '.repeat(19).trim();
const item = (i: number, improvements: string) => `  - id: w-${i}\n    title: ${LONG}\n    status: confirmed\n    improvements: ${improvements}\n`;

export const DAMAGED_SHAPES: readonly HostileShape[] = [
  {
    name: 'damaged-once', kind: 'weaknesses', what: 'one "]" lost in the first of thousands of weaknesses: the list is read item by item',
    make: (b) => fill(b, 'weaknesses:\n', (i) => item(i, i === 0 ? '[' : '[]')),
  },
  {
    name: 'damaged-items', kind: 'weaknesses', what: 'every weakness with a "[" never closed: one problem each, naming where it was opened',
    make: (b) => fill(b, 'weaknesses:\n', (i) => item(i, '[')),
  },
  {
    name: 'stray-lines', kind: 'weaknesses', what: 'a stray line at column 0 after every weakness',
    make: (b) => fill(b, 'weaknesses:\n', (i) => `${item(i, '[]')}x\n`),
  },
  {
    name: 'mixed-columns', kind: 'weaknesses', what: 'weaknesses at columns 1 to 4 in turn: every column the list may be at is tried',
    make: (b) => fill(b, 'weaknesses:\n', (i) => item(i, '[]').replace(/^ {2}/, ' '.repeat(1 + (i % 4))).replace(/\n {4}/g, `\n${' '.repeat(3 + (i % 4))}`)),
  },
  {
    name: 'moved-keys', kind: 'weaknesses', what: 'a list at column 0 whose items\' keys moved to column 0',
    make: (b) => fill(b, 'weaknesses:\n', (i) => `- id: w-${i}\ntitle: ${LONG} ${LONG} ${LONG} ${LONG}\n`),
  },
  {
    name: 'unclosed-quotes', kind: 'interview', what: 'rounds whose text opens a quote it never closes',
    make: (b) => fill(b, `${HEAD}rounds:\n`, () => `  - type: coding\n    went-well: "${LONG}\n`),
  },
];

/** Every hostile shape: those that attack the reader's limits, and the damaged files it recovers from. */
export const HOSTILE_SHAPES: readonly HostileShape[] = [...SHAPES, ...DAMAGED_SHAPES];

/** Bytes of a text as UTF-8. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
