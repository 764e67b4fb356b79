import { io, type Socket } from 'socket.io-client';
import type { RealtimeEvent } from '@citymentor/contracts';

export type Ack = { ok: true; seq: string } | { ok: false; error: string };

/** A realtime client as the web client uses it, recording what it receives. */
export class TestSocket {
  readonly events: RealtimeEvent[] = [];
  readonly errors: { code: string; message: string }[] = [];
  readonly presence: { room: string; users: { id: string; name: string }[] }[] = [];
  readonly typing: { room: string; user: { id: string }; target: string | null }[] = [];
  readonly unsubscribed: { room: string; reason: string }[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('event', (e: RealtimeEvent) => this.events.push(e));
    socket.on('error', (e: { code: string; message: string }) => this.errors.push(e));
    socket.on('presence', (p: TestSocket['presence'][number]) => this.presence.push(p));
    socket.on('typing', (t: TestSocket['typing'][number]) => this.typing.push(t));
    socket.on('unsubscribed', (u: TestSocket['unsubscribed'][number]) => this.unsubscribed.push(u));
  }

  /** Resolves once connected; rejects with the server's refusal message. */
  static connect(baseUrl: string, token: string | undefined, extra: { origin?: string } = {}): Promise<TestSocket> {
    const socket = io(`${baseUrl}/realtime`, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: extra.origin ? { Origin: extra.origin } : undefined,
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new TestSocket(socket)));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  subscribe(room: string, sinceSeq?: string): Promise<Ack> {
    return this.socket.timeout(10_000).emitWithAck('subscribe', sinceSeq === undefined ? { room } : { room, sinceSeq });
  }

  unsubscribe(room: string): Promise<Ack> {
    return this.socket.timeout(10_000).emitWithAck('unsubscribe', { room });
  }

  eventsOf(type: string) {
    return this.events.filter((e) => e.type === type);
  }

  close() {
    this.socket.close();
  }
}

/** Waits until `check` holds, polling; fails after `ms`. */
export async function eventually(check: () => boolean | void, ms = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      if (check() !== false) return;
    } catch (error) {
      if (Date.now() - start > ms) throw error;
    }
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
