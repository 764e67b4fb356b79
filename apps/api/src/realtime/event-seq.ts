import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventStream } from './event-stream';

/** The response header that says where the event log stood when a read began. */
export const EVENT_SEQ_HEADER = 'x-event-seq';

/**
 * Every GET answer says where the event log stood before it was read (`X-Event-Seq`, this instance's
 * stream position, at or behind the log's end). A client that subscribes to the resource's room with that
 * `sinceSeq` gets replayed whatever changed since, and so need not read the resource again after its
 * subscription is confirmed. Left out while the stream has not started.
 *
 * A Fastify onRequest hook, so the position is taken before anything is read; as a Nest interceptor it
 * put every read through Nest's rxjs interceptor pipeline, which a route without interceptors skips.
 */
export function eventSeqHeader(stream: Pick<EventStream, 'position'>) {
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const position = stream.position;
    if (request.method === 'GET' && position > 0n) void reply.header(EVENT_SEQ_HEADER, position.toString());
    done();
  };
}
