import type { WorkStatus } from './roles';

/** Payloads of the realtime events, by type. The api emits, the worker consumes, the web client subscribes. */
export interface EventPayloads {
  'programme.milestone.updated': {
    programmeId: string;
    milestoneId: string;
    title: string;
    dueDate: string;
    status: WorkStatus;
    version: number;
  };
}

export type EventType = keyof EventPayloads;

/** What a socket receives as `event` (contract.md, "Realtime"). */
export interface RealtimeEvent<T extends EventType = EventType> {
  seq: string;
  room: string;
  type: T;
  payload: EventPayloads[T];
  actor: string | null;
  at: string;
}
