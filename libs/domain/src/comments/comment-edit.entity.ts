import { Entity, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Comment } from './comment.entity';

/** The history of a comment: its body before each edit. */
@Entity({ tableName: 'comment_edits' })
export class CommentEdit {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Comment, { deleteRule: 'cascade', index: true })
  comment: Comment;

  @Property({ type: 'text' })
  previousBody: string;

  @Property({ type: 'timestamptz' })
  editedAt: Date & Opt = new Date();

  constructor(comment: Comment, previousBody: string) {
    this.comment = comment;
    this.previousBody = previousBody;
  }
}
