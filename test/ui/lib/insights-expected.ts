// Built by `scripts/build.mjs --tests` into out/test/ui/insights-expected.js: the UI test computes the
// numbers the panel must show with the same core, from the journal it opened.
import { NodeFileSystem } from '../../../src/adapters/node-fs';
import { allCharts, insightsModel, InsightsModel, OUTCOME_STYLES } from '../../../src/core/insights';
import { dateOf } from '../../../src/core/dates';
import { loadJournal } from '../../../src/core/journal/load';

export { allCharts, OUTCOME_STYLES };

export async function expectedInsights(folder: string, today: string = dateOf(new Date())): Promise<InsightsModel> {
  return insightsModel(await loadJournal(new NodeFileSystem(folder), 'debrief'), today);
}
