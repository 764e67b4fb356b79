import type { RealtimeEvent } from '@citymentor/contracts';
import { TestSocket } from '../support/sockets';

/**
 * A realtime client that, when its connection drops, connects to `fallbackUrl` and resubscribes
 * with the last seq it saw — what the web client does after a reconnect.
 */
export class ReconnectingClient {
  private socket!: TestSocket;
  private readonly seen: RealtimeEvent[] = [];
  private lastSeq = '0';
  reconnects = 0;
  private closed = false;

  private constructor(
    private readonly fallbackUrl: string,
    private readonly token: string,
    private readonly room: string,
  ) {}

  static async start(url: string, fallbackUrl: string, token: string, room: string): Promise<ReconnectingClient> {
    const client = new ReconnectingClient(fallbackUrl, token, room);
    await client.attach(url, undefined);
    return client;
  }

  /** Ids of the comments announced in the room, in arrival order (duplicates kept, to be caught). */
  commentIds(): string[] {
    return this.seen
      .filter((e) => e.type === 'comment.created')
      .map((e) => (e.payload as { commentId: string }).commentId);
  }

  close() {
    this.closed = true;
    this.socket.close();
  }

  private async attach(url: string, sinceSeq: string | undefined) {
    const socket = await connectWithRetry(url, this.token);
    this.socket = socket;
    socket.socket.on('event', (event: RealtimeEvent) => {
      this.seen.push(event);
      this.lastSeq = event.seq;
    });
    socket.socket.on('disconnect', () => {
      if (this.closed) return;
      this.reconnects += 1;
      void this.attach(this.fallbackUrl, this.lastSeq);
    });
    const ack = await socket.subscribe(this.room, sinceSeq ?? undefined);
    if (!ack.ok) throw new Error(`subscribe refused: ${ack.error}`);
    if (sinceSeq === undefined && this.lastSeq === '0') this.lastSeq = ack.seq;
  }
}

async function connectWithRetry(url: string, token: string, attempts = 50): Promise<TestSocket> {
  for (let i = 1; ; i++) {
    try {
      return await TestSocket.connect(url, token);
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export interface PostLoad {
  count: number;
  concurrency: number;
  planId: string;
  token: string;
  baseUrlFor: (index: number) => string;
  /** Where a request goes again (same Idempotency-Key) when its instance does not answer. */
  fallbackUrl: string;
  afterEach?: (done: number) => void;
}

/**
 * POSTs `count` comments with `concurrency` in flight, each with its own Idempotency-Key. A request
 * whose connection fails is sent again to `fallbackUrl` with the same key, until it gets an answer:
 * a comment committed before its instance died is then answered from the idempotency record, not
 * written twice — or, when the instance died between the commit and recording the answer, with
 * 409 ALREADY_DONE (saved, answer lost). Returns the indexes that never succeeded, how many retries
 * were needed and how many were answered ALREADY_DONE.
 */
export async function postComments(
  load: PostLoad,
): Promise<{ failed: number[]; retried: number; alreadyDone: number }> {
  let next = 0;
  let done = 0;
  let retried = 0;
  let alreadyDone = 0;
  const failed: number[] = [];
  const post = (url: string, i: number) =>
    fetch(`${url}/api/v1/action-plans/${load.planId}/comments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${load.token}`,
        'content-type': 'application/json',
        'idempotency-key': `chaos-${load.planId}-${i}`,
      },
      body: JSON.stringify({ body: `Comment ${i}`, target: { type: 'plan', id: load.planId } }),
      signal: AbortSignal.timeout(15_000),
    });
  const one = async (i: number) => {
    let url = load.baseUrlFor(i);
    for (let attempt = 1; attempt <= 20; attempt++) {
      try {
        const response = await post(url, i);
        if (response.status === 201) return;
        const text = await response.text();
        if (response.status === 409 && (JSON.parse(text) as { code?: string }).code === 'ALREADY_DONE') {
          alreadyDone += 1;
          return;
        }
        if (response.status < 500) throw new Error(`comment ${i}: ${response.status} ${text}`);
      } catch (error) {
        if ((error as Error).message.startsWith(`comment ${i}:`)) throw error;
      }
      retried += 1;
      url = load.fallbackUrl;
      await new Promise((r) => setTimeout(r, 100));
    }
    failed.push(i);
  };
  await Promise.all(
    Array.from({ length: load.concurrency }, async () => {
      while (next < load.count) {
        const i = next++;
        await one(i);
        done += 1;
        load.afterEach?.(done);
      }
    }),
  );
  return { failed, retried, alreadyDone };
}
