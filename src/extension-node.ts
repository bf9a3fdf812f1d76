// The `main` entry, for a Node extension host (the desktop, a remote's host): the extension is the one
// bundle the web worker runs too (dist/web/extension.js, the `browser` entry), handed the local disk
// through Node first. This file holds only what Node adds (scripts/build.mjs keeps the shared bundle
// out of it).
import { nodeDisk } from './adapters/node-disk';
import type * as Extension from './extension';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the shared bundle beside this one, at run time
const extension = require('./web/extension.js') as typeof Extension;
extension.useLocalDisk(nodeDisk);

export const activate = extension.activate;
export const deactivate = extension.deactivate;
