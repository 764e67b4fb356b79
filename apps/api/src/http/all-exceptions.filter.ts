import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { NotModified } from './not-modified';
import { retryAfterSeconds } from './retry-after';
import { toErrorBody } from './error-mapping';

/**
 * The one exception filter: every HTTP error leaves in the contract's shape, without stack traces. A
 * `NotModified` (from the ETag guard) is no error: it leaves as 304 with no body, the headers set so far kept.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof NotModified) return void reply.status(304).send();
    const { body, internal } = toErrorBody(exception);
    if (internal && process.env.DEBUG_ERRORS) console.error(exception);
    if (internal)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const retryAfter = retryAfterSeconds(exception, reply.getHeaders());
    if (retryAfter !== undefined) void reply.header('Retry-After', retryAfter);
    void reply.status(body.statusCode).send(body);
  }
}
