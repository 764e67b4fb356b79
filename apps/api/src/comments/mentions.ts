import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '@citymentor/domain';
import type { PairScope } from '../pairs/pair.policy';

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
  constructor(private readonly em: EntityManager) {}

  /** The mentions of `body`, each a member who can read the pair (coordinators, experts, the two cities); else 400 naming `mentions`. */
  async of(body: string, pair: PairScope): Promise<string[]> {
    const ids = parseMentions(body);
    if (ids.length === 0) return ids;
    if (ids.length > MAX_MENTIONS) throw invalid(`mentions must name at most ${MAX_MENTIONS} people`);
    const rows = await this.em.getConnection().execute<{ userId: string }[]>(
      `select m.user_id as "userId" from memberships m
       where m.programme_id = ? and m.user_id = any(?::uuid[])
         and (m.role in ('coordinator', 'expert') or m.organisation_id in (?, ?))`,
      [pair.programmeId, `{${ids.join(',')}}`, pair.mentorOrganisationId, pair.menteeOrganisationId],
    );
    const readers = new Set(rows.map((r) => r.userId));
    const strangers = ids.filter((id) => !readers.has(id));
    if (strangers.length > 0) {
      throw invalid(
        `mentions must name members of this programme who can read this pair; not: ${strangers.join(', ')}`,
      );
    }
    return ids;
  }
}
