import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client, type Notification, type QueryConfig, type QueryResult, type QueryResultRow } from 'pg';
import type { EventType, RealtimeEvent } from '@citymentor/contracts';
import { ACCESS_CHANGED_CHANNEL } from '../auth/access-changed';
import { appConfig, type AppConfig } from '../config/app.config';

interface EventRow {
  seq: string;
  room: string;
  type: EventType;
  payload: RealtimeEvent['payload'];
  actor_id: string | null;
  at: Date;
}

export const toRealtimeEvent = (r: EventRow): RealtimeEvent => ({
  seq: r.seq,
  room: r.room,
  type: r.type,
  payload: r.payload,
  actor: r.actor_id,
  at: r.at.toISOString(),
});

const SELECT_EVENTS = 'select seq::text as seq, room, type, payload, actor_id, at from events';
const BATCH = 1000;
// Named, so this connection plans them once: the tail runs after every commit.
const TAIL = `${SELECT_EVENTS} where seq > $1 order by events.seq limit ${BATCH}`;
const REPLAY = `${SELECT_EVENTS} where room = $1 and seq > $2 order by events.seq limit $3`;

/**
 * Tails the event log: every API instance reads the committed events in `seq` order and hands
 * them to its own sockets. Postgres NOTIFY (a trigger on insert) wakes it at once; a poll every
 * second catches up whatever a lost notification or connection would miss. The log is the
 * source, so a crash between a commit and its broadcast loses nothing.
 */
@Injectable()
export class EventStream implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventStream');
  private client: Client | null = null;
  private head = 0n;
  private draining: Promise<void> | null = null;
  private again = false;
  private poll?: NodeJS.Timeout;
  private stopped = false;
  private readonly listeners: ((event: RealtimeEvent) => void)[] = [];
  private readonly accessListeners: ((userId: string | null) => void)[] = [];
  private listening = false;
  private turn: Promise<unknown> = Promise.resolve();
  /** Tests switch NOTIFY off to show the poll alone still delivers. */
  notificationsEnabled = true;

  constructor(@Inject(appConfig.KEY) private readonly config: AppConfig) {}

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

  /** Starts after every module is initialised, so the database is migrated. */
  async onApplicationBootstrap() {
    await this.connect();
    const [row] = (await this.query<{ seq: string }>({ text: 'select coalesce(max(seq), 0)::text as seq from events' }))
      .rows;
    this.head = BigInt(row.seq);
    this.poll = setInterval(() => void this.drain(), 1000);
    this.poll.unref();
  }

  /** The events of one room after `sinceSeq`, in order (replay). */
  async since(room: string, sinceSeq: bigint, limit = 5000): Promise<RealtimeEvent[]> {
    const { rows } = await this.query<EventRow>({
      name: 'events-of-room',
      text: REPLAY,
      values: [room, sinceSeq.toString(), limit],
    });
    return rows.map(toRealtimeEvent);
  }

  /** Reads and delivers everything committed after the head; calls made meanwhile run once more after. */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.again = false;
          const { rows } = await this.query<EventRow>({
            name: 'events-after',
            text: TAIL,
            values: [this.head.toString()],
          });
          for (const row of rows) {
            this.head = BigInt(row.seq);
            const event = toRealtimeEvent(row);
            for (const listener of this.listeners) listener(event);
          }
          if (rows.length === BATCH) this.again = true;
        } while (this.again && !this.stopped);
      } catch (error) {
        this.logger.warn(`reading the event log failed, retrying: ${(error as Error).message}`);
        this.client?.end().catch(() => undefined);
        this.client = null;
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  async onApplicationShutdown() {
    this.stopped = true;
    clearInterval(this.poll);
    await this.client?.end().catch(() => undefined);
  }

  /** One statement at a time on this connection: replays and the tail take turns (pg would queue them too, with a deprecation warning). */
  private query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    const result = this.turn.then(async () => (await this.ready()).query<R>(config));
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async ready(): Promise<Client> {
    if (!this.client) await this.connect();
    return this.client!;
  }

  private async connect() {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('error', (error) => {
      this.logger.warn(`event log connection lost: ${error.message}`);
      if (this.client === client) this.client = null;
    });
    client.on('notification', (message: Notification) => {
      if (message.channel === ACCESS_CHANGED_CHANNEL && message.payload)
        for (const listener of this.accessListeners) listener(message.payload);
      else if (this.notificationsEnabled) void this.drain();
    });
    await client.connect();
    await client.query('listen citymentor_events');
    await client.query(`listen ${ACCESS_CHANGED_CHANNEL}`);
    this.client = client;
    if (this.listening) for (const listener of this.accessListeners) listener(null);
    this.listening = true;
  }
}
