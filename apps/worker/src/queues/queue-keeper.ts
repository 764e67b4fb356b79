import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
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

  constructor(@Inject(workerConfig.KEY) private readonly config: WorkerConfig) {}

  /** Runs `run` now (failing the start if it fails) and then every interval (logging failures); logs `queue`'s connection errors. */
  async keep(name: string, queue: Queue, run: () => Promise<unknown>): Promise<void> {
    logConnectionErrors(queue);
    await run();
    this.tasks.push({ name, run });
    if (!this.timer) {
      this.timer = setInterval(() => void this.runAll(), this.config.queueKeepIntervalMs);
      this.timer.unref();
    }
  }

  async runAll(): Promise<void> {
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
