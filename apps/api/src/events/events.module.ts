import { Global, Module } from '@nestjs/common';
import { EventLog } from './event-log';

/**
 * The event log (apps/api/src/events): appending a change's events in its transaction (`EventLog`), the rooms
 * they go to (`inPlanRooms`) and the locking "still holds" check (`lockedCheck`). Every feature writes through
 * it; it imports no feature, so it sits below all of them (no cycle through it).
 */
@Global()
@Module({ providers: [EventLog], exports: [EventLog] })
export class EventsModule {}
