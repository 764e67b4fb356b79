/**
 * The one owner of the realtime socket (socket.io namespace `/realtime`, contract.md "Realtime").
 *
 * - Rooms are reference counted: components `join` a room and get a `leave` back; the socket subscribes
 *   once per room, whoever asks.
 * - Per room it keeps the last `seq` handled. Events at or below it are duplicates and are dropped.
 * - After a reconnect every room is subscribed again with `sinceSeq`, so the server replays what was
 *   missed, in order, before the live events.
 * - The first subscription of a room cannot know what happened between the page's REST load and the
 *   subscription: it calls the room's `resync` listeners so the page reloads once. Unless `readSeq` tells
 *   where the event log stood when the page read (the reads' `X-Event-Seq`): then the room is subscribed
 *   with that `sinceSeq`, the server replays what the reads missed, and nothing is read twice.
 * - An expired access token (refused handshake, or the server closing the socket at expiry) is refreshed
 *   through the session, then the socket connects again.
 *
 * socket.io-client is loaded on first use, so it stays out of the first-load bundle.
 */
import {
  isHandshakeRefusal,
  REALTIME_NAMESPACE,
  type ClientToServerEvents,
  type EventType,
  type HandshakeAuth,
  type PresenceUser,
  type RealtimeEvent,
  type ServerToClientEvents,
} from '@citymentor/contracts';
// The ESM typings, as the dynamic import below loads them (the root tsconfig, which the tests use, would pick the CJS ones).
import type { Socket } from 'socket.io-client' with { 'resolution-mode': 'import' };
import { createStore, type Store } from '../store';

export type { EventType, PresenceUser, RealtimeEvent } from '@citymentor/contracts';

/** idle: not started (signed out); connecting: first attempt; connected; lost: was or could not get connected, retrying. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'lost';

export interface Typist {
  user: PresenceUser;
  /** What they type into (a comment box id), if they said. */
  target: string | null;
  until: number;
}

export interface RoomView {
  presence: PresenceUser[];
  typing: Typist[];
  /** The server refused the subscription (not visible to you), or revoked it. */
  refused: string | null;
}

type Listener = (event: RealtimeEvent) => void;

interface Room {
  refs: number;
  lastSeq: bigint | null;
  /** When it was first joined (epoch ms). */
  joinedAt: number;
  /** From `readSeq`: undefined until asked, null when the reads' position is unknown (resync instead). */
  readSeq?: string | null;
  askingReadSeq?: boolean;
  listeners: Set<Listener>;
  resync: Set<() => void>;
  view: Store<RoomView>;
  typingTimer?: ReturnType<typeof setTimeout>;
}

/** How long a "typing…" lasts without a new signal. */
export const TYPING_TTL_MS = 3000;
/** Typing signals sent per room and target at most this often. */
const TYPING_SEND_INTERVAL_MS = 1000;
const SUBSCRIBE_TIMEOUT_MS = 10_000;

