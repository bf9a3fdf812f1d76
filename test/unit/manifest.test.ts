import * as assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CommandId, ContextKey, SettingId, ViewContainerId, ViewId, WALKTHROUGH_ID, WalkthroughStepKey } from '../../src/constants';
import { TOOL_SPECS } from '../../src/core/assistant/specs';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

describe('package.json manifest', () => {
  it('declares exactly the commands of the constants module, each with the Debrief category', () => {
    const declared = contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.values(CommandId).sort());
    for (const c of contributes.commands) assert.equal(c.category, 'Debrief', `${c.command} has no Debrief category`);
  });

  it('declares the view container and views of the constants module', () => {
    const containers = contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id);
    assert.deepEqual(containers, Object.values(ViewContainerId));
    const views = Object.values(contributes.views).flat().map((v) => (v as { id: string }).id).sort();
    assert.deepEqual(views, Object.values(ViewId).sort());
    for (const c of contributes.viewsContainers.activitybar) assert.ok(existsSync(join(root, c.icon)), `${c.icon} is missing`);
  });

  it('declares exactly the settings of the constants module', () => {
    const settings = contributes.configuration.flatMap((s: { properties: object }) => Object.keys(s.properties)).sort();
    assert.deepEqual(settings, Object.values(SettingId).sort());
  });

  it('uses only known context keys in when clauses', () => {
    const whens: string[] = [];
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'when' && typeof x === 'string') whens.push(x);
          else collect(x);
        }
      }
    };
    collect(contributes);
    assert.ok(whens.length > 0);
    const used = new Set(whens.flatMap((w) => [...w.matchAll(/debrief\.[A-Za-z.]+/g)].map((m) => m[0])));
    const known = new Set<string>([...Object.values(ContextKey), ...Object.values(CommandId), ...Object.values(ViewId), ...Object.values(SettingId)]);
    for (const key of used) assert.ok(known.has(key), `${key} is used in package.json but not declared in src/constants.ts`);
  });

  it('completes each walkthrough step on its context key, never on a command, which fires when the command starts', () => {
    const [walkthrough, ...others] = contributes.walkthroughs as { id: string; steps: { id: string; completionEvents: string[] }[] }[];
    assert.equal(others.length, 0);
    assert.equal(walkthrough.id, WALKTHROUGH_ID);
    assert.deepEqual(walkthrough.steps.map((s) => s.id), Object.keys(WalkthroughStepKey));
    for (const s of walkthrough.steps) assert.deepEqual(s.completionEvents, [`onContext:${WalkthroughStepKey[s.id as keyof typeof WalkthroughStepKey]}`], s.id);
  });

  it('contributes exactly the assistant tools of schemas/assistant-tools.json, hidden by the setting that turns them off', () => {
    const contributed = contributes.languageModelTools as Record<string, unknown>[];
    assert.deepEqual(contributed.map((t) => t.name), TOOL_SPECS.map((t) => t.name));
    for (const spec of TOOL_SPECS) {
      const t = contributed.find((c) => c.name === spec.name)!;
      const { kind, ...fields } = spec;
      for (const [k, v] of Object.entries(fields)) assert.deepEqual(t[k], v, `${spec.name}.${k} differs from schemas/assistant-tools.json`);
      assert.equal(t.when, kind === 'read' ? "config.debrief.assistant.tools != 'off'" : "config.debrief.assistant.tools == 'read-write'", spec.name);
    }
  });

  it('activates lazily and agrees with @types/vscode on the oldest supported VS Code', () => {
    assert.ok(!manifest.activationEvents.includes('*'), 'activation on * slows every window');
    const engine = manifest.engines.vscode.replace(/^\^/, '');
    const types = manifest.devDependencies['@types/vscode'];
    assert.equal(types, engine, '@types/vscode must be pinned to engines.vscode so no newer API is used by accident');
  });
});
