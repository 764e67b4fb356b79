import type { EventType, RealtimeEvent } from '@citymentor/contracts';
import type { LogTail } from '@citymentor/persistence';

/*
 * The realtime delivery's SQL: the event log read on the tail's own connection (libs/persistence's
 * LogTail, not the EntityManager): where it ends, the next batch after the head, and one room's replay.
 */

/** One event of the log as the tail reads it. */
export interface EventRow {
  seq: string;
  room: string;
  type: EventType;
  payload: RealtimeEvent['payload'];
  actor_id: string | null;
  at: Date;
}

const SELECT_EVENTS = 'select seq::text as seq, room, type, payload, actor_id, at from events';
/** Events per pass of the tail; a full batch means more may follow. */
export const BATCH = 1000;
// Named, so this connection plans them once: the tail runs after every commit.
const TAIL = `${SELECT_EVENTS} where seq > $1 order by events.seq limit ${BATCH}`;
const REPLAY = `${SELECT_EVENTS} where room = $1 and seq > $2 order by events.seq limit $3`;

/** The seq of the log's last event (0 when it is empty). */
export async function logEnd(tail: LogTail): Promise<bigint> {
  const { rows } = await tail.query<{ seq: string }>({
    text: 'select coalesce(max(seq), 0)::text as seq from events',
  });
  return BigInt(rows[0].seq);
}

/** Up to `BATCH` events after `head`, in seq order. */
export async function eventsAfter(tail: LogTail, head: bigint): Promise<EventRow[]> {
  const { rows } = await tail.query<EventRow>({
    name: 'events-after',
    text: TAIL,
    values: [head.toString()],
  });
  return rows;
}

/** Up to `limit` events of one room after `sinceSeq`, in seq order. */
export async function eventsOfRoom(tail: LogTail, room: string, sinceSeq: bigint, limit: number): Promise<EventRow[]> {
  const { rows } = await tail.query<EventRow>({
    name: 'events-of-room',
    text: REPLAY,
    values: [room, sinceSeq.toString(), limit],
  });
  return rows;
}
