import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { AnchorField, CommentTargetType, SuggestionState } from '@citymentor/contracts';
import { DomainError } from '../shared/domain-error';
import { User } from '../identity/user.entity';
import { ActionPlan } from '../action-plan/action-plan.entity';
import type { Anchor } from './comment-anchor';
import { anchorOf, newComment, type NewCommentArgs } from './new-comment';

/**
 * A peer-review comment on a plan, one of its milestones or a progress entry. Replies point at a
 * parent; every comment knows its thread (the root's id). A thread is resolved on its root.
 * Deleting leaves a tombstone so replies keep their place. A thread may be anchored on a field (or a
 * list item) of the plan or a milestone as it was at a revision, keeping the text it was written on;
 * its replies share the anchor. A mentor's anchored thread may suggest the field's new text, which the
 * mentee applies (and the thread is resolved) or dismisses.
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

  /** The revision the thread was written on (with `anchorField`, `anchorItem`, `anchorText`); null when not anchored. */
  @Property({ type: 'integer', nullable: true })
  anchorRevision: number | null = null;

  @Property({ type: 'string', length: 16, nullable: true })
  anchorField: AnchorField | null = null;

  /** The index of the item in a list field, at that revision. */
  @Property({ type: 'integer', nullable: true })
  anchorItem: number | null = null;

  /** The field's (or item's) text at that revision. */
  @Property({ type: 'text', nullable: true })
  anchorText: string | null = null;

  /** The text the thread suggests for the anchored field or item (a thread's first comment only). */
  @Property({ type: 'text', nullable: true })
  suggestion: string | null = null;

  @Enum({ items: ['pending', 'applied', 'dismissed'], type: 'string', length: 16, nullable: true })
  suggestionState: SuggestionState | null = null;

  @Property({ type: 'uuid', nullable: true })
  suggestionDecidedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  suggestionDecidedAt: Date | null = null;

  /** The plan's version the applied suggestion produced. */
  @Property({ type: 'integer', nullable: true })
  suggestionAppliedVersion: number | null = null;

  /** A new comment, as `newComment` (its rules) says. */
  constructor(args: Omit<NewCommentArgs, 'planId' | 'authorId'> & { plan: ActionPlan; author: User }) {
    const fields = newComment({ ...args, planId: args.plan.id, authorId: args.author.id }, this.id, this.createdAt);
    this.plan = args.plan;
    this.author = args.author;
    this.body = fields.body;
    this.mentions = fields.mentions;
    this.parentId = fields.parentId;
    this.threadId = fields.threadId;
    this.targetType = fields.targetType;
    this.targetId = fields.targetId;
    this.anchorRevision = fields.anchorRevision;
    this.anchorField = fields.anchorField;
    this.anchorItem = fields.anchorItem;
    this.anchorText = fields.anchorText;
    this.suggestion = fields.suggestion;
    this.suggestionState = fields.suggestionState;
  }

  /** The anchor as stored, or null. */
  get anchor(): Anchor | null {
    return anchorOf(this);
  }

  /** The suggestion was applied by `userId`, producing the plan's `version`: the thread is resolved too. */
  applySuggestion(userId: string, version: number, now: Date) {
    this.decideSuggestion('applied', userId, now);
    this.suggestionAppliedVersion = version;
    if (!this.resolvedAt) this.resolve(userId, now);
  }

  /** The suggestion was turned down (with a reply, which the caller writes); the thread stays open. */
  dismissSuggestion(userId: string, now: Date) {
    this.decideSuggestion('dismissed', userId, now);
  }

  private decideSuggestion(state: SuggestionState, userId: string, now: Date) {
    if (this.suggestionState === null) throw new DomainError('CONFLICT', 'This comment suggests no change');
    if (this.isDeleted) throw new DomainError('CONFLICT', 'This comment has been deleted');
    if (this.suggestionState !== 'pending') {
      throw new DomainError('CONFLICT', `This suggestion has already been ${this.suggestionState}`, {
        state: this.suggestionState,
      });
    }
    this.suggestionState = state;
    this.suggestionDecidedBy = userId;
    this.suggestionDecidedAt = now;
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
