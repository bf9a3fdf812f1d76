/** A brief ready to show: built from the journal, its study notes read through the safe reads. */
import type { FileSystem } from '../file-system';
import type { JournalIndex } from '../journal/journal-index';
import type { Interview } from '../model';
import { Brief, BriefOptions, buildBrief } from './brief';
import { readBriefNotes } from './notes';

export async function prepareBrief(index: JournalIndex, fs: FileSystem, target: Interview, today: string, options: BriefOptions = {}): Promise<Brief> {
  return readBriefNotes(buildBrief(index, target, today, options), fs);
}
