import { Module } from '@nestjs/common';
import { ActionPlansController } from './action-plans.controller';
import { ActionPlansService } from './action-plans.service';
import { PlanMilestonesController } from './milestones.controller';
import { MilestonesService } from './milestones.service';
import { PlanPolicy } from './plan.policy';
import { PlanQueries } from './plan.queries';
import { PlanRevisionsController } from './plan-revisions.controller';
import { PlanRevisionQueries } from './plan-revisions.queries';
import { PlanRevisionsService } from './plan-revisions.service';
import { PlanSections } from './plan-sections';
import { PlanWorkflowService } from './plan-workflow.service';

/** Action plans, their review workflow and revisions, milestones and progress. Pair policy and scopes come from the global PairsModule. */
@Module({
  controllers: [ActionPlansController, PlanRevisionsController, PlanMilestonesController],
  providers: [
    ActionPlansService,
    PlanWorkflowService,
    PlanRevisionsService,
    PlanRevisionQueries,
    MilestonesService,
    PlanPolicy,
    PlanQueries,
    PlanSections,
  ],
  exports: [PlanQueries],
})
export class ActionPlansModule {}
