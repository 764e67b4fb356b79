/**
 * The least the app's comment write must do, for the bare baselines (bench/realtime and bench/rest):
 * in ONE transaction the same rows as the app — a `comments` row, the event log's advisory lock,
 * two `events` rows (`plan:` and `pair:`) — with raw `pg`, no ORM.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

const EVENT_LOG_LOCK = 727_001;

export interface BareContext {
  programmeId: string;
  pairId: string;
  planId: string;
}

export interface WrittenComment {
  id: string;
  now: Date;
  payload: Record<string, unknown>;
  /** The event rows, in seq order. */
  rows: { seq: string; room: string; at: Date }[];
  /** How long the transaction took, pool wait included. */
  txMs: number;
  /** The answer the app gives to POST …/comments, in its shape. */
  response: Record<string, unknown>;
}

export async function writeComment(
  pool: Pool,
  context: BareContext,
  actorId: string,
  planId: string,
  body: string,
): Promise<WrittenComment> {
  const id = randomUUID();
  const now = new Date();
  const payload = {
    programmeId: context.programmeId,
    pairId: context.pairId,
    planId,
    commentId: id,
    threadId: id,
    parentId: null,
    target: { type: 'plan', id: planId },
    authorId: actorId,
    body,
    resolved: false,
    mentions: [] as string[],
  };
  const txStart = process.hrtime.bigint();
  const client = await pool.connect();
  let rows: WrittenComment['rows'];
  try {
    await client.query('begin');
    await client.query(
      `insert into comments (id, plan_id, target_type, target_id, parent_id, thread_id, author_id, body, mentions, created_at)
       values ($1, $2, 'plan', $2, null, $1, $3, $4, '[]', $5)`,
      [id, planId, actorId, body, now],
    );
    await client.query(`select pg_advisory_xact_lock(${EVENT_LOG_LOCK})`);
    const json = JSON.stringify(payload);
    ({ rows } = await client.query<{ seq: string; room: string; at: Date }>(
      `insert into events (room, type, payload, actor_id, programme_id, at)
       values ($1, 'comment.created', $3, $4, $5, $6), ($2, 'comment.created', $3, $4, $5, $6)
       returning seq::text as seq, room, at`,
      [`plan:${planId}`, `pair:${context.pairId}`, json, actorId, context.programmeId, now],
    ));
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const txMs = Number(process.hrtime.bigint() - txStart) / 1e6;
  const response = {
    id,
    planId,
    threadId: id,
    parentId: null,
    target: payload.target,
    author: { id: actorId },
    body,
    deleted: false,
    mentions: [],
    createdAt: now.toISOString(),
    editedAt: null,
    editCount: 0,
    resolved: null,
  };
  return { id, now, payload, rows, txMs, response };
}
