/**
 * The AsyncAPI 3.0 document of the realtime namespace, built from the protocol in libs/contracts (realtime.ts):
 * the message and event names come from its typed-event maps, every payload schema is derived from its TypeScript
 * type (type-schemas.ts). The words live here, in maps typed by the same contracts: a message, an event or an error
 * code added to the protocol without its description here does not compile. `npm run asyncapi` writes
 * docs/asyncapi.json; asyncapi.spec.ts fails when the committed one no longer matches.
 */
import { join } from 'node:path';
import {
  HANDSHAKE_REFUSALS,
  REALTIME_NAMESPACE,
  ROOM_KINDS,
  SOCKET_ERROR_CODES,
  type AckedMessage,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketErrorCode,
} from '@citymentor/contracts';
import {
  MAX_MESSAGE_CHARS,
  MAX_ROOMS_PER_SOCKET,
  MESSAGE_BURST,
  MESSAGES_PER_SECOND,
  TYPING_INTERVAL_MS,
} from '../socket-limits';
import { deriveSchemas, literalsOf, propertyNames } from './type-schemas';

/** The contracts' entry point the schemas are read from. */
export const CONTRACTS_ENTRY = join(__dirname, '../../../../../libs/contracts/src/index.ts');

interface MessageDoc {
  title: string;
  summary: string;
  description?: string;
  /** The payload's type, when the map's own parameter type is wider than what is sent. */
  payload?: string;
}

const CLIENT_MESSAGES = {
  subscribe: {
    title: 'Subscribe to a room',
    summary: 'Follow a room: its events from now on, or, with `sinceSeq`, the ones after it first.',
    description:
      'Allowed when the same policy as the REST routes lets the user read the resource the room is named after ' +
      '(`user:` only for your own id). The acknowledgement says where the socket now is in the room’s stream; ' +
      `a refusal says why. At most ${MAX_ROOMS_PER_SOCKET} rooms per connection. After the first subscription, ` +
      'read the resource over REST once: what happened before it is not replayed.',
  },
  unsubscribe: {
    title: 'Unsubscribe from a room',
    summary: 'Stop following a room.',
  },
  typing: {
    title: 'Typing',
    summary: 'Tell the others in a room that you are typing (not stored, not acknowledged).',
    description: `Passed on at most once per room every ${TYPING_INTERVAL_MS} ms per socket; the rest are dropped.`,
  },
} satisfies Record<keyof ClientToServerEvents, MessageDoc>;

const ACKS = {
  subscribe: { title: 'Subscription answer', summary: 'Subscribed (`seq`: where the stream now is), or why not.' },
  unsubscribe: { title: 'Unsubscription answer', summary: 'Left the room (`seq`: the log’s head), or why not.' },
} satisfies Record<AckedMessage, MessageDoc>;

const SERVER_EVENTS = {
  event: {
    title: 'Event',
    summary: 'A change in a followed room, from the event log.',
    description:
      'Each event of a room reaches a socket once and in `seq` order, replayed ones first (after a `subscribe` ' +
      'with `sinceSeq`), then live ones. `type` says what `payload` holds.',
    payload: 'C.AnyRealtimeEvent',
  },
  presence: {
    title: 'Presence',
    summary: 'Who has the room open now, after people join or leave it.',
  },
  typing: {
    title: 'Someone is typing',
    summary: 'Another person in the room is typing.',
  },
  unsubscribed: {
    title: 'Unsubscribed by the server',
    summary: 'The server left a room for this socket: its user may no longer read it (membership removed).',
  },
  error: {
    title: 'Error',
    summary: 'Something about this socket went wrong; `code` says what.',
  },
} satisfies Record<keyof ServerToClientEvents, MessageDoc>;

const ERROR_CODES = {
  TOKEN_EXPIRED: 'The access token expired: the server closes the socket. Reconnect with a fresh token.',
  SESSION_ENDED: 'The session was signed out or ended: the server closes the socket.',
  MESSAGE_TOO_LARGE: `A message larger than ${MAX_MESSAGE_CHARS} characters (as JSON) was dropped.`,
  RATE_LIMITED: `More than ${MESSAGES_PER_SECOND} messages a second (bursts of ${MESSAGE_BURST}): some were dropped.`,
} satisfies Record<SocketErrorCode, string>;

const HANDSHAKE_REFUSAL_DOCS = {
  noToken: 'no `auth.token` was sent',
  expired: 'the access token has expired (refresh it, then connect again)',
  invalid: 'the token is not a valid access token',
  sessionEnded: 'the session was signed out or ended',
} satisfies Record<keyof typeof HANDSHAKE_REFUSALS, string>;

const SCHEMAS = '#/components/schemas/';
const CHANNEL = 'realtime';
const clientKey = (name: string) => `client.${name}`;
const ackKey = (name: string) => `client.${name}.ack`;
const serverKey = (name: string) => `server.${name}`;

