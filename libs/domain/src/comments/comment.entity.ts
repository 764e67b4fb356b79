import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { CommentTargetType } from '@citymentor/contracts';
import { DomainError } from '../shared/domain-error';
import { User } from '../identity/user.entity';
import { ActionPlan } from '../action-plan/action-plan.entity';

/**
 * A peer-review comment on a plan, one of its milestones or a progress entry. Replies point at a
 * parent; every comment knows its thread (the root's id). A thread is resolved on its root.
 * Deleting leaves a tombstone so replies keep their place.
 */
@Entity({ tableName: 'comments' })
@Index({ properties: ['plan', 'createdAt'] })
@Index({ properties: ['threadId'] })
export class Comment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ActionPlan, { deleteRule: 'cascade' })
  plan: ActionPlan;

  @Enum({ items: ['plan', 'milestone', 'progress'], type: 'string', length: 16 })
  targetType: CommentTargetType;

  @Property({ type: 'uuid' })
  targetId: string;

  @Property({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Property({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => User)
  author: User;

  @Property({ type: 'text' })
  body: string;

  /** Ids of the programme members @mentioned. */
  @Property({ type: 'json' })
  mentions: string[] & Opt = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  editedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt?: Date;

  @Property({ type: 'uuid', nullable: true })
  resolvedBy?: string;

  constructor(args: {
    plan: ActionPlan;
    author: User;
    body: string;
    target: { type: CommentTargetType; id: string };
    parent?: Comment;
    mentions?: string[];
  }) {
    this.plan = args.plan;
    this.author = args.author;
    this.body = args.body;
    this.mentions = args.mentions ?? [];
    if (args.parent) {
      // A reply lives on its parent's target and thread.
      this.parentId = args.parent.id;
      this.threadId = args.parent.threadId;
      this.targetType = args.parent.targetType;
      this.targetId = args.parent.targetId;
    } else {
      this.parentId = null;
      this.threadId = this.id;
      this.targetType = args.target.type;
      this.targetId = args.target.id;
    }
  }

  get isRoot() {
    return this.parentId === null;
  }

  get isDeleted() {
    return this.deletedAt !== undefined && this.deletedAt !== null;
  }

  /** Returns the previous body, for the edit history. */
  edit(body: string, mentions: string[], now: Date): string {
    if (this.isDeleted) throw new DomainError('CONFLICT', 'A deleted comment cannot be edited');
    const previous = this.body;
    this.body = body;
    this.mentions = mentions;
    this.editedAt = now;
    return previous;
  }

  delete(now: Date) {
    if (this.isDeleted) throw new DomainError('CONFLICT', 'This comment has already been deleted');
    this.body = '';
    this.mentions = [];
    this.deletedAt = now;
  }

  resolve(userId: string, now: Date) {
    this.assertRoot();
    if (this.resolvedAt) throw new DomainError('CONFLICT', 'This thread is already resolved');
    this.resolvedAt = now;
    this.resolvedBy = userId;
  }

  reopen() {
    this.assertRoot();
    if (!this.resolvedAt) throw new DomainError('CONFLICT', 'This thread is open');
    this.resolvedAt = undefined;
    this.resolvedBy = undefined;
  }

  private assertRoot() {
    if (!this.isRoot) throw new DomainError('CONFLICT', 'Threads are resolved on their first comment');
  }
}
