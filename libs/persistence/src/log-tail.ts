import { Client, type Notification, type QueryConfig, type QueryResult, type QueryResultRow } from 'pg';

/** The channel the `events` insert trigger NOTIFYs at commit (migration: the statement trigger on `events`). */
export const EVENTS_CHANNEL = 'citymentor_events';

/** What the tail needs of a connection (a `pg` Client; the unit tests pass a stand-in). */
export interface TailConnection {
  connect(): Promise<unknown>;
  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'notification', listener: (message: Notification) => void): unknown;
}

export interface LogTailOptions {
  connectionString: string;
  /** Channels to LISTEN on besides EVENTS_CHANNEL (a notification on them goes to `onNotification`). */
  channels?: readonly string[];
  /** The safety net: a pass every `pollMs` catches up what a lost notification or connection missed. */
  pollMs: number;
  /**
   * One pass over the log after the reader's own cursor (the API: its head; the worker: its cursor row).
   * Resolves true when it stopped at its batch size, so there may be more: the tail goes round again at once.
   */
  pass: () => Promise<boolean>;
  /** Every notification; return false when it must not wake the tail (handled, or wake-ups switched off). */
  onNotification?: (message: Notification) => boolean;
  /** The LISTEN connection was made again after it was lost: whatever was NOTIFYed meanwhile was missed. */
  onReconnected?: () => void;
  onConnectionLost?: (error: Error) => void;
  /** A pass threw; the tail tries again at the next wake-up or poll. */
  onPassFailed?: (error: unknown) => void;
  /** Makes the LISTEN connection (default a `pg` Client). */
  connect?: (connectionString: string) => TailConnection;
}

/**
 * Tails the event log: LISTEN wakes it at every commit, a poll every `pollMs` is the safety net, and each
 * wake-up runs `pass` until the log is drained (by seq; a wake-up during a pass makes it go round once more,
 * never twice at once). The LISTEN connection, when lost, is made again at the next poll (or the next
 * `query`). Used by the API's realtime delivery (EventStream) and the worker's notifications (NotificationFeed).
 */
export class LogTail {
  private client: TailConnection | null = null;
  private connecting: Promise<TailConnection> | null = null;
  private connectedOnce = false;
  private started = false;
  private stopped = false;
  private running: Promise<void> | null = null;
  private again = false;
  private poll?: NodeJS.Timeout;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: LogTailOptions) {}

  /**
   * Connects and LISTENs (throws when Postgres does not answer), runs `prepare` (which may `query`; wake-ups
   * before it finished are covered by the pass that follows it), then starts the poll and drains once.
   */
  async start(prepare?: () => Promise<void>): Promise<void> {
    await this.connection();
    await prepare?.();
    this.started = true;
    this.poll = setInterval(() => this.tick(), this.options.pollMs);
    this.poll.unref();
    void this.wake();
  }

  /** Runs passes until drained; a call while one runs makes it go round once more. Never rejects. */
  wake(): Promise<void> {
    if (!this.started || this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          if (await this.options.pass()) this.again = true;
        } while (this.again && !this.stopped);
      } catch (error) {
        this.options.onPassFailed?.(error);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** One statement at a time on the LISTEN connection (pg would queue them too, with a deprecation warning). */
  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    const result = this.turn.then(async () => (await this.connection()).query<R>(config));
    this.turn = result.catch(() => undefined);
    return result;
  }

  /** Ends the connection (a failed read may have left it broken); the next poll or query makes a new one. */
  dropConnection(): void {
    void this.client?.end().catch(() => undefined);
    this.client = null;
  }

  /** Stops the poll and wake-ups, lets the pass in hand finish, and closes the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    await this.running;
    await this.connecting?.catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private tick(): void {
    if (!this.client) this.connection().catch(() => undefined);
    void this.wake();
  }

  private connection(): Promise<TailConnection> {
    if (this.stopped) return Promise.reject(new Error('the event log tail is stopped'));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<TailConnection> {
    const client: TailConnection = this.options.connect
      ? this.options.connect(this.options.connectionString)
      : new Client({ connectionString: this.options.connectionString });
    client.on('error', (error) => {
      if (this.client === client) this.client = null;
      this.options.onConnectionLost?.(error);
    });
    client.on('notification', (message) => {
      if (this.options.onNotification?.(message) ?? true) void this.wake();
    });
    try {
      await client.connect();
      for (const channel of [EVENTS_CHANNEL, ...(this.options.channels ?? [])])
        await client.query({ text: `listen ${channel}` });
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    if (this.connectedOnce) this.options.onReconnected?.();
    this.connectedOnce = true;
    return client;
  }
}
