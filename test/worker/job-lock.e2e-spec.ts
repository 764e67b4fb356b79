import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { bullConnection } from '@citymentor/runtime';
import type { WorkerConfig } from '../../apps/worker/src/config/worker.config';
import { startWorker } from '../../apps/worker/src/queues/start-worker';
import { REDIS_URL } from '../support/test-servers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * startWorker applies WORKER_JOB_LOCK_MS through BullMQ's private `Worker.createLockManager` (the lock manager
 * copies its settings when the Worker is made, from @nestjs/bullmq's static @Processor options). If a BullMQ
 * upgrade renames or changes it, the lock would be renewed on BullMQ's default schedule (every 7.5 s) while
 * it expires after the configured 1 s: the running job is found stalled and run a second time. This test
 * sees exactly that; it is why bullmq is pinned to one version.
 */
describe('the configured job lock (startWorker, BullMQ createLockManager)', () => {
  const prefix = `test-job-lock-${randomUUID()}`;
  const name = 'job-lock';
  const connection = bullConnection(REDIS_URL);
  let queue: Queue;
  let worker: Worker;

  afterAll(async () => {
    await worker?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
  });

  it('keeps renewing the lock of a job that runs longer than it: run once, never stalled', async () => {
    queue = new Queue(name, { connection, prefix });
    let runs = 0;
    worker = new Worker(
      name,
      async () => {
        runs += 1;
        await sleep(3500);
        return 'done';
      },
      { connection, prefix, autorun: false },
    );
    const stalled: string[] = [];
    worker.on('stalled', (jobId) => stalled.push(jobId));

    startWorker(worker, { concurrency: 1, jobLockMs: 1000 } as WorkerConfig);
    const job = await queue.add('long', { v: 1 }, { attempts: 1 });

    // The lock is the configured one (1 s), not BullMQ's default 30 s.
    const client = new Redis(REDIS_URL);
    const lockKey = `${prefix}:${name}:${job.id}:lock`;
    let ttl = -2;
    for (let i = 0; i < 100 && ttl < 0; i++) {
      ttl = await client.pttl(lockKey);
      if (ttl < 0) await sleep(20);
    }
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000);
    client.disconnect();

    let state = await job.getState();
    for (let i = 0; i < 150 && state !== 'completed' && state !== 'failed'; i++) {
      await sleep(100);
      state = await job.getState();
    }
    expect(state).toBe('completed');
    expect(stalled).toEqual([]);
    expect(runs).toBe(1);
  }, 30_000);
});
