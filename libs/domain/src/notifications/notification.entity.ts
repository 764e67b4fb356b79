import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../identity/user.entity';

export const NOTIFICATION_KINDS = [
  'comment',
  'mention',
  'plan-submitted',
  'plan-withdrawn',
  'plan-reviewed',
  'plan-changed-after-approval',
  'milestone-due-soon',
  'milestone-overdue',
  'milestone-escalated',
  'pair-stalled',
  'pair-formed',
  'programme-closed',
  'programme-reopened',
  'member-left',
] as const;
/**
 * Why someone is told: a comment near them, an @mention, a review step, a change to a plan they approved
 * (the mentor side), a due or late milestone, a stalled pair (coordinators), their city paired, their programme
 * closed or reopened, a member who left by erasing their account (coordinators).
 */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Something one user should know, written by the worker from the event log (or a reminder run).
 * `(user, sourceEventSeq, kind)` is unique, so an event processed twice (a retried batch, a second
 * worker) cannot notify anyone twice; reminders are guarded by `reminders_sent` instead.
 */
@Entity({ tableName: 'notifications' })
@Unique({ properties: ['user', 'sourceEventSeq', 'kind'] })
@Index({ properties: ['user', 'createdAt'] })
/** E-mails look for the notifications not mailed yet. */
@Index({ properties: ['emailedAt', 'createdAt'] })
export class Notification {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @Enum({ items: [...NOTIFICATION_KINDS], type: 'string', length: 32 })
  kind: NotificationKind;

  @Property({ type: 'string', length: 300 })
  title: string;

  @Property({ type: 'text' })
  body: string & Opt = '';

  /** A path of the web client (`/programmes/…`); e-mails prefix it with PUBLIC_URL. */
  @Property({ type: 'string', length: 500 })
  link: string;

  /** The event this notification was made from; null for reminders. */
  @Property({ type: 'bigint', nullable: true })
  sourceEventSeq: string | null = null;

  /** What it is about (a comment, plan or milestone id), e.g. to mention someone once per comment. */
  @Property({ type: 'uuid', nullable: true })
  subjectId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  programmeId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  readAt: Date | null = null;

  /** Set once the notification went out by e-mail (immediately or in a digest). */
  @Property({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null = null;

  constructor(args: {
    user: User;
    kind: NotificationKind;
    title: string;
    body?: string;
    link: string;
    sourceEventSeq?: string | null;
    subjectId?: string | null;
    programmeId?: string | null;
  }) {
    this.user = args.user;
    this.kind = args.kind;
    this.title = args.title;
    this.body = args.body ?? '';
    this.link = args.link;
    this.sourceEventSeq = args.sourceEventSeq ?? null;
    this.subjectId = args.subjectId ?? null;
    this.programmeId = args.programmeId ?? null;
  }

  markRead(now: Date) {
    this.readAt ??= now;
  }
}
