import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AssessmentsModule } from '../assessments/assessments.module';
import { AuthModule } from '../auth/auth.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { EventStream } from './event-stream';
import { Presence } from './presence';
import { RealtimeGateway } from './realtime.gateway';
import { RoomAccess } from './room-access';
import { Subscriptions } from './subscriptions';

@Module({
  imports: [AuthModule, ProgrammesModule, AssessmentsModule, JwtModule.register({})],
  providers: [RealtimeGateway, EventStream, Subscriptions, Presence, RoomAccess],
  exports: [EventStream],
})
export class RealtimeModule {}
