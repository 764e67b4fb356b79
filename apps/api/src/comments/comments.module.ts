import { Module } from '@nestjs/common';
import { CommentPolicy } from './comment.policy';
import { CommentQueries } from './comment.queries';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { Mentions } from './mentions';

/** Peer-review comments; the pair policy and scopes come from the global PairsModule, the event log from EventsModule. */
@Module({
  controllers: [CommentsController],
  providers: [CommentsService, CommentPolicy, CommentQueries, Mentions],
})
export class CommentsModule {}
