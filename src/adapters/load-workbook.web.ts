// core/import/load-workbook.ts in the extension's bundle (scripts/build.mjs puts it in its place).
import type * as Workbook from '../core/import/workbook';
import { loadChunk } from './chunk';

export const loadWorkbookReader = (): Promise<typeof Workbook> => loadChunk<typeof Workbook>('workbook.js');
