import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { AuthModule } from '../auth/auth.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { EventStream } from './event-stream';
import { Presence } from './presence';
import { RealtimeGateway } from './realtime.gateway';
import { RoomAccess } from './room-access';
import { Subscriptions } from './subscriptions';

@Module({
  imports: [AuthModule, ProgrammesModule, AssessmentsModule],
  providers: [RealtimeGateway, EventStream, Subscriptions, Presence, RoomAccess],
  exports: [EventStream],
})
export class RealtimeModule {}
