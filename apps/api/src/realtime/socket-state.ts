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

/** What the server keeps per socket (socket.data). `user` is what other instances see for presence. */
export interface SocketData {
  actor: Actor;
  user: PresenceUser;
  cursors: Map<string, RoomCursor>;
  tokenExpiresAt: number;
  allowance: { tokens: number; at: number };
  typingAt: Map<string, number>;
  expiry?: NodeJS.Timeout;
}

export type RealtimeSocket = Socket<Record<string, never>, ServerToClient, never, SocketData>;

/** Server → client messages (contract.md, "Realtime"). */
export interface ServerToClient {
  event: (event: RealtimeEvent) => void;
  presence: (message: { room: string; users: PresenceUser[] }) => void;
  typing: (message: { room: string; user: PresenceUser; target: string | null }) => void;
  unsubscribed: (message: { room: string; reason: string }) => void;
  error: (message: { code: string; message: string }) => void;
}
