/**
 * How far an application got: derived from the rounds held and the outcome, never stored twice. The
 * `stage` key is an override for what the rounds cannot show (an application imported from another
 * tracker, rounds not written down): it counts when it is further than the rounds; a `stage` behind
 * the rounds is a contradiction, reported as a problem. docs/progress.md says it in plain words.
 */
import type { Interview, RoundType, Stage } from '../model';
import { STAGES } from '../model';

/** The stage a round of this type shows was reached. */
const ROUND_STAGE: Record<RoundType, Stage> = {
  recruiter: 'recruiter',
  coding: 'coding',
  'take-home': 'take-home',
  'system-design': 'system-design',
  behavioral: 'behavioral',
  onsite: 'onsite',
  other: 'screening',
};

export function stageRank(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** The furthest stage the rounds held (cancelled ones aside) and the outcome show (without the `stage` key). */
export function stageFromRecords(iv: Pick<Interview, 'rounds' | 'outcome'>): Stage {
  if (iv.outcome === 'offer' || iv.outcome === 'accepted' || iv.outcome === 'declined') return 'offer';
  let best: Stage = 'applied';
  for (const r of iv.rounds) {
    // A cancelled round did not take place.
    if (r.cancelled) continue;
    const s = r.type ? ROUND_STAGE[r.type] : 'screening';
    if (stageRank(s) > stageRank(best)) best = s;
  }
  return best;
}

/** The furthest stage reached: from the rounds and the outcome, or the `stage` key when it goes further. */
export function furthestStage(iv: Pick<Interview, 'rounds' | 'outcome' | 'stage'>): Stage {
  const derived = stageFromRecords(iv);
  return iv.stage && stageRank(iv.stage) > stageRank(derived) ? iv.stage : derived;
}

/** When the `stage` key says less than the rounds show: the stage the rounds show. */
export function stageBehindRecords(iv: Pick<Interview, 'rounds' | 'outcome' | 'stage'>): Stage | undefined {
  if (!iv.stage) return undefined;
  const derived = stageFromRecords(iv);
  return stageRank(iv.stage) < stageRank(derived) ? derived : undefined;
}

/** The steps of the funnel: where applications stop, each reached by the applications at that stage or beyond. */
export const FUNNEL_STEPS: readonly { id: string; label: string; from: Stage }[] = [
  { id: 'applied', label: 'Applied', from: 'applied' },
  { id: 'screen', label: 'Heard back (a first round)', from: 'screening' },
  { id: 'technical', label: 'Technical round', from: 'coding' },
  { id: 'final', label: 'Final rounds', from: 'behavioral' },
  { id: 'offer', label: 'Offer', from: 'offer' },
];

/** The funnel steps an application reached. */
export function funnelReach(iv: Pick<Interview, 'rounds' | 'outcome' | 'stage'>): number {
  const rank = stageRank(furthestStage(iv));
  let n = 0;
  for (const step of FUNNEL_STEPS) if (rank >= stageRank(step.from)) n++;
  return n;
}