/** The realtime socket, typed by the protocol in libs/contracts (realtime.ts). */
export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * What this module uses of the socket (a Pick, so structural: the client's CJS and ESM typings differ).
 * `active`: whether socket.io itself will (re)connect; false after a refusal by the server or disconnect().
 */
export type SocketLike = Pick<
  RealtimeSocket,
  'connected' | 'active' | 'on' | 'emit' | 'timeout' | 'connect' | 'disconnect' | 'removeAllListeners'
>;

export interface ConnectOptions {
  auth: (callback: (data: HandshakeAuth) => void) => void;
  transports: ('websocket' | 'polling')[];
  tryAllTransports: boolean;
  reconnectionDelay: number;
  reconnectionDelayMax: number;
  timeout: number;
}

/** Opens a socket to `url` (the `/realtime` namespace). */
export type Connect = (url: string, options: ConnectOptions) => SocketLike;

/** The real one: socket.io-client, loaded on first use. */
export async function loadSocketIo(): Promise<Connect> {
  const { io } = await import('socket.io-client');
  return (url, options): RealtimeSocket => io(url, options);
}

export interface RealtimeOptions {
  /** The current access token, or null when signed out. */
  token(): string | null;
  /** A fresh token after `failed` was refused, or null when the session is over. */
  refresh(failed: string): Promise<string | null>;
  /** Where the API lives; default: this page's origin. */
  url?: string;
  /** Loads the socket client (socket.io-client by default; tests may wrap it). */
  load?: () => Promise<Connect>;
  /**
   * Where the event log stood when the page read what a room joined at `joinedAt` shows (a decimal seq),
   * or null when that is not known: its first subscription then asks the page to read again (`resync`).
   */
  readSeq?: (joinedAt: number) => Promise<string | null>;
}

export class RealtimeConnection {
  readonly state: Store<ConnectionState> = createStore<ConnectionState>('idle');
  private readonly rooms = new Map<string, Room>();
  private socket: SocketLike | null = null;
  private starting: Promise<void> | null = null;
  private generation = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private retryDelay = 500;
  private readonly typingSentAt = new Map<string, number>();

  constructor(private readonly options: RealtimeOptions) {
    // In a browser (not in Node, where the tests also run it): the browser knows before the heartbeat
    // does that the network is gone. Drop the socket at once, come back as soon as the network does.
    const events = globalThis as { addEventListener?: (type: 'online' | 'offline', listener: () => void) => void };
    if (typeof events.addEventListener === 'function') {
      events.addEventListener('offline', () => {
        if (!this.socket) return;
        this.socket.disconnect();
        this.state.set('lost');
      });
      events.addEventListener('online', () => this.reconnectSoon(0));
    }
  }

  /** Follows a room until the returned function is called. */
  join(room: string, listener?: Listener, resync?: () => void): () => void {
    let r = this.rooms.get(room);
    if (!r) {
      r = {
        refs: 0,
        lastSeq: null,
        joinedAt: Date.now(),
        listeners: new Set(),
        resync: new Set(),
        view: createStore<RoomView>({ presence: [], typing: [], refused: null }),
      };
      this.rooms.set(room, r);
      if (this.socket?.connected) this.subscribe(room, r);
      else void this.start();
    }
    r.refs++;
    if (listener) r.listeners.add(listener);
    if (resync) r.resync.add(resync);
    const joined = r;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      if (listener) joined.listeners.delete(listener);
      if (resync) joined.resync.delete(resync);
      if (--joined.refs > 0) return;
      clearTimeout(joined.typingTimer);
      this.rooms.delete(room);
      // Nothing waits for the answer: the room is gone here whatever it says.
      if (this.socket?.connected) this.socket.emit('unsubscribe', { room }, () => undefined);
    };
  }

  /** Who is in the room, who types; follow it with `subscribe`. */
  view(room: string): Store<RoomView> | null {
    return this.rooms.get(room)?.view ?? null;
  }

  /** Tells the room you are typing into `target` (throttled). */
  typing(room: string, target: string | null) {
    if (!this.socket?.connected || !this.rooms.has(room)) return;
    const key = `${room}|${target ?? ''}`;
    const now = Date.now();
    if (now - (this.typingSentAt.get(key) ?? 0) < TYPING_SEND_INTERVAL_MS) return;
    this.typingSentAt.set(key, now);
    this.socket.emit('typing', { room, target });
  }

  /** Connects if a session exists and rooms are wanted. Safe to call often. */
  async start(): Promise<void> {
    if (this.socket || this.starting || !this.options.token()) return;
    const mine = this.generation;
    this.state.set('connecting');
    this.starting = (this.options.load ?? loadSocketIo)()
      .then((connect) => {
        if (mine !== this.generation) return;
        const socket = connect(`${this.options.url ?? ''}${REALTIME_NAMESPACE}`, {
          auth: (cb) => cb({ token: this.options.token() ?? '' }),
          transports: ['websocket', 'polling'],
          tryAllTransports: true,
          reconnectionDelay: 300,
          reconnectionDelayMax: 3000,
          timeout: 8000,
        });
        this.socket = socket;
        this.wire(socket);
      })
      .catch(() => {
        if (mine !== this.generation) return;
        this.state.set('lost');
        this.reconnectSoon();
      })
      .finally(() => {
        this.starting = null;
      });
    return this.starting;
  }

  /** Closes the socket and forgets every cursor (sign-out, another user). Rooms stay wanted. */
  stop() {
    this.generation++;
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.removeAllListeners();
    socket?.disconnect();
    for (const r of this.rooms.values()) {
      r.lastSeq = null;
      r.readSeq = undefined;
      r.view.set({ presence: [], typing: [], refused: null });
    }
    this.state.set('idle');
  }

  /** Starts again from scratch (a new user signed in). */
  restart() {
    this.stop();
    if (this.rooms.size > 0) void this.start();
  }

  private wire(socket: SocketLike) {
    socket.on('connect', () => {
      this.retryDelay = 500;
      this.state.set('connected');
      for (const [room, r] of this.rooms) this.subscribe(room, r);
    });

    socket.on('disconnect', (reason) => {
      if (this.socket !== socket) return;
      this.state.set('lost');
      for (const r of this.rooms.values()) r.view.set({ ...r.view.get(), presence: [], typing: [] });
      // The server closed it (token expired, session ended): socket.io will not retry by itself.
      if (reason === 'io server disconnect') void this.afterRefusal(socket);
    });

    socket.on('connect_error', (error) => {
      if (this.socket !== socket) return;
      this.state.set('lost');
      // Transport errors are retried by socket.io; a refusal by the server's middleware is not.
      if (!socket.active) void this.afterRefusal(socket, error.message);
    });

    socket.on('event', (event) => this.deliver(event));

    socket.on('presence', ({ room, users }) => {
      const r = this.rooms.get(room);
      if (r) r.view.set({ ...r.view.get(), presence: users });
    });

    socket.on('typing', ({ room, user, target }) => {
      const r = this.rooms.get(room);
      if (!r) return;
      const others = r.view.get().typing.filter((t) => t.user.id !== user.id || t.target !== target);
      r.view.set({ ...r.view.get(), typing: [...others, { user, target, until: Date.now() + TYPING_TTL_MS }] });
      this.expireTyping(r);
    });

    socket.on('unsubscribed', ({ room, reason }) => {
      const r = this.rooms.get(room);
      if (r) r.view.set({ ...r.view.get(), refused: reason });
    });
  }

  private subscribe(room: string, r: Room) {
    const socket = this.socket;
    if (!socket) return;
    const first = r.lastSeq === null;
    if (first && r.readSeq === undefined && this.options.readSeq) {
      if (r.askingReadSeq) return; // subscribed once it is known
      r.askingReadSeq = true;
      void this.options.readSeq(r.joinedAt).then(
        (seq) => this.afterReadSeq(socket, room, r, seq),
        () => this.afterReadSeq(socket, room, r, null),
      );
      return;
    }
    const since = first ? (r.readSeq ?? null) : r.lastSeq!.toString();
    const body = since === null ? { room } : { room, sinceSeq: since };
    socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit('subscribe', body, (error, ack) => {
      if (this.socket !== socket || this.rooms.get(room) !== r) return; // left or restarted meanwhile
      if (error) {
        if (socket.connected) this.subscribe(room, r); // no answer in time: ask again
        return;
      }
      if (!ack.ok) {
        r.view.set({ ...r.view.get(), refused: ack.error });
        return;
      }
      const seq = BigInt(ack.seq);
      if (r.lastSeq === null || seq > r.lastSeq) r.lastSeq = seq;
      if (r.view.get().refused) r.view.set({ ...r.view.get(), refused: null });
      // Replayed from where the page read: what it missed came as events. Otherwise read again.
      if (first && !r.readSeq) for (const resync of [...r.resync]) resync();
    });
  }

  private afterReadSeq(socket: SocketLike, room: string, r: Room, seq: string | null) {
    r.askingReadSeq = false;
    r.readSeq = seq;
    if (this.socket === socket && this.rooms.get(room) === r && socket.connected) this.subscribe(room, r);
  }

  private deliver(event: RealtimeEvent) {
    const r = this.rooms.get(event.room);
    if (!r) return;
    let seq: bigint;
    try {
      seq = BigInt(event.seq);
    } catch {
      return;
    }
    if (r.lastSeq !== null && seq <= r.lastSeq) return; // a duplicate (replay and live overlapping)
    r.lastSeq = seq;
    for (const listener of [...r.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('realtime listener failed', error);
      }
    }
  }

  private expireTyping(r: Room) {
    clearTimeout(r.typingTimer);
    const typing = r.view.get().typing;
    if (typing.length === 0) return;
    const next = Math.min(...typing.map((t) => t.until));
    r.typingTimer = setTimeout(
      () => {
        const now = Date.now();
        r.view.set({ ...r.view.get(), typing: r.view.get().typing.filter((t) => t.until > now) });
        this.expireTyping(r);
      },
      Math.max(50, next - Date.now() + 10),
    );
  }

  /** The server refused or closed the socket: refresh the token if that is why, then try again. */
  private async afterRefusal(socket: SocketLike, message = '') {
    const token = this.options.token();
    if (!token) return this.stop();
    // A refused handshake (no, an expired or an invalid token, an ended session), or the server closing it.
    if (isHandshakeRefusal(message) || message === '') {
      const fresh = await this.options.refresh(token);
      if (this.socket !== socket) return;
      if (!fresh) return this.stop();
    }
    this.reconnectSoon();
  }

  private reconnectSoon(delay = this.retryDelay) {
    clearTimeout(this.retryTimer);
    this.retryDelay = Math.min(this.retryDelay * 2, 10_000);
    this.retryTimer = setTimeout(() => {
      if (!this.options.token()) return;
      if (!this.socket) void this.start();
      else if (!this.socket.connected) this.socket.connect();
    }, delay);
  }
}

/** Typed access to a realtime event's payload. */
export function isEvent<T extends EventType>(event: RealtimeEvent, type: T): event is RealtimeEvent<T> {
  return event.type === type;
}
