import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { JobBoard } from './job-board';
import { JobBoardPolicy } from './job-board.policy';

@Module({
  imports: [AuthModule],
  providers: [JobBoard, JobBoardPolicy],
  exports: [JobBoard],
})
export class JobBoardModule {}
