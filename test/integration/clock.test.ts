// Root hook: every integration test runs on the same date (see SUITE_TODAY in helpers.ts).
import { resetClock } from './helpers';

before(async () => {
  await resetClock();
});
