import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { IncomingMessage } from 'node:http';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import type { AppConfig } from '../config/app.config';
import { originAllowed } from '../http/origin';

/** Largest message a socket may send, in bytes; larger ones close that socket's connection. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/**
 * socket.io with the Redis adapter, so rooms, presence and typing span every API instance, and
 * with the origin allowlist from configuration plus the request's own origin (a page of another site is refused).
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
    // Adapter commands wait for Redis to come back rather than fail.
    this.pub = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    this.sub = this.pub.duplicate();
    for (const client of [this.pub, this.sub]) client.on('error', () => undefined);
    // The Redis adapter subscribes when it is created, publishes, and unsubscribes when it closes, all
    // without waiting for the answer: a command still queued when the connection closes (shutdown while
    // Redis is unreachable) would reject with no one to hear it. Events do not go this way (they come
    // from the log; ioredis subscribes again by itself on reconnect); presence and typing are best
    // effort: let such a command fail quietly.
    quietly(this.pub, 'publish');
    for (const method of ['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe'] as const) quietly(this.sub, method);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = new Set(this.config.corsOrigins);
    const server = super.createIOServer(port, {
      ...options,
      cors: { origin: [...origins], credentials: true },
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
      // Browsers send Origin; a page of another site may not open a socket with a user's token.
      allowRequest: (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
        const allowed = originAllowed(req, origins, this.config.trustProxy);
        callback(allowed ? null : 'origin not allowed', allowed);
      },
    }) as Server;
    server.adapter(createAdapter(this.pub, this.sub, { key: `${this.config.redisPrefix}:socket.io` }));
    return server;
  }

  /**
   * The gateway's handlers as plain listeners. Nest's own binding builds an RxJS pipeline per
   * handler on every socket (fromEvent → mergeMap → takeUntil(disconnect)), ≈ 15 KiB a socket that
   * 1 000 idle sockets keep; a listener dies with its socket anyway.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ) {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args) as {
          data: unknown;
          ack?: (response: unknown) => void;
        };
        transform(callback(data, ack)).subscribe({
          next: (response) => {
            if (response === null || response === undefined) return;
            const event = response as { event?: string; data?: unknown };
            if (event.event) socket.emit(event.event, event.data);
            else if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          // Exceptions are turned into an `exception` message by Nest's filter inside `callback`.
          error: () => undefined,
        });
      });
    }
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    // Let the adapter unsubscribe before its connections go.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.allSettled(
      [this.pub, this.sub].map((c) => (c.status === 'ready' ? c.quit() : Promise.resolve(c.disconnect()))),
    );
  }
}

/** Makes `client[method]` resolve to undefined instead of rejecting. */
function quietly(client: Redis, method: 'publish' | 'subscribe' | 'psubscribe' | 'unsubscribe' | 'punsubscribe') {
  const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
  Object.assign(client, { [method]: (...args: unknown[]) => original(...args).catch(() => undefined) });
}
