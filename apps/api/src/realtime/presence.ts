import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { PresenceUser, SocketData } from './socket-state';

/** Who is in a room, across every API instance (through the Redis adapter); several tabs of one person count once. */
@Injectable()
export class Presence {
  /** Never throws: presence is best effort (Redis may be away, or the server shutting down). */
  async announce(namespace: Namespace, room: string) {
    try {
      await this.broadcast(namespace, room);
    } catch {
      // The next join or leave announces again.
    }
  }

  private async broadcast(namespace: Namespace, room: string) {
    const sockets = await namespace.in(room).fetchSockets();
    const users = new Map<string, PresenceUser>();
    for (const s of sockets) {
      const user = (s.data as SocketData).user;
      if (user) users.set(user.id, user);
    }
    namespace.to(room).emit('presence', { room, users: [...users.values()].sort((a, b) => a.name.localeCompare(b.name)) });
  }
}
