import { RequestMethod, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import cookie from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { parseConfig, type AppConfig } from './config/app.config';
import { clientErrorHandler } from './http/client-errors';
import { toErrorBody } from './http/error-mapping';
import { interceptPosts } from './idempotency/intercept-posts';
import { useJsonBodies } from './http/json-body';
import { requestIdOf } from './http/logging';
import { headersBeforeRouting, precomputedSecurityHeaders, setSecurityHeaders } from './http/security-headers';
import { createValidationPipe } from './http/validation';
import { JobBoard } from './job-board/job-board';
import { setUpOpenApi } from './openapi/openapi';
import { eventSeqHeader } from './realtime/event-seq';
import { EventStream } from './realtime/event-stream';
import { RealtimeIoAdapter } from './realtime/realtime-io.adapter';
import { serveWebClient, webClientDirectory } from './web/serve-web';

export const API_PREFIX = 'api/v1';

/** Everything lives under /api/v1 except the health check, which also answers at /health. */
export function setGlobalPrefix(app: INestApplication) {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'api/v1/health', method: RequestMethod.GET },
    ],
  });
}

/** Builds the API application: Fastify, /api/v1, validation, one error shape, OpenAPI, security headers. */
export async function createApp(options: { logs?: boolean } = {}): Promise<NestFastifyApplication> {
  const config: AppConfig = parseConfig(process.env);
  const beforeRouting = headersBeforeRouting(config);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req: import('node:http').IncomingMessage) => requestIdOf(req),
    // Requests carry query strings such as `?cursor=`; keep parsing strict and bounded.
    routerOptions: { maxParamLength: 200 },
    // A URL the router cannot decode (`/pairs/%zz`) or a parameter over the length limit: the contract's error shape too.
    // It is answered before routing, so before the security headers' hook: it sets the headers that matter for a JSON error itself.
    frameworkErrors: (error: Error, _request: unknown, reply: FastifyReply) => {
      const { body } = toErrorBody(error);
      void reply.code(body.statusCode).headers(beforeRouting).send(body);
    },
    clientErrorHandler: clientErrorHandler(beforeRouting),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
    abortOnError: false,
    logger: options.logs === false ? false : undefined,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  setGlobalPrefix(app);
  interceptPosts(app);
  useJsonBodies(app, config.bodyLimitBytes);
  app.useGlobalPipes(createValidationPipe());
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, config));
  app.enableCors({ origin: config.corsOrigins, credentials: true });
  // Parses Cookie headers and sets cookies: only the refresh cookie of the auth routes (auth/refresh-cookie.ts).
  await app.register(cookie);
  app
    .getHttpAdapter()
    .getInstance()
    // After CORS's hook (loaded by the await above): a preflight it answers gets the deny-all set below instead.
    // (Not `await fastify.after()` to come before the cookie hook: the routes then kept Fastify's error handler.)
    .addHook('onRequest', setSecurityHeaders(precomputedSecurityHeaders(config)))
    .addHook('onRequest', eventSeqHeader(app.get(EventStream)))
    .addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
      // An answer that never reached the security headers' hook (a CORS preflight, answered by an earlier hook) gets the deny-all set.
      if (!reply.hasHeader('content-security-policy')) reply.headers(beforeRouting);
    });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  setUpOpenApi(app);
  await app.get(JobBoard).mount(app.getHttpAdapter().getInstance());
  const web = config.webDist ?? webClientDirectory();
  if (web) await serveWebClient(app, web);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
