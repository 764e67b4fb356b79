import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { AssessmentReadsService } from './assessment-reads.service';
import { AssessmentQueries } from './assessment.queries';
import { AssessmentScopes } from './assessment-scopes';
import { AssessmentPolicy } from './assessment.policy';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';

/** Self-assessments; exports the policy and scope lookup so the realtime gateway can decide `assessment:{id}` rooms. */
@Module({
  imports: [ProgrammesModule],
  controllers: [AssessmentsController],
  providers: [AssessmentsService, AssessmentReadsService, AssessmentQueries, AssessmentScopes, AssessmentPolicy],
  exports: [AssessmentPolicy, AssessmentScopes],
})
export class AssessmentsModule {}
