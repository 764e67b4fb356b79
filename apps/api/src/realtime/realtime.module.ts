import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AssessmentsModule } from '../assessments/assessments.module';
import { AuthModule } from '../auth/auth.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { EventStream } from './event-stream';
import { EventSeqInterceptor } from './event-seq.interceptor';
import { Presence } from './presence';
import { RealtimeGateway } from './realtime.gateway';
import { RoomAccess } from './room-access';
import { Subscriptions } from './subscriptions';

@Module({
  imports: [AuthModule, ProgrammesModule, AssessmentsModule],
  providers: [
    RealtimeGateway,
    EventStream,
    Subscriptions,
    Presence,
    RoomAccess,
    { provide: APP_INTERCEPTOR, useClass: EventSeqInterceptor },
  ],
  exports: [EventStream],
})
export class RealtimeModule {}
