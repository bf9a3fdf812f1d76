// The drawing of src/: every import points down a layer (scripts/lib/layers.mjs, which ESLint enforces file by file), and no module imports itself round a circle.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { forbiddenImport, LAYERS } from '../../scripts/lib/layers.mjs';

const root = join(__dirname, '..', '..', '..');
const src = join(root, 'src');

/** Every TypeScript file under src, with the src files it imports (type-only imports included). */
function graph(): Map<string, string[]> {
  const files: string[] = [];
  (function walk(dir: string) {
    for (const name of readdirSync(dir)) {
      const f = join(dir, name);
      if (statSync(f).isDirectory()) walk(f);
      else if (f.endsWith('.ts')) files.push(f);
    }
  })(src);
  const out = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)|require\('(\.[^']+)'\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    out.set(f, specs.map((s) => resolve(dirname(f), s)).map((t) => (existsSync(`${t}.ts`) ? `${t}.ts` : existsSync(join(t, 'index.ts')) ? join(t, 'index.ts') : t)));
  }
  return out;
}

/** The strongly connected components of more than one file (Tarjan), each a circle of imports. */
function circles(g: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(relative(src, w));
      if (w === v) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the drawing of src/', () => {
  it('every import points down a layer', () => {
    const up: string[] = [];
    for (const [file, targets] of graph()) {
      for (const t of targets) {
        const bad = forbiddenImport(src, file, t.replace(/\.ts$/, ''));
        if (bad) up.push(`${relative(src, file)} → ${relative(src, t)} (src/${bad.layer} imports only from ${bad.allowed})`);
      }
    }
    assert.deepEqual(up, []);
  });

  it('has no circle of imports, type-only ones included (the import\'s, in its own folder, is being taken apart)', () => {
    const outside = circles(graph()).filter((c) => !c.every((f) => f.startsWith('core/import/')));
    assert.deepEqual(outside, []);
  });

  it('refuses an arrow up, and its message names what exists', () => {
    const at = (p: string) => join(src, p);
    for (const [file, target] of [
      ['services/journal-editor.ts', 'ui/ranges'], ['webview/insights/main.ts', 'features/insights/panel'], ['cli/main.ts', 'services/settings'],
      ['features/sidebar/index.ts', 'features/reminders/index'], ['core/model.ts', 'services/journal'], ['adapters/node-fs.ts', 'services/journal'],
    ]) assert.ok(forbiddenImport(src, at(file), at(target)), `${file} → ${target}`);
    assert.equal(forbiddenImport(src, at('features/sidebar/index.ts'), at('features/sidebar/loading')), undefined);
    assert.equal(forbiddenImport(src, at('core/schema.ts'), join(root, 'schemas', 'interview.schema.json')), undefined, 'data outside src is no layer');
    for (const l of LAYERS) {
      assert.ok(existsSync(at(l.layer.replace('/*', ''))), l.layer);
      for (const a of l.allowed) if (a !== 'own folder') assert.ok(existsSync(at(a)), `${l.layer} names src/${a}`);
    }
  });
});
