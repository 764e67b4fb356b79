import fc from 'fast-check';
import { text, wrongValue } from './fuzz-values';

/** One message a client sends on /realtime: an event name, its arguments, whether it asks for an ack. */
export interface SocketMessage {
  /** Which of the fuzzing sockets sends it. */
  socket: number;
  event: string;
  args: unknown[];
  ack: boolean;
}

/** Events the server handles, one it only sends, and names nobody handles. socket.io reserves a few (connect, disconnect…), which a client cannot send. */
const EVENTS = ['subscribe', 'unsubscribe', 'typing', 'presence'];
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

const room = (rooms: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...rooms) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom('programme', 'pair', 'plan', 'assessment', 'user', 'admin', ''),
          fc.oneof(fc.uuid(), text()),
        )
        .map(([k, id]) => `${k}:${id}`),
    },
    { weight: 2, arbitrary: wrongValue() },
  );

const sinceSeq = () =>
  fc.oneof(
    fc.constantFrom(
      '0',
      '1',
      '00',
      '',
      '-1',
      '1.5',
      '9223372036854775807',
      '9223372036854775808',
      '9999999999999999999',
      '18446744073709551616',
      2 ** 53,
      -1,
      1.5,
      Number.MAX_SAFE_INTEGER,
    ),
    fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
    wrongValue(),
  );

/** The payload of a message: mostly shaped like the protocol's, with wrong, binary, deep or oversized parts. */
const payload = (rooms: string[]) =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record(
        { room: room(rooms), sinceSeq: sinceSeq(), target: fc.oneof(text(), wrongValue()) },
        { requiredKeys: [] },
      ),
    },
    { weight: 3, arbitrary: wrongValue() },
    { weight: 1, arbitrary: fc.constant(Buffer.from([0, 1, 2, 255])) },
    { weight: 1, arbitrary: fc.constant(JSON.parse('{"a":'.repeat(500) + '1' + '}'.repeat(500))) },
    { weight: 1, arbitrary: fc.constantFrom({ room: 'x'.repeat(10_000) }, { target: 'y'.repeat(70_000) }) },
  );

export function socketMessage(rooms: string[], sockets: number): fc.Arbitrary<SocketMessage> {
  return fc.record({
    socket: fc.nat(sockets - 1),
    event: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...EVENTS) },
      { weight: 1, arbitrary: text().filter((e) => !RESERVED.has(e)) },
    ),
    args: fc.oneof(
      { weight: 8, arbitrary: payload(rooms).map((p): unknown[] => [p]) },
      { weight: 1, arbitrary: fc.constant<unknown[]>([]) },
      { weight: 1, arbitrary: fc.array<unknown>(payload(rooms), { maxLength: 3 }) },
    ),
    ack: fc.boolean(),
  });
}
