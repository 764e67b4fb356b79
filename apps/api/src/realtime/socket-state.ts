import type { Namespace, Socket } from 'socket.io';
import type { ClientToServerEvents, PresenceUser, RealtimeEvent, ServerToClientEvents } from '@citymentor/contracts';
import type { Actor } from '../auth/actor';

/** Where a socket is in a room's event stream. While `replay` is set, live events wait there. */
export interface RoomCursor {
  lastSeq: bigint;
  replay: RealtimeEvent[] | null;
}

/**
 * socket.data: what other instances see of a socket (the Redis adapter sends it as JSON when they
 * ask who is in a room), so only the presence user — plain, small data.
 */
export interface SocketData {
  user: PresenceUser;
}

/** What this instance keeps per socket, beside it rather than in socket.data (timers and maps do not serialise). */
export interface SocketState {
  actor: Actor;
  cursors: Map<string, RoomCursor>;
  allowance: { tokens: number; at: number };
  typingAt: Map<string, number>;
  expiry?: NodeJS.Timeout;
}

/** The instances exchange nothing of their own: the Redis adapter carries rooms, presence and typing. */
type InterServerEvents = Record<string, never>;

/** The `/realtime` namespace and its sockets, typed by the protocol in libs/contracts (realtime.ts). */
export type RealtimeNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

const states = new WeakMap<object, SocketState>();

/** The state of a socket of this instance; undefined before its handshake is authenticated. */
export const socketState = (socket: object): SocketState | undefined => states.get(socket);
export const setSocketState = (socket: object, state: SocketState) => void states.set(socket, state);
