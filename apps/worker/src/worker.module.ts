import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { BullModule } from '@nestjs/bullmq';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { LoggerModule } from 'nestjs-pino';
import { ormOptions } from '@citymentor/persistence';
import { bullConnection, terminalLogging } from '@citymentor/runtime';
import { workerConfig, type WorkerConfig } from './config/worker.config';
import { ExportsModule } from './exports/exports.module';
import { HousekeepingModule } from './housekeeping/housekeeping.module';
import { NotificationsModule } from './notifications/notifications.module';
import { QueueKeeperModule } from './queues/queue-keeper';
import { RemindersModule } from './reminders/reminders.module';
import { ReportsModule } from './reports/reports.module';

/** The worker: no HTTP, one BullMQ processor per queue module. The api migrates the database; the worker only uses it. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: [workerConfig] }),
    LoggerModule.forRootAsync({
      inject: [workerConfig.KEY],
      useFactory: (config: WorkerConfig) => {
        // JSON lines (or readable ones, LOG_FORMAT=pretty); `service` tells worker lines from api lines in a shared stream.
        const options = { level: config.logLevel, base: { service: 'worker', pid: process.pid } };
        const terminal = terminalLogging(config.logFormat);
        return { pinoHttp: terminal ? [{ ...options, hooks: terminal.options.hooks }, terminal.stream] : options };
      },
    }),
    MikroOrmModule.forRootAsync({
      inject: [workerConfig.KEY],
      driver: PostgreSqlDriver,
      useFactory: (config: WorkerConfig) => ({
        // One connection per concurrently running job is enough; jobs do not hold two at once.
        ...ormOptions({
          databaseUrl: config.databaseUrl,
          poolSize: Math.max(2, config.concurrency),
          pooler: config.databasePooler,
        }),
        // No HTTP requests here: every job works in its own `em.fork()`.
        registerRequestContext: false,
      }),
    }),
    BullModule.forRootAsync({
      inject: [workerConfig.KEY],
      useFactory: (config: WorkerConfig) => ({
        connection: bullConnection(config.redisUrl),
        prefix: `${config.redisPrefix}:bull`,
      }),
    }),
    QueueKeeperModule,
    HousekeepingModule,
    NotificationsModule,
    RemindersModule,
    ReportsModule,
    ExportsModule,
  ],
})
export class WorkerModule {}
