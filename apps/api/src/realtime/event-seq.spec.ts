import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_SEQ_HEADER, eventSeqHeader } from './event-seq';

describe('X-Event-Seq', () => {
  /** Runs the hook for `method` with the stream at `position`; the headers set, as the hook returned. */
  function headersAfterHook(method: string, stream: { position: bigint }) {
    const headers: Record<string, string> = {};
    const reply = { header: (name: string, value: string) => ((headers[name] = value), reply) };
    let done = false;
    eventSeqHeader(stream)({ method } as FastifyRequest, reply as unknown as FastifyReply, () => (done = true));
    expect(done).toBe(true);
    return headers;
  }

  it('is the position when the request came in, not when its answer leaves', () => {
    const stream = { position: 42n };
    const headers = headersAfterHook('GET', stream);
    stream.position = 43n; // an event delivered while the read runs
    expect(headers).toEqual({ [EVENT_SEQ_HEADER]: '42' });
  });

  it('is left out on writes and while the stream has not started', () => {
    expect(headersAfterHook('POST', { position: 42n })).toEqual({});
    expect(headersAfterHook('GET', { position: 0n })).toEqual({});
  });
});
