import { ActionPlan } from './action-plan/action-plan.entity';
import { DiffFieldView } from './action-plan/diff-field-view.entity';
import { Milestone } from './action-plan/milestone.entity';
import { PlanReview } from './action-plan/plan-review.entity';
import { PlanRevision } from './action-plan/plan-revision.entity';
import { ProgressEntry } from './action-plan/progress-entry.entity';
import { EventRecord } from './activity/event.entity';
import { AssessmentAnswer } from './assessment/assessment-answer.entity';
import { Assessment } from './assessment/assessment.entity';
import { ContextNote } from './assessment/context-note.entity';
import { CommentEdit } from './comments/comment-edit.entity';
import { Comment } from './comments/comment.entity';
import { IdempotencyRecord } from './idempotency/idempotency-record.entity';
import { Pair } from './mentoring/pair.entity';
import { Benchmark } from './benchmark/benchmark.entity';
import { RefreshToken } from './identity/refresh-token.entity';
import { User } from './identity/user.entity';
import { ConsortiumMilestone } from './programme/consortium-milestone.entity';
import { Invitation } from './programme/invitation.entity';
import { Membership } from './programme/membership.entity';
import { Organisation } from './programme/organisation.entity';
import { Participant } from './programme/participant.entity';
import { Programme } from './programme/programme.entity';
import { Notification } from './notifications/notification.entity';
import { NotificationPreference } from './notifications/notification-preference.entity';
import { ReminderSent } from './notifications/reminder-sent.entity';
import { StallAlert } from './notifications/stall-alert.entity';
import { WorkerCursor } from './notifications/worker-cursor.entity';
import { Report } from './reports/report.entity';
import { DataExport } from './exports/data-export.entity';
import { AuditEntry } from './audit/audit-entry.entity';

/** Every entity, for the ORM configuration of the api, the worker and the CLI. */
export const ENTITIES = [
  User,
  RefreshToken,
  Organisation,
  Programme,
  Participant,
  Membership,
  Invitation,
  ConsortiumMilestone,
  Benchmark,
  EventRecord,
  Pair,
  Assessment,
  AssessmentAnswer,
  ContextNote,
  ActionPlan,
  Milestone,
  ProgressEntry,
  PlanRevision,
  PlanReview,
  DiffFieldView,
  Comment,
  CommentEdit,
  IdempotencyRecord,
  Notification,
  NotificationPreference,
  ReminderSent,
  StallAlert,
  WorkerCursor,
  Report,
  DataExport,
  AuditEntry,
];
