import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JOB_BOARD_PATH, WORKER_QUEUES } from '@citymentor/contracts';
import { bullConnection } from '@citymentor/runtime';
import { REFRESH_COOKIE } from '../auth/refresh-cookie';
import { TokensService } from '../auth/tokens.service';
import { appConfig, type AppConfig } from '../config/app.config';
import { JobBoardPolicy } from './job-board.policy';

/**
 * The worker's BullMQ queues on Bull Board, read-only, at JOB_BOARD_PATH: inside the refresh cookie's
 * path (/api/v1/auth), so a browser that navigates there sends its session (decision 0015). Every
 * request, the page's and its API's, is let through only for the admin's live session; anyone else gets
 * the ordinary 404. The queues are opened at the first request let through, on one Redis connection
 * (an instance whose board nobody opens holds none), with the worker's prefix.
 */
@Injectable()
export class JobBoard implements OnApplicationShutdown {
  private readonly logger = new Logger(JobBoard.name);
  private readonly server = new FastifyAdapter();
  private readonly board = createBullBoard({
    queues: [],
    serverAdapter: this.server,
    options: { uiConfig: { boardTitle: 'CityMentor jobs' } },
  });
  private opened: { connection: Redis; queues: Queue[] } | null = null;

  constructor(
    private readonly tokens: TokensService,
    private readonly policy: JobBoardPolicy,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  /** Registers the board's routes; before the app is ready (Fastify takes no routes after). */
  async mount(fastify: FastifyInstance): Promise<void> {
    await fastify.register(async (scope) => {
      scope.addHook('onRequest', async (request, reply) => this.gate(request, reply));
      await scope.register(this.server.registerPlugin(), { prefix: JOB_BOARD_PATH });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.opened) return;
    await Promise.all(this.opened.queues.map((q) => q.close().catch(() => undefined)));
    await this.opened.connection.quit().catch(() => this.opened?.connection.disconnect());
  }

  private async gate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const cookie = request.cookies?.[REFRESH_COOKIE];
    const holder = cookie ? await this.tokens.currentHolder(cookie) : null;
    if (!this.policy.mayOpen(request.method, holder)) {
      reply.callNotFound();
      return reply;
    }
    this.open();
    // The board's answers show what is in the queues now; its files set their own caching.
    void reply.header('cache-control', 'no-store');
    return undefined;
  }

  private open() {
    if (this.opened) return;
    const connection = new Redis(bullConnection(this.config.redisUrl));
    connection.on('error', (error) => this.logger.warn(`job board Redis connection: ${error.message}`));
    const prefix = `${this.config.redisPrefix}:bull`;
    const queues = WORKER_QUEUES.map((name) => new Queue(name, { connection, prefix }));
    this.board.setQueues(queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })));
    this.opened = { connection, queues };
  }
}