/** The AsyncAPI 3.0 document of `/realtime`. */
export function buildAsyncApiDocument(entry = CONTRACTS_ENTRY): Record<string, unknown> {
  // The names as the types have them: the maps above must match (the `satisfies` makes that a compile error).
  const names = propertyNames(entry, { client: 'C.ClientToServerEvents', server: 'C.ServerToClientEvents' });
  const clientNames = names.client as (keyof ClientToServerEvents)[];
  const serverNames = names.server as (keyof ServerToClientEvents)[];
  const acked = new Set(literalsOf(entry, 'C.AckedMessage'));
  const ackedNames = clientNames.filter((n): n is AckedMessage => acked.has(n));

  const payload = (map: string, name: string, doc: MessageDoc) =>
    doc.payload ?? `Parameters<C.${map}[${JSON.stringify(name)}]>[0]`;
  const expressions: Record<string, string> = {
    HandshakeAuth: 'C.HandshakeAuth',
    ...Object.fromEntries(
      clientNames.map((n) => [clientKey(n), payload('ClientToServerEvents', n, CLIENT_MESSAGES[n])]),
    ),
    ...Object.fromEntries(ackedNames.map((n) => [ackKey(n), `C.AckOf<${JSON.stringify(n)}>`])),
    ...Object.fromEntries(serverNames.map((n) => [serverKey(n), payload('ServerToClientEvents', n, SERVER_EVENTS[n])])),
  };
  const { types, components } = deriveSchemas(entry, expressions, SCHEMAS);

  const message = (name: string, key: string, doc: MessageDoc) => ({
    name,
    title: doc.title,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    payload: types[key],
  });
  const messages: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const channelRef = { $ref: `#/channels/${CHANNEL}` };
  const messageRef = (key: string) => ({ $ref: `#/channels/${CHANNEL}/messages/${key}` });

  for (const name of clientNames) {
    const doc: MessageDoc = CLIENT_MESSAGES[name];
    messages[clientKey(name)] = message(name, clientKey(name), doc);
    const isAcked = acked.has(name);
    if (isAcked) messages[ackKey(name)] = message(name, ackKey(name), ACKS[name as AckedMessage]);
    operations[clientKey(name)] = {
      action: 'receive',
      channel: channelRef,
      title: doc.title,
      summary: doc.summary,
      messages: [messageRef(clientKey(name))],
      ...(isAcked ? { reply: { channel: channelRef, messages: [messageRef(ackKey(name))] } } : {}),
    };
  }
  for (const name of serverNames) {
    const doc: MessageDoc = SERVER_EVENTS[name];
    messages[serverKey(name)] = message(name, serverKey(name), {
      ...doc,
      description: name === 'error' ? errorCodesText() : doc.description,
    });
    operations[serverKey(name)] = {
      action: 'send',
      channel: channelRef,
      title: doc.title,
      summary: doc.summary,
      messages: [messageRef(serverKey(name))],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'CityMentor realtime',
      version: '1',
      description:
        'The socket.io 4 namespace `' +
        REALTIME_NAMESPACE +
        '` of the CityMentor API: follow rooms, get their events from the event log (each once, in order, ' +
        'replayed after a reconnect), see who is in a room and who is typing. Each message is a socket.io event: ' +
        'its `name` is the event name, its payload the event’s one argument; an operation with a reply is ' +
        'acknowledged (socket.io’s ack callback). Generated from libs/contracts (realtime.ts) by `npm run asyncapi`.',
    },
    defaultContentType: 'application/json',
    servers: {
      api: {
        host: '{host}',
        protocol: 'wss',
        pathname: '/socket.io',
        description:
          'The API’s own origin (`PUBLIC_URL`); socket.io over WebSocket, or HTTP long-polling. A browser page ' +
          'of an origin not in `CORS_ORIGINS` is refused.',
        variables: { host: { default: 'localhost:3000', description: 'Host and port of the API.' } },
        security: [{ $ref: '#/components/securitySchemes/accessToken' }],
      },
    },
    channels: {
      [CHANNEL]: {
        address: REALTIME_NAMESPACE,
        title: 'The realtime namespace',
        description: channelText(),
        servers: [{ $ref: '#/servers/api' }],
        messages: Object.fromEntries(
          Object.keys(messages).map((key) => [key, { $ref: `#/components/messages/${key}` }]),
        ),
      },
    },
    operations,
    components: {
      messages,
      schemas: components,
      securitySchemes: {
        accessToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The access token (as from `POST /api/v1/auth/login`), sent in socket.io’s handshake: ' +
            '`io("/realtime", { auth: { token } })` (schema HandshakeAuth), not in a header.',
        },
      },
    },
  };
}

function channelText(): string {
  const refusals = (Object.keys(HANDSHAKE_REFUSALS) as (keyof typeof HANDSHAKE_REFUSALS)[])
    .map((k) => `- \`${HANDSHAKE_REFUSALS[k]}\`: ${HANDSHAKE_REFUSAL_DOCS[k]}`)
    .join('\n');
  return [
    'Connect with `auth: { token: <access token> }`. A refused handshake arrives as socket.io’s `connect_error`, ' +
      'whose message is one of:',
    refusals,
    '',
    `Rooms: ${ROOM_KINDS.map((k) => `\`${k}:<id>\``).join(', ')}. ` +
      'A change inside a plan is announced in `plan:` and `pair:`, programme-level changes in `programme:`, ' +
      'assessment changes in `assessment:` (and the pairs on that benchmark), a person’s own notices in `user:`.',
  ].join('\n');
}

function errorCodesText(): string {
  return ['The codes:', ...SOCKET_ERROR_CODES.map((code) => `- \`${code}\`: ${ERROR_CODES[code]}`)].join('\n');
}
