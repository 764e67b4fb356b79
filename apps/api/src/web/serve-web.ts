import { stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Paths that belong to the server, never to the web client: they keep Nest's JSON 404. */
const SERVER_PATH = /^\/(?:api|health|socket\.io)(?:\/|$)/;
/** A last segment with a dot asks for a file (`/assets/x.js`, `/favicon.ico`); a missing file is a 404, not the app. */
const FILE_PATH = /\/[^/]*\.[^/]*$/;

/**
 * Serves the built web client (apps/web/dist) from the API's Fastify instance:
 * the files themselves at `/`, and index.html for every other GET path without a file extension
 * outside /api, /health and /socket.io, so that history routes (`/programmes/…`, the e-mailed
 * `/invitations/<token>`) load the app. Everything else falls through to Nest's not-found handler,
 * which answers in the contract's error shape.
 *
 * Call it after `NestFactory.create` and before `app.init()` / `listen()` (Fastify takes no routes
 * once it is ready). Returns false, registering nothing, when `distDir/index.html` does not exist.
 */
export async function serveWebClient(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  const root = resolve(distDir);
  const indexFile = join(root, 'index.html');
  if (!(await isFile(indexFile))) return false;

  const assets = join(root, 'assets') + sep;
  const fastify = app.getHttpAdapter().getInstance();

  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false, // one route per built file, found at start; unknown paths reach the fallback below
    index: false, // '/' is answered below, as every page's path is (with preCompressed, static's own index answers 404 when no .br/.gz of it exists)
    // The build writes .br and .gz beside each text file (apps/web/vite.config.ts): sent as the browser accepts.
    preCompressed: true,
    // Vite names files under assets/ by content hash: cache them for good; revalidate everything else.
    setHeaders(reply: FastifyReply, path: string) {
      void reply.header('cache-control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?', 1)[0];
    if (SERVER_PATH.test(path) || FILE_PATH.test(path)) return reply.callNotFound();
    return reply.sendFile('index.html', root);
  });
  return true;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Where the built client lives: `apps/web/dist`, found by walking up from this file (sources, dist/ or an image). */
export function webClientDirectory(from = __dirname): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}
