import { Injectable } from '@nestjs/common';
import { DomainError } from '@citymentor/domain';
import type { PairScope } from '../pairs/pair.policy';
import { CommentQueries } from './comment.queries';

/** At most this many different people can be mentioned in one comment. */
export const MAX_MENTIONS = 20;

const TOKEN =
  /@\[([^\]\r\n]{1,200})\]\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/g;

/** The user ids of the `@[Name](user-uuid)` tokens in a body, lower-cased, each once, in order of appearance. */
export function parseMentions(body: string): string[] {
  return [...new Set([...body.matchAll(TOKEN)].map((m) => m[2].toLowerCase()))];
}

const invalid = (message: string) => new DomainError('VALIDATION_FAILED', message, [{ path: 'mentions', message }]);

/** Decides whom a comment may mention: members of the pair's programme who can read the pair. */
@Injectable()
export class Mentions {
  constructor(private readonly queries: CommentQueries) {}

  /** The mentions of `body`, each a member who can read the pair (coordinators, experts, the two cities); else 400 naming `mentions`. */
  async of(body: string, pair: PairScope): Promise<string[]> {
    const ids = parseMentions(body);
    if (ids.length === 0) return ids;
    if (ids.length > MAX_MENTIONS) throw invalid(`mentions must name at most ${MAX_MENTIONS} people`);
    const readers = new Set(await this.queries.readersAmong(pair, ids));
    const strangers = ids.filter((id) => !readers.has(id));
    if (strangers.length > 0) {
      throw invalid(
        `mentions must name members of this programme who can read this pair; not: ${strangers.join(', ')}`,
      );
    }
    return ids;
  }
}
