import { Inject, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { startWorker } from './start-worker';

/**
 * What every processor shares: started once the configuration is known (`startWorker`), stopped
 * before the database and Redis close (it stops taking jobs and waits for the running ones), and
 * job data checked for its version. Subclasses only read the job and call their service.
 */
export abstract class QueueProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  @Inject(workerConfig.KEY) private readonly workerSettings!: WorkerConfig;

  onApplicationBootstrap() {
    startWorker(this.worker, this.workerSettings);
  }

  async beforeApplicationShutdown() {
    await this.worker.close();
  }

  /** Job data of a version this code does not know is never retried. */
  protected assertVersion1(data: { v: unknown }) {
    if (data.v !== 1) throw new UnrecoverableError(`${this.worker.name}: unknown job data version ${String(data.v)}`);
  }

  /** For the `default` of an exhaustive switch over the job kinds. */
  protected unknownKind(kind: never): never {
    throw new UnrecoverableError(`${this.worker.name}: unknown job kind "${String(kind)}"`);
  }
}
