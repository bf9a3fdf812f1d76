// The little of Node's `process` that the npm packages `assert` and `util` look at, for the web test
// bundle only (esbuild's `inject`): the extension's own bundle has no `process` in a worker.
export const process = { env: {}, version: '', versions: {}, platform: 'browser', argv: [], cwd: () => '/', nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)) };
