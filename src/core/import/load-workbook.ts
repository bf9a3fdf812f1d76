import type * as Workbook from './workbook';

/**
 * The workbook reader (.xlsx, .ods, with its zip and XML libraries), loaded only when a workbook is
 * imported. It is a file of its own in the bundles, dist/workbook.js (scripts/build.mjs): Node's hosts
 * require it; the browser bundle reads it through the editor (src/adapters/load-workbook.web.ts).
 */
export function loadWorkbookReader(): Promise<typeof Workbook> {
  return import('./workbook');
}
