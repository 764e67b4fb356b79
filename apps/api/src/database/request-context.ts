import { RequestMethod } from '@nestjs/common';

/**
 * The hot reads: each answers from plain SQL mapped straight into its response DTO (the actor, the
 * scope row, the read), loading no entity, so it needs no MikroORM request context. Every other
 * route gets one (a fork of the EntityManager with its own identity map and unit of work, and an
 * AsyncLocalStorage scope); for these reads it cost more than the read itself (docs/performance.md,
 * "REST"). A route listed here that did load an entity would fail loudly ("global EntityManager"),
 * and the e2e tests of each would show it. Paths are relative to /api/v1.
 */
export const LEAN_READ_ROUTES: { path: string; method: RequestMethod }[] = [
  { path: 'action-plans/:id', method: RequestMethod.GET },
  { path: 'action-plans/:id/comments', method: RequestMethod.GET },
  { path: 'pairs/:id/action-plans', method: RequestMethod.GET },
  { path: 'milestones/:id', method: RequestMethod.GET },
  { path: 'milestones/:id/progress', method: RequestMethod.GET },
  { path: 'comments/:id/history', method: RequestMethod.GET },
  { path: 'programmes/:id/dashboard', method: RequestMethod.GET },
  { path: 'programmes/:id/timeline', method: RequestMethod.GET },
  { path: 'programmes/:id/activity', method: RequestMethod.GET },
  { path: 'me/work', method: RequestMethod.GET },
];
