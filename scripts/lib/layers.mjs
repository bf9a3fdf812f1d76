// The drawing of src/: which layer may import which, for the ESLint rule (eslint.config.mjs) and the
// unit test that draws the whole graph (test/unit/architecture.test.ts).
import * as path from 'node:path';

/**
 * The imports each layer may make (relative imports only; `vscode` and Node's modules are the core's
 * own rule in eslint.config.mjs). Arrows point down: the core at the bottom, then the adapters, the
 * services, the shared UI module, and on top the commands and features, which talk to each other
 * through the store's events and commands, never by importing one another. The webview runs in a
 * browser and sees only the core; the command line sees the core and the adapters. `extension.ts`,
 * `test-mode.ts` and `features/index.ts` put the parts together and may import any.
 * `own folder` is the feature's (or the webview's) own folder, `src/features/<name>`.
 */
export const LAYERS = [
  { layer: 'core', allowed: ['core'], hint: 'the core is pure: move what it needs into src/core' },
  { layer: 'adapters', allowed: ['core', 'adapters'], hint: 'an adapter converts between the core and a platform' },
  { layer: 'services', allowed: ['core', 'adapters', 'services', 'constants.ts'], hint: 'move what services share with the UI into src/adapters or src/core' },
  { layer: 'ui', allowed: ['core', 'adapters', 'services', 'ui', 'constants.ts'], hint: 'the shared UI module serves the commands and features' },
  { layer: 'commands', allowed: ['commands', 'core', 'adapters', 'services', 'ui', 'constants.ts'], hint: 'talk to a feature through a command or the store\'s events' },
  { layer: 'features/*', allowed: ['own folder', 'core', 'adapters', 'services', 'ui', 'constants.ts'], hint: 'talk to another feature through a command or the store\'s events' },
  { layer: 'webview/*', allowed: ['own folder', 'core'], hint: 'what the webview shares with its panel lives in src/core' },
  { layer: 'cli', allowed: ['cli', 'core', 'adapters'], hint: 'the command line runs without the editor' },
];

/**
 * Whether `file` (a path under `src`) may import `target` (a resolved path, without its extension);
 * undefined when allowed, else what the lint message says: the layer, what it may import, a hint.
 */
export function forbiddenImport(src, file, target) {
  // Outside src/ (the schemas, package.json) is data, not a layer.
  if (!(target + path.sep).startsWith(src + path.sep)) return undefined;
  const parts = path.relative(src, file).split(path.sep);
  const own = parts.length > 2 && (parts[0] === 'features' || parts[0] === 'webview') ? path.join(src, parts[0], parts[1]) : undefined;
  const spec = LAYERS.find((l) => l.layer === parts[0] || (l.layer === `${parts[0]}/*` && own));
  if (!spec) return undefined;
  const allowed = spec.allowed.map((a) => (a === 'own folder' ? own : path.join(src, a)));
  if (allowed.some((a) => target === a.replace(/\.ts$/, '') || (target + path.sep).startsWith(a + path.sep))) return undefined;
  return {
    layer: own ? path.relative(src, own) : spec.layer,
    allowed: spec.allowed.map((a) => (a === 'own folder' ? path.join('src', path.relative(src, own)) : `src/${a}`)).join(', '),
    hint: spec.hint,
  };
}
