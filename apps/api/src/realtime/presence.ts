import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { PresenceUser } from '@citymentor/contracts';
import type { RealtimeNamespace } from './socket-state';

/** Joins and leaves of one room within this long are announced once, after it. */
export const PRESENCE_BATCH_MS = 100;
/** A look-up across instances waits up to 5 s for the others; a slow instance gets this many chances. */
const PRESENCE_ATTEMPTS = 4;
/**
 * A room's presence is announced once more this long after its last change. Two instances that
 * looked each other up at the same moment each missed the other's newest join, and whichever of
 * their two broadcasts arrived last stayed on the screens; a second look-up after things settle sees both.
 */
export const PRESENCE_SETTLE_MS = 1000;

/**
 * Who is in a room, across every API instance (through the Redis adapter); several tabs of one
 * person count once. Announcements are batched per room: a burst of joins (a class of 500 opening
 * the plan, a reconnect storm) costs one look-up and one broadcast, not one per socket.
 */
@Injectable()
export class Presence implements OnModuleDestroy {
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  private readonly settling = new Map<string, NodeJS.Timeout>();
  /** Who this instance last announced in a room, until its settling look-up: that one is sent only if it differs. */
  private readonly lastSent = new Map<string, string>();
  private stopped = false;

  /**
   * Never throws: presence is best effort (Redis may be away, another instance slow to answer, the
   * server shutting down); a failed announcement is tried again a second later, up to
   * PRESENCE_ATTEMPTS times, so what every instance shows converges.
   */
  announce(namespace: RealtimeNamespace, room: string, attempt = 1) {
    if (this.stopped || this.scheduled.has(room)) return;
    const timer = setTimeout(() => {
      this.scheduled.delete(room);
      this.broadcast(namespace, room).then(
        () => this.settleLater(namespace, room),
        () => {
          if (attempt < PRESENCE_ATTEMPTS) setTimeout(() => this.announce(namespace, room, attempt + 1), 1000).unref();
        },
      );
    }, PRESENCE_BATCH_MS);
    timer.unref();
    this.scheduled.set(room, timer);
  }

  /** Before the sockets and Redis close: nothing more is announced. */
  onModuleDestroy() {
    this.stopped = true;
    for (const timer of [...this.scheduled.values(), ...this.settling.values()]) clearTimeout(timer);
    this.scheduled.clear();
    this.settling.clear();
    this.lastSent.clear();
  }

  /**
   * The announcement once more, PRESENCE_SETTLE_MS after the room's last one (a later change moves it
   * on). A settling look-up that fails (another instance too slow to answer, on a loaded machine) is
   * tried again, up to PRESENCE_ATTEMPTS times, and then announces whatever it finds.
   */
  private settleLater(namespace: RealtimeNamespace, room: string, attempt = 1) {
    if (this.stopped) return;
    clearTimeout(this.settling.get(room));
    const timer = setTimeout(() => {
      this.settling.delete(room);
      const sent = attempt === 1 ? this.lastSent.get(room) : undefined;
      this.lastSent.delete(room);
      if (this.stopped) return;
      this.broadcast(namespace, room, sent).catch(() => {
        if (attempt < PRESENCE_ATTEMPTS) this.settleLater(namespace, room, attempt + 1);
      });
    }, PRESENCE_SETTLE_MS);
    timer.unref();
    this.settling.set(room, timer);
  }

  /** Looks up who is in the room and tells it, unless that is `unlessSame` (the ids last announced). */
  private async broadcast(namespace: RealtimeNamespace, room: string, unlessSame?: string) {
    const sockets = await namespace.in(room).fetchSockets();
    const users = new Map<string, PresenceUser>();
    for (const s of sockets) {
      const user = s.data.user;
      if (user) users.set(user.id, user);
    }
    const sorted = [...users.values()].sort((a, b) => a.name.localeCompare(b.name));
    const ids = sorted.map((u) => u.id).join(',');
    if (ids === unlessSame) return;
    if (unlessSame === undefined) this.lastSent.set(room, ids);
    namespace.to(room).emit('presence', { room, users: sorted });
  }
}
