/**
 * The realtime socket protocol: socket.io namespace `/realtime` (decision 0006). The gateway's `Server`/`Socket`
 * and the web client's socket are typed from the two maps below; docs/asyncapi.json is generated from them
 * (`npm run asyncapi`), and a test fails when the committed document no longer matches.
 *
 * Handshake: `io('/realtime', { auth: { token: <access token> } })`. A refusal arrives as `connect_error` whose
 * message is one of HANDSHAKE_REFUSALS. Past the handshake the client subscribes to rooms and gets their events.
 */
import type { EventType, RealtimeEvent } from './events';

/** The socket.io namespace. */
export const REALTIME_NAMESPACE = '/realtime';

/** What the client sends as socket.io's handshake `auth`. */
export interface HandshakeAuth {
  /** The access token (as for `Authorization: Bearer`). */
  token: string;
}

/** Why a handshake was refused: the message of the client's `connect_error`. All start with `unauthorized:`. */
export const HANDSHAKE_REFUSALS = {
  noToken: 'unauthorized: send auth: {token: <access token>}',
  expired: 'unauthorized: the access token has expired',
  invalid: 'unauthorized: invalid access token',
  sessionEnded: 'unauthorized: this session has ended',
} as const;
export type HandshakeRefusal = (typeof HANDSHAKE_REFUSALS)[keyof typeof HANDSHAKE_REFUSALS];

/** A refusal of the handshake that a fresh access token may cure (as opposed to a transport error). */
export const isHandshakeRefusal = (message: string): boolean => message.startsWith('unauthorized:');

/** The kinds of room: `programme:<id>`, `pair:<id>`, `plan:<id>`, `assessment:<id>` and `user:<your own id>`. */
export const ROOM_KINDS = ['programme', 'pair', 'plan', 'assessment', 'user'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** A room's name: its kind, a colon and the resource's id (a lowercase UUID). */
export const ROOM_PATTERN =
  '^(programme|pair|plan|assessment|user):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** Someone with a room open (several tabs of one person count once). */
export interface PresenceUser {
  /** The user's id. */
  id: string;
  /** The user's display name. */
  name: string;
}

// ---- client → server ----

/** Start following a room (or follow it again after a reconnect, with `sinceSeq`). */
export interface SubscribeRequest {
  /**
   * The room to follow: `programme:<id>`, `pair:<id>`, `plan:<id>`, `assessment:<id>` or `user:<your own id>`.
   * @pattern ^(programme|pair|plan|assessment|user):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$
   */
  room: string;
  /**
   * The last `seq` of this room the client has: the room's events after it are replayed, in order, before the
   * live ones. Omitted or null: live events only (read the resource over REST after the acknowledgement).
   * A string of decimal digits or a non-negative integer, at most 2^63 − 1.
   */
  sinceSeq?: string | number | null;
}

/** Stop following a room. */
export interface UnsubscribeRequest {
  /** A room this socket follows. */
  room: string;
}

/** "I am typing": not stored; at most one per room every 500 ms per socket is passed on, the rest dropped. */
export interface TypingRequest {
  /** A room this socket follows; in any other it is dropped. */
  room: string;
  /**
   * What is being typed into (a comment box's id); longer than 100 characters counts as none.
   * @maxLength 100
   */
  target?: string | null;
}

/**
 * The acknowledgement of `subscribe` and `unsubscribe`. `seq`: where the socket now is in the room's stream
 * (the last event replayed, or the log's head); a refusal's `error` says why in words.
 */
export type SubscriptionAck = { ok: true; seq: string } | { ok: false; error: string };

// ---- server → client ----

/** Who has the room open now, announced after joins and leaves (batched, so a burst costs one). */
export interface PresenceMessage {
  room: string;
  /** Everyone in the room, the recipient included, sorted by name. */
  users: PresenceUser[];
}

/** Someone else in the room is typing. Lasts until the client stops showing it (a few seconds). */
export interface TypingNotice {
  room: string;
  user: PresenceUser;
  /** What they type into (a comment box's id), if they said. */
  target: string | null;
}

/** The server left a room for the socket: its user may no longer read it. */
export interface UnsubscribedMessage {
  room: string;
  /** Why, in words (`access revoked`). */
  reason: string;
}

/** Codes of the socket's `error` event. */
export const SOCKET_ERROR_CODES = ['TOKEN_EXPIRED', 'SESSION_ENDED', 'MESSAGE_TOO_LARGE', 'RATE_LIMITED'] as const;
export type SocketErrorCode = (typeof SOCKET_ERROR_CODES)[number];

/**
 * The socket's `error` event. TOKEN_EXPIRED and SESSION_ENDED are followed by the server closing the socket
 * (reconnect with a fresh token); MESSAGE_TOO_LARGE and RATE_LIMITED mean a message was dropped.
 */
export interface SocketError {
  code: SocketErrorCode;
  /** For people: what happened. */
  message: string;
}

/** What a client may send, with the acknowledgement it gets (socket.io's typed events: the client's emit map). */
export interface ClientToServerEvents {
  subscribe: (message: SubscribeRequest, ack: (answer: SubscriptionAck) => void) => void;
  unsubscribe: (message: UnsubscribeRequest, ack: (answer: SubscriptionAck) => void) => void;
  typing: (message: TypingRequest) => void;
}

/** A realtime event as the union of its types: `type` tells the payload (what `event` carries, documented so). */
export type AnyRealtimeEvent = { [T in EventType]: RealtimeEvent<T> }[EventType];

/** What the server sends (socket.io's typed events: the server's emit map). */
export interface ServerToClientEvents {
  /** An event of a followed room, each once and in `seq` order per room. */
  event: (event: RealtimeEvent) => void;
  presence: (message: PresenceMessage) => void;
  typing: (message: TypingNotice) => void;
  unsubscribed: (message: UnsubscribedMessage) => void;
  error: (error: SocketError) => void;
}

/** The client messages that are acknowledged. */
export type AckedMessage = {
  [K in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[K]> extends [unknown, unknown] ? K : never;
}[keyof ClientToServerEvents];

/** The acknowledgement of a client message. */
export type AckOf<K extends AckedMessage> = Parameters<Parameters<ClientToServerEvents[K]>[1]>[0];
