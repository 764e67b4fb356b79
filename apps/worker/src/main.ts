import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, preflight, stopWithSupervisor, tellSupervisorReady } from '@citymentor/runtime';
import { waitForSchema } from '@citymentor/persistence';
import { parseWorkerConfig } from './config/worker.config';
import { HOUSEKEEPING_QUEUE } from './housekeeping/housekeeping.jobs';
import { NOTIFICATIONS_QUEUE } from './notifications/notifications.jobs';
import { EXPORTS_QUEUE, REPORTS_QUEUE } from '@citymentor/contracts';
import { REMINDERS_QUEUE } from './reminders/reminders.jobs';
import { WorkerModule } from './worker.module';

const QUEUES = [HOUSEKEEPING_QUEUE, NOTIFICATIONS_QUEUE, REMINDERS_QUEUE, REPORTS_QUEUE, EXPORTS_QUEUE];

async function main() {
  const config = parseWorkerConfig(process.env);
  stopWithSupervisor();
  // The worker only uses the schema; whoever migrates (npm start, the api, compose's migrate service) may come later.
  await waitForSchema(config.databaseUrl, (line) => console.log(`citymentor worker: ${line}`));
  const problem = await preflight(config);
  if (problem) {
    console.error(`citymentor worker: ${problem}`);
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // On SIGTERM/SIGINT: processors stop taking jobs and finish the running ones (beforeApplicationShutdown),
  // then queues, Redis and the database close, and the process exits 0. A job cut short by a hard kill
  // is stalled, picked up again by another worker and retried.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  console.log(`citymentor worker: ready (queues: ${QUEUES.join(', ')})`);
  tellSupervisorReady('worker');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`citymentor worker: configuration: ${error.message}`);
  } else {
    console.error('citymentor worker: failed to start:', error instanceof Error ? error.stack : error);
  }
  process.exit(1);
});
