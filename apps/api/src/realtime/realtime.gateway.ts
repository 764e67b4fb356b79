import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  HANDSHAKE_REFUSALS,
  type AckOf,
  type HandshakeAuth,
  type ClientToServerEvents,
  type SubscribeRequest,
  type TypingRequest,
  type UnsubscribeRequest,
} from '@citymentor/contracts';
import { AccessTokens, type VerifiedAccessToken } from '../auth/access-tokens';
import type { Actor } from '../auth/actor';
import { ActorLoader } from '../auth/actor.loader';
import { EventStream } from './event-stream';
import { Presence } from './presence';
import { RoomAccess } from './room-access';
import { MAX_ROOMS_PER_SOCKET, takeToken, tooLarge, TYPING_INTERVAL_MS } from './socket-limits';
import {
  setSocketState,
  socketState,
  type RealtimeNamespace,
  type RealtimeSocket,
  type SocketState,
} from './socket-state';
import { Subscriptions } from './subscriptions';

/** `@SubscribeMessage` for a message of the protocol (libs/contracts realtime.ts): an unknown name does not compile. */
const Handles = (message: keyof ClientToServerEvents) => SubscribeMessage(message);

/** A message as it arrives: any field may be missing or of any type, the message itself may be anything. */
type Untrusted<T> = { [K in keyof T]?: unknown } | null | undefined;

