import type { EventPayloads, EventType } from '@citymentor/contracts';
import type { AnyEvent } from './event-log';

type PlanEventType = {
  [T in EventType]: EventPayloads[T] extends { planId: string; pairId: string } ? T : never;
}[EventType];

/**
 * A change inside a plan is announced in the plan's room and in its pair's room, one row each, so
 * that replay of either room is a plain `where room = ? and seq > ?`. The activity feed reads the
 * pair rows.
 */
export function inPlanRooms<T extends PlanEventType>(
  type: T,
  payload: EventPayloads[T],
  actorId: string | null,
): AnyEvent[] {
  const { planId, pairId, programmeId } = payload as EventPayloads[T] & {
    planId: string;
    pairId: string;
    programmeId: string;
  };
  return [`plan:${planId}`, `pair:${pairId}`].map(
    (room) => ({ room, type, payload, actorId, programmeId }) as AnyEvent,
  );
}
