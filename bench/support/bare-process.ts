import type { FastifyInstance } from 'fastify';

/**
 * A bare baseline's process: listens on 127.0.0.1:$PORT (the harness gives a free one and waits for
 * /health), says so on stdout, and on SIGTERM/SIGINT runs `close` and exits.
 */
export function serveBare(label: string, app: FastifyInstance, close: () => Promise<unknown>) {
  const shutdown = async () => {
    await close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  app
    .listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' })
    .then(() => console.log(`${label} listening on 127.0.0.1:${(app.server.address() as { port: number }).port}`))
    .catch((error: Error) => {
      console.error(`${label} failed: ${error.stack}`);
      process.exit(1);
    });
}
