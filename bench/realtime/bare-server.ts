/**
 * The bare baseline for `npm run bench:realtime`: Fastify 5 + a `pg` Pool + socket.io 4.8, no Nest,
 * no ORM, no Redis. It does the least the app's comment path must do:
 *
 *   - the /realtime namespace refuses a handshake whose `auth.token` is not one of BARE_TOKENS
 *     (a static check: no JWT verification, no session query);
 *   - `subscribe {room}` joins the room and acks {ok, seq} (no policy check, no replay, no presence);
 *   - POST /api/v1/action-plans/:id/comments {body, target} writes, in ONE transaction, the same rows
 *     as the app (a `comments` row, the event-log advisory lock, two `events` rows for plan: and
 *     pair:; bench/support/bare-comment.ts), and after COMMIT broadcasts each event row with `io.to(room).emit('event', …)`
 *     (encoded once per room, not once per socket).
 *
 * Configuration (environment): PORT, DATABASE_URL, DATABASE_POOL_SIZE (default 10),
 * BARE_TOKENS = JSON {token: userId}, BARE_CONTEXT = JSON {programmeId, pairId, planId}.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { Server } from 'socket.io';
import { writeComment } from '../support/bare-comment';
import { serveBare } from '../support/bare-process';

const tokens = new Map<string, string>(
  Object.entries(JSON.parse(process.env.BARE_TOKENS ?? '{}') as Record<string, string>),
);
const context = JSON.parse(process.env.BARE_CONTEXT ?? '{}') as { programmeId: string; pairId: string; planId: string };
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});

const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
const io = new Server(app.server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
const realtime = io.of('/realtime');

let head = '0';

realtime.use((socket, next) => {
  const token = (socket.handshake.auth as { token?: unknown })?.token;
  const userId = typeof token === 'string' ? tokens.get(token) : undefined;
  if (!userId) return next(new Error('unauthorized'));
  socket.data.userId = userId;
  next();
});

realtime.on('connection', (socket) => {
  socket.on('subscribe', (body: { room?: unknown }, ack?: (reply: unknown) => void) => {
    const room = body?.room;
    if (typeof room !== 'string' || room.length > 100) return ack?.({ ok: false, error: 'room must be a string' });
    void socket.join(room);
    ack?.({ ok: true, seq: head });
  });
});

app.get('/health', () => Promise.resolve({ status: 'ok' }));

app.post<{ Params: { id: string }; Body: { body?: unknown; target?: { type?: unknown; id?: unknown } } }>(
  '/api/v1/action-plans/:id/comments',
  async (request, reply) => {
    const auth = request.headers.authorization;
    const actorId = auth?.startsWith('Bearer ') ? tokens.get(auth.slice(7)) : undefined;
    if (!actorId) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized' });
    const planId = request.params.id.toLowerCase();
    if (planId !== context.planId) return reply.code(404).send({ statusCode: 404, error: 'Not Found' });
    const body = request.body?.body;
    if (typeof body !== 'string' || body.length < 1 || body.length > 10_000)
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request' });

    const written = await writeComment(pool, context, actorId, planId, body);
    // How long the transaction took, pool wait included (the bench reports it: how much of a POST is Postgres).
    reply.header('server-timing', `tx;dur=${written.txMs.toFixed(2)}`);
    for (const row of written.rows) {
      head = row.seq;
      realtime.to(row.room).emit('event', {
        seq: row.seq,
        room: row.room,
        type: 'comment.created',
        payload: written.payload,
        actor: actorId,
        at: row.at.toISOString(),
      });
    }
    return reply.code(201).send(written.response);
  },
);

void serveBare('bare server', app, async () => {
  void io.close();
  await app.close().catch(() => undefined);
  await pool.end();
});
