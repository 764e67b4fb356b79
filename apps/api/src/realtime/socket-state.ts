import type { Socket } from 'socket.io';
import type { RealtimeEvent } from '@citymentor/contracts';
import type { Actor } from '../auth/actor';

/** Where a socket is in a room's event stream. While `replay` is set, live events wait there. */
export interface RoomCursor {
  lastSeq: bigint;
  replay: RealtimeEvent[] | null;
}

export interface PresenceUser {
  id: string;
  name: string;
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

export type RealtimeSocket = Socket<Record<string, never>, ServerToClient, never, SocketData>;

const states = new WeakMap<object, SocketState>();

/** The state of a socket of this instance; undefined before its handshake is authenticated. */
export const socketState = (socket: object): SocketState | undefined => states.get(socket);
export const setSocketState = (socket: object, state: SocketState) => void states.set(socket, state);

/** Server → client messages (contract.md, "Realtime"). */
export interface ServerToClient {
  event: (event: RealtimeEvent) => void;
  presence: (message: { room: string; users: PresenceUser[] }) => void;
  typing: (message: { room: string; user: PresenceUser; target: string | null }) => void;
  unsubscribed: (message: { room: string; reason: string }) => void;
  error: (message: { code: string; message: string }) => void;
}