/** The largest `seq` there can be: events.seq is a Postgres bigint. */
const MAX_SEQ = 2n ** 63n - 1n;
const isSeq = (v: unknown): v is string | number =>
  ((typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || (typeof v === 'string' && /^\d{1,19}$/.test(v))) &&
  BigInt(v) <= MAX_SEQ;

/**
 * The realtime namespace: authenticated at the handshake, rooms joined through the same policies
 * as REST, events replayed from the log then live, presence and typing across instances.
 */
@WebSocketGateway({ namespace: '/realtime' })
export class RealtimeGateway implements OnGatewayInit, OnGatewayDisconnect {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() private namespace!: RealtimeNamespace;

  constructor(
    private readonly tokens: AccessTokens,
    private readonly actors: ActorLoader,
    private readonly access: RoomAccess,
    private readonly subscriptions: Subscriptions,
    private readonly presence: Presence,
    private readonly stream: EventStream,
  ) {}

  afterInit(namespace: RealtimeNamespace) {
    this.subscriptions.attach(namespace);
    namespace.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: Error) => next(error),
      );
    });
    namespace.on('connection', (socket) => this.guard(socket));
    this.stream.onEvent((event) => this.subscriptions.deliver(event));
    this.stream.onAccessChanged((userId) => void this.recheck(userId));
  }

  @Handles('subscribe')
  async subscribe(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody() body: Untrusted<SubscribeRequest>,
  ): Promise<AckOf<'subscribe'>> {
    const room = body?.room;
    if (!RoomAccess.isRoom(room))
      return { ok: false, error: 'room must be programme:<id>, pair:<id>, plan:<id> or user:<id>' };
    if (body?.sinceSeq !== undefined && body.sinceSeq !== null && !isSeq(body.sinceSeq))
      return { ok: false, error: 'sinceSeq must be a non-negative integer' };
    if (!stateOf(socket).cursors.has(room) && stateOf(socket).cursors.size >= MAX_ROOMS_PER_SOCKET) {
      return { ok: false, error: `at most ${MAX_ROOMS_PER_SOCKET} rooms per connection` };
    }
    const verdict = await this.access.check(stateOf(socket).actor, room);
    if (!verdict.ok) return verdict;
    const sinceSeq = body?.sinceSeq;
    const since = isSeq(sinceSeq) ? BigInt(sinceSeq) : null;
    const seq = await this.subscriptions.join(socket, room, since);
    this.presence.announce(this.namespace, room);
    return { ok: true, seq: seq.toString() };
  }

  @Handles('unsubscribe')
  async unsubscribe(
    @ConnectedSocket() socket: RealtimeSocket,
    @MessageBody() body: Untrusted<UnsubscribeRequest>,
  ): Promise<AckOf<'unsubscribe'>> {
    const room = body?.room;
    if (typeof room !== 'string' || !stateOf(socket).cursors.has(room))
      return { ok: false, error: 'not subscribed to that room' };
    await this.subscriptions.leave(socket, room);
    this.presence.announce(this.namespace, room);
    return { ok: true, seq: this.stream.position.toString() };
  }

  /** Not stored; at most one per room every TYPING_INTERVAL_MS per socket, the rest dropped. */
  @Handles('typing')
  typing(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: Untrusted<TypingRequest>) {
    const room = body?.room;
    if (typeof room !== 'string' || !stateOf(socket).cursors.has(room)) return;
    const now = Date.now();
    const last = stateOf(socket).typingAt.get(room) ?? 0;
    if (now - last < TYPING_INTERVAL_MS) return;
    stateOf(socket).typingAt.set(room, now);
    const target = typeof body?.target === 'string' && body.target.length <= 100 ? body.target : null;
    socket.to(room).emit('typing', { room, user: socket.data.user, target });
  }

  handleDisconnect(socket: RealtimeSocket) {
    const state = socketState(socket);
    clearTimeout(state?.expiry);
    for (const room of state?.cursors.keys() ?? []) this.presence.announce(this.namespace, room);
  }

  private async authenticate(socket: RealtimeSocket) {
    const token = (socket.handshake.auth as Untrusted<HandshakeAuth>)?.token;
    if (typeof token !== 'string') throw new Error(HANDSHAKE_REFUSALS.noToken);
    let claims: VerifiedAccessToken;
    try {
      claims = await this.tokens.verify(token);
    } catch (error) {
      // The message is what the client gets (connect_error); the cause stays here.
      throw new Error(
        (error as Error).name === 'TokenExpiredError' ? HANDSHAKE_REFUSALS.expired : HANDSHAKE_REFUSALS.invalid,
        { cause: error },
      );
    }
    const actor = await this.actors.load(claims.sub, claims.sid);
    if (!actor) throw new Error(HANDSHAKE_REFUSALS.sessionEnded);
    socket.data.user = { id: actor.userId, name: actor.name };
    setSocketState(socket, {
      actor,
      cursors: new Map(),
      typingAt: new Map(),
      allowance: { tokens: 40, at: Date.now() },
      // An expired token no longer reads anything: the client reconnects with a fresh one.
      expiry: setTimeout(
        () => {
          socket.emit('error', {
            code: 'TOKEN_EXPIRED',
            message: 'The access token has expired; reconnect with a fresh one',
          });
          socket.disconnect(true);
        },
        Math.max(0, (claims.exp ?? 0) * 1000 - Date.now()),
      ),
    });
  }

  /** Per-socket limits: oversized messages and floods are dropped with an error to that socket only. */
  private guard(socket: RealtimeSocket) {
    socket.use((packet, next) => {
      if (tooLarge(packet.slice(1))) {
        socket.emit('error', { code: 'MESSAGE_TOO_LARGE', message: 'That message is too large and was dropped' });
        return;
      }
      if (!takeToken(stateOf(socket))) {
        socket.emit('error', { code: 'RATE_LIMITED', message: 'Too many messages; some were dropped' });
        return;
      }
      next();
    });
  }

  /** A user's access changed (membership revoked, signed out), or anyone's (null): leave what they may no longer read. */
  private async recheck(userId: string | null) {
    const sockets = [...this.namespace.sockets.values()].filter(
      (s) => socketState(s) && (userId === null || socketState(s)!.actor.userId === userId),
    );
    // One look-up per session and one verdict per user and room, however many tabs and sockets share them.
    const actors = new Map<string, Promise<Actor | null>>();
    const verdicts = new Map<string, Promise<boolean>>();
    const once = <T>(cache: Map<string, Promise<T>>, key: string, work: () => Promise<T>) => {
      if (!cache.has(key)) cache.set(key, work());
      return cache.get(key)!;
    };
    for (const socket of sockets) {
      const state = stateOf(socket);
      const { userId: id, sessionId } = state.actor;
      const actor = await once(actors, `${id}:${sessionId}`, () => this.actors.load(id, sessionId));
      if (!actor) {
        socket.emit('error', { code: 'SESSION_ENDED', message: 'This session has ended' });
        socket.disconnect(true);
        continue;
      }
      state.actor = actor;
      for (const room of [...state.cursors.keys()]) {
        if (await once(verdicts, `${id}|${room}`, async () => (await this.access.check(actor, room)).ok)) continue;
        await this.subscriptions.leave(socket, room);
        socket.emit('unsubscribed', { room, reason: 'access revoked' });
        this.presence.announce(this.namespace, room);
      }
    }
    this.logger.debug(`rechecked ${sockets.length} socket(s) of ${userId === null ? 'every user' : `user ${userId}`}`);
  }
}

/** The state of a socket past the handshake (every handler runs after it). */
const stateOf = (socket: RealtimeSocket): SocketState => socketState(socket)!;
