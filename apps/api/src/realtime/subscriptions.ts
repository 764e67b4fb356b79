import { Injectable } from '@nestjs/common';
import type { RealtimeEvent } from '@citymentor/contracts';
import { EventStream } from './event-stream';
import { socketState, type RealtimeNamespace, type RealtimeSocket, type RoomCursor } from './socket-state';

/**
 * Which sockets are in which rooms, and where each is in each room's stream. Every socket gets a
 * room's events once and in order: replayed ones first, then the live ones that arrived meanwhile.
 */
@Injectable()
export class Subscriptions {
  private namespace?: RealtimeNamespace;

  constructor(private readonly stream: EventStream) {}

  attach(namespace: RealtimeNamespace) {
    this.namespace = namespace;
  }

  /**
   * Hands a committed event to this instance's sockets in its room: one broadcast (encoded once)
   * to every socket that is live and behind it; sockets still replaying queue it instead.
   */
  deliver(event: RealtimeEvent) {
    const namespace = this.namespace;
    const ids = namespace?.adapter.rooms.get(event.room);
    if (!namespace || !ids) return;
    const seq = BigInt(event.seq);
    const skip: string[] = [];
    for (const id of ids) {
      const socket = namespace.sockets.get(id);
      const cursor = socket && socketState(socket)?.cursors.get(event.room);
      if (!cursor || cursor.replay || seq <= cursor.lastSeq) {
        cursor?.replay?.push(event);
        skip.push(id);
      } else {
        cursor.lastSeq = seq;
      }
    }
    if (skip.length < ids.size) namespace.local.to(event.room).except(skip).emit('event', event);
  }

  /** Joins the room; with `sinceSeq`, first replays the room's events after it. Returns the seq reached. */
  async join(socket: RealtimeSocket, room: string, sinceSeq: bigint | null): Promise<bigint> {
    const cursor: RoomCursor = { lastSeq: sinceSeq ?? this.stream.position, replay: sinceSeq === null ? null : [] };
    socketState(socket)!.cursors.set(room, cursor);
    await socket.join(room);
    if (sinceSeq === null) return cursor.lastSeq;
    try {
      for (
        let batch = await this.stream.since(room, sinceSeq);
        batch.length > 0;
        batch = await this.stream.since(room, cursor.lastSeq)
      ) {
        for (const event of batch) send(socket, cursor, BigInt(event.seq), event);
      }
    } finally {
      const waiting = cursor.replay ?? [];
      cursor.replay = null;
      for (const event of waiting) send(socket, cursor, BigInt(event.seq), event);
    }
    return cursor.lastSeq;
  }

  async leave(socket: RealtimeSocket, room: string) {
    socketState(socket)?.cursors.delete(room);
    await socket.leave(room);
  }
}

/** Emits an event the socket has not had yet in that room. */
function send(socket: RealtimeSocket, cursor: RoomCursor, seq: bigint, event: RealtimeEvent) {
  if (seq <= cursor.lastSeq) return;
  cursor.lastSeq = seq;
  socket.emit('event', event);
}
