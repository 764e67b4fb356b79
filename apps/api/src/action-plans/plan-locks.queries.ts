import type { PlanState } from '@citymentor/contracts';
import { PreparedQuery } from '@citymentor/persistence';

/**
 * The plan's row as committed now, locked until the change's commit: what `planStillAllows` (plan.policy.ts)
 * checks again inside the transaction. Prepared: one of them runs in every plan or milestone change.
 */
export const PLAN_STATE_LOCKED = new PreparedQuery<{ state: PlanState }>(
  `select state from action_plans where id = ? for no key update`,
);
export const PLAN_STATE_AND_GAPS_LOCKED = new PreparedQuery<{ state: PlanState; gapQuestionCodes: string[] }>(
  `select state, gap_question_codes as "gapQuestionCodes" from action_plans where id = ? for no key update`,
);
