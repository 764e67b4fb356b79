import { Module } from '@nestjs/common';
import { ConsortiumMilestonesService } from './consortium-milestones.service';
import { ProgrammeLifecycleService } from './programme-lifecycle.service';
import { ProgrammePolicy } from './programme.policy';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

@Module({
  controllers: [ProgrammesController],
  providers: [ProgrammesService, ProgrammeLifecycleService, ConsortiumMilestonesService, ProgrammePolicy],
  exports: [ProgrammePolicy],
})
export class ProgrammesModule {}
