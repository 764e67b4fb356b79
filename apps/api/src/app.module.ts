import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { ActivityFeedModule } from './activity/activity-feed.module';
import { ActionPlansModule } from './action-plans/action-plans.module';
import { EventsModule } from './events/events.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BenchmarksModule } from './benchmarks/benchmarks.module';
import { CommentsModule } from './comments/comments.module';
import { appConfig, type AppConfig } from './config/app.config';
import { DashboardModule } from './dashboard/dashboard.module';
import { DataExportsModule } from './exports/data-exports.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { loggerOptions } from './http/logging';
import { JobBoardModule } from './job-board/job-board.module';
import { InvitationsModule } from './invitations/invitations.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PairsModule } from './pairs/pairs.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RedisModule } from './redis/redis.module';
import { ReportsModule } from './reports/reports.module';
import { UsersModule } from './users/users.module';
import { WorkModule } from './work/work.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: [appConfig], ignoreEnvFile: true }),
    LoggerModule.forRootAsync({ inject: [appConfig.KEY], useFactory: (config: AppConfig) => loggerOptions(config) }),
    RedisModule,
    DatabaseModule,
    EventsModule,
    AuditModule,
    AuthModule,
    UsersModule,
    OrganisationsModule,
    ProgrammesModule,
    InvitationsModule,
    PairsModule,
    AssessmentsModule,
    ActionPlansModule,
    BenchmarksModule,
    CommentsModule,
    ActivityFeedModule,
    DashboardModule,
    HealthModule,
    RealtimeModule,
    NotificationsModule,
    ReportsModule,
    DataExportsModule,
    WorkModule,
    JobBoardModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    // On the POST routes only (idempotency/intercept-posts.ts, from createApp).
    IdempotencyInterceptor,
  ],
})
export class AppModule {}
