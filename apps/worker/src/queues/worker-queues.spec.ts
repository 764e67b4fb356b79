import { EXPORTS_QUEUE, REPORTS_QUEUE, WORKER_QUEUES } from '@citymentor/contracts';
import { HOUSEKEEPING_QUEUE } from '../housekeeping/housekeeping.jobs';
import { NOTIFICATIONS_QUEUE } from '../notifications/notifications.jobs';
import { REMINDERS_QUEUE } from '../reminders/reminders.jobs';

describe('WORKER_QUEUES', () => {
  it('names every queue the worker runs, so the job board shows them all', () => {
    const worker = [HOUSEKEEPING_QUEUE, NOTIFICATIONS_QUEUE, REMINDERS_QUEUE, REPORTS_QUEUE, EXPORTS_QUEUE];
    expect([...WORKER_QUEUES].sort()).toEqual(worker.sort());
  });
});
