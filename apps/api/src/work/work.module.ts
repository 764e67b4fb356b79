import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { PairsModule } from '../pairs/pairs.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { WorkController } from './work.controller';
import { WorkQueries } from './work.queries';
import { WorkService } from './work.service';

/** "My work": the personal queue of the first page after sign-in, a lean read over every role one holds. */
@Module({
  imports: [ProgrammesModule, PairsModule, AssessmentsModule],
  controllers: [WorkController],
  providers: [WorkService, WorkQueries],
})
export class WorkModule {}
