import { Logger } from '@nestjs/common';
import type { Queue, Worker } from 'bullmq';
import type { WorkerConfig } from '../config/worker.config';

const logger = new Logger('Queues');

/**
 * Logs a queue's or worker's connection errors as one warning line each (at most one per 5 s):
 * without a listener, BullMQ prints every failed reconnect to stderr while Redis is away.
 */
export function logConnectionErrors(emitter: Queue | Worker) {
  let last = 0;
  (emitter as NodeJS.EventEmitter).on('error', (error: Error) => {
    if (Date.now() - last < 5000) return;
    last = Date.now();
    logger.warn(`${emitter.name}: ${error.message}`);
  });
}

/**
 * Processors are declared with `autorun: false` and started here once the configuration is known:
 * concurrency, and the job lock (renewed at half its length) that decides how soon a job of a
 * worker that died is found stalled and run again by another.
 */
export function startWorker(worker: Worker, config: WorkerConfig) {
  logConnectionErrors(worker);
  worker.concurrency = config.concurrency;
  // A job whose worker died is run again (our jobs are idempotent); a job that kills its worker again and again fails after 3.
  Object.assign(worker.opts, {
    lockDuration: config.jobLockMs,
    lockRenewTime: config.jobLockMs / 2,
    stalledInterval: config.jobLockMs,
    maxStalledCount: 3,
  });
  // BullMQ's lock manager copies the lock settings when the Worker is made, and @nestjs/bullmq makes it from the
  // static @Processor options: make the lock manager again with ours (before run()). `createLockManager` is
  // private to BullMQ, so bullmq is pinned exactly and test/worker/job-lock.e2e-spec.ts fails if this stops working.
  const internals = worker as unknown as { createLockManager?: () => void };
  if (typeof internals.createLockManager !== 'function')
    throw new Error(
      'bullmq Worker.createLockManager is gone: the configured job lock cannot be applied (apps/worker/src/queues/start-worker.ts)',
    );
  internals.createLockManager();
  void worker.run().catch(() => undefined);
}

/** The day (UTC) a scheduled job was due: a retry the next morning still works for the day it was meant for. */
export const scheduledDay = (job: { timestamp: number; delay?: number }) =>
  new Date(job.timestamp + (job.delay ?? 0)).toISOString().slice(0, 10);
