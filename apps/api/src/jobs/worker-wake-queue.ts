import type { Logger } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { bullConnection } from '@citymentor/runtime';

/** How long a request waits for Redis to take the job that wakes a worker. */
const ENQUEUE_WAIT_MS = 2000;

/**
 * A BullMQ queue the api only adds jobs to, to wake a worker for a row it has just written (a report, a
 * data export): the row is the request, the job only says "now". So `wake` never rejects and waits at
 * most two seconds; a job Redis did not take is queued again by the worker's keeper, which gives every
 * unfinished row without a job its job. The queue is opened on first use (an instance that never queues
 * holds no connection), with the worker's prefix (`<REDIS_PREFIX>:bull`) so both meet on it.
 */
export class WorkerWakeQueue<T> {
  private queue: Queue<T> | null = null;

  constructor(
    private readonly name: string,
    private readonly redis: { redisUrl: string; redisPrefix: string },
    private readonly logger: Logger,
  ) {}

  /** True when Redis took the job in time; false is logged, and the worker will queue the row itself. */
  async wake(job: { name: string; data: T; opts?: JobsOptions }, about: Record<string, string>): Promise<boolean> {
    // Typed loosely: BullMQ types a job's name by the queue's data type.
    const added = (this.open() as Queue).add(job.name, job.data, job.opts).then(
      () => true,
      () => false,
    );
    const inTime = await Promise.race([
      added,
      new Promise<false>((r) => setTimeout(r, ENQUEUE_WAIT_MS, false).unref()),
    ]);
    if (!inTime) this.logger.warn(about, `the ${this.name} queue did not take the job; the worker will queue it`);
    return inTime;
  }

  async close(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
  }

  private open(): Queue<T> {
    if (!this.queue) {
      this.queue = new Queue<T>(this.name, {
        connection: bullConnection(this.redis.redisUrl),
        prefix: `${this.redis.redisPrefix}:bull`,
      });
      this.queue.on('error', (error) => this.logger.warn({ err: error }, `${this.name} queue connection`));
    }
    return this.queue;
  }
}
