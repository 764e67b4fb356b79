import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue, RepeatOptions } from 'bullmq';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { logConnectionErrors } from './start-worker';

/**
 * What must hold in Redis for the jobs to run — the daily schedules, a job for every report still
 * queued — kept true, not just set once: each task runs at start and again every
 * `QUEUE_KEEP_INTERVAL_MS`. Redis restarted without persistence, or a job lost between a commit and
 * its enqueue, is then repaired within one interval. Each task must be idempotent (upserts, job ids).
 */
@Injectable()
export class QueueKeeper implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueKeeper.name);
  private readonly tasks: { name: string; run: () => Promise<unknown> }[] = [];
  private timer?: NodeJS.Timeout;
  /** The pass under way: while Redis is away its commands wait, and passes must not pile up behind them. */
  private running?: Promise<void>;

  constructor(@Inject(workerConfig.KEY) private readonly config: WorkerConfig) {}

  /** Runs `run` now (failing the start if it fails) and then every interval (logging failures); logs `queue`'s connection errors. */
  async keep(name: string, queue: Queue, run: () => Promise<unknown>): Promise<void> {
    logConnectionErrors(queue);
    await run();
    this.tasks.push({ name, run });
    if (!this.timer) {
      this.timer = setInterval(() => {
        this.running ??= this.runAll().finally(() => (this.running = undefined));
      }, this.config.queueKeepIntervalMs);
      this.timer.unref();
    }
  }

  /**
   * Keeps a daily (or any repeating) job scheduled: upserts scheduler `id` now and every interval.
   * Idempotent: every worker process upserts the same id, so there is one schedule however many run.
   */
  async keepSchedule<Q extends Queue>(
    queue: Q,
    id: string,
    schedule: RepeatOptions,
    template: Parameters<Q['upsertJobScheduler']>[2],
    what: string,
  ): Promise<void> {
    await this.keep(`schedule of ${what}`, queue, () => queue.upsertJobScheduler(id, schedule, template));
    this.logger.log({ scheduler: id, ...schedule }, `scheduled ${what}`);
  }

  private async runAll(): Promise<void> {
    for (const task of this.tasks) {
      await task.run().catch((error: Error) => this.logger.warn(`${task.name}: ${error.message}`));
    }
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }
}

@Global()
@Module({ providers: [QueueKeeper], exports: [QueueKeeper] })
export class QueueKeeperModule {}
