import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { EventStream } from './event-stream';

/** The response header that says where the event log stood when a read began. */
export const EVENT_SEQ_HEADER = 'x-event-seq';

/**
 * Every GET answer says where the event log stood before it was read (`X-Event-Seq`, this instance's
 * stream position, at or behind the log's end). A client that subscribes to the resource's room with that
 * `sinceSeq` gets replayed whatever changed since, and so need not read the resource again after its
 * subscription is confirmed. Left out while the stream has not started.
 */
@Injectable()
export class EventSeqInterceptor implements NestInterceptor {
  constructor(private readonly stream: EventStream) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const position = this.stream.position;
    if (http.getRequest<FastifyRequest>().method === 'GET' && position > 0n)
      void http.getResponse<FastifyReply>().header(EVENT_SEQ_HEADER, position.toString());
    return next.handle();
  }
}
