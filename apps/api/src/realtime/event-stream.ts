import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { RealtimeEvent } from '@citymentor/contracts';
import { LogTail } from '@citymentor/persistence';
import { ACCESS_CHANGED_CHANNEL } from '../auth/auth.queries';
import { appConfig, type AppConfig } from '../config/app.config';
import { BATCH, eventsAfter, eventsOfRoom, logEnd, type EventRow } from './realtime.queries';

export const toRealtimeEvent = (r: EventRow): RealtimeEvent => ({
  seq: r.seq,
  room: r.room,
  type: r.type,
  payload: r.payload,
  actor: r.actor_id,
  at: r.at.toISOString(),
});

/**
 * Tails the event log (libs/persistence's LogTail): every API instance reads the committed events in `seq`
 * order and hands them to its own sockets. Postgres NOTIFY (a trigger on insert) wakes it at once; a poll
 * every second catches up whatever a lost notification or connection would miss. The log is the source, so
 * a crash between a commit and its broadcast loses nothing. The LISTEN connection also hears access
 * changes, and serves the replays.
 */
@Injectable()
export class EventStream implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventStream');
  private head = 0n;
  private readonly listeners: ((event: RealtimeEvent) => void)[] = [];
  private readonly accessListeners: ((userId: string | null) => void)[] = [];
  private readonly tail: LogTail;
  /** Tests switch NOTIFY off to show the poll alone still delivers. */
  notificationsEnabled = true;

  constructor(@Inject(appConfig.KEY) config: AppConfig) {
    this.tail = new LogTail({
      // A session of its own, straight to Postgres (LISTEN does not survive a transaction pooler).
      connectionString: config.databaseDirectUrl,
      channels: [ACCESS_CHANGED_CHANNEL],
      pollMs: 1000,
      pass: () => this.deliverBatch(),
      onNotification: (message) => {
        if (message.channel !== ACCESS_CHANGED_CHANNEL || !message.payload) return this.notificationsEnabled;
        for (const listener of this.accessListeners) listener(message.payload);
        return false;
      },
      onReconnected: () => {
        for (const listener of this.accessListeners) listener(null);
      },
      onConnectionLost: (error) => this.logger.warn(`event log connection lost: ${error.message}`),
      onPassFailed: (error) => {
        this.logger.warn(`reading the event log failed, retrying: ${(error as Error).message}`);
        this.tail.dropConnection();
      },
    });
  }

  /** The seq of the last event handed out; a subscriber without `sinceSeq` starts after it. */
  get position(): bigint {
    return this.head;
  }

  /** Called with every committed event, in seq order. */
  onEvent(listener: (event: RealtimeEvent) => void) {
    this.listeners.push(listener);
  }

  /**
   * Called with a user id when that user's access changed (membership removed, signed out), and
   * with null after the LISTEN connection was lost and made again: changes announced meanwhile
   * were missed, so anyone's may have changed.
   */
  onAccessChanged(listener: (userId: string | null) => void) {
    this.accessListeners.push(listener);
  }

  /** Starts after every module is initialised, so the database is migrated; delivery starts after the current end. */
  async onApplicationBootstrap() {
    await this.tail.start(async () => {
      this.head = await logEnd(this.tail);
    });
  }

  /** The events of one room after `sinceSeq`, in order (replay). */
  async since(room: string, sinceSeq: bigint, limit = 5000): Promise<RealtimeEvent[]> {
    return (await eventsOfRoom(this.tail, room, sinceSeq, limit)).map(toRealtimeEvent);
  }

  /** Reads and delivers everything committed after the head; calls made meanwhile run once more after. */
  drain(): Promise<void> {
    return this.tail.wake();
  }

  async onApplicationShutdown() {
    await this.tail.stop();
  }

  /** One batch after the head, handed to the listeners; true when the batch was full (more may follow). */
  private async deliverBatch(): Promise<boolean> {
    const rows = await eventsAfter(this.tail, this.head);
    for (const row of rows) {
      this.head = BigInt(row.seq);
      const event = toRealtimeEvent(row);
      for (const listener of this.listeners) listener(event);
    }
    return rows.length === BATCH;
  }
}
