import { Inject, Injectable, Logger } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import { conflict, DomainError, notFound } from '@citymentor/domain';
import { appendEvents, inTransaction } from '@citymentor/persistence';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { announceAccessChanged } from '../auth/auth.queries';
import { PasswordAttempts } from '../auth/login-limits';
import { verifyPassword } from '../auth/passwords';
import { appConfig, type AppConfig } from '../config/app.config';
import { EXPORTS_SUBDIR } from '../exports/data-exports.service';
import type { DeleteAccountDto } from './erasure.dto';
import { eraseUser, lockLiveUser, membershipsOf } from './erasure.queries';
import { passwordHashOf } from './users.queries';

/** How an erased person is named where others' records quoted them (texts the server writes are English). */
export const formerMemberLabel = (organisations: string[]) =>
  organisations.length ? `a former member of ${organisations[0]}` : 'a former member';

/**
 * Erasing an account (GDPR art. 17), by the person (password re-entered) or by the installation admin on
 * request: one transaction removes the personal data (`eraseUser`), records it in the audit log, tells the
 * coordinators of each programme that a member of the organisation left (`member.left`, worker
 * notifications) and, at commit, every API instance (NOTIFY citymentor_access), so the person's sockets
 * close at once. What they wrote stays, shown as by "a former member of <organisation>".
 */
@Injectable()
export class AccountErasureService {
  private readonly logger = new Logger(AccountErasureService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly attempts: PasswordAttempts,
    private readonly audit: AuditLog,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  /** The person themselves: a wrong password is 403 WRONG_PASSWORD naming `password`, and counts as a sign-in attempt. */
  async eraseSelf(actor: Actor, dto: DeleteAccountDto, ip: string): Promise<void> {
    await this.attempts.count({ email: actor.email, ip });
    const hash = await passwordHashOf(this.em, actor.userId);
    if (hash === undefined || !(await verifyPassword(hash, dto.password))) {
      throw new DomainError('WRONG_PASSWORD', 'The password is wrong; nothing was deleted', [
        { path: 'password', message: 'password is wrong' },
      ]);
    }
    await this.erase(actor, actor.userId, 'self');
  }

  /** The installation admin, on the person's request; anyone else gets 404. Their own account goes by DELETE /me. */
  async eraseByAdmin(actor: Actor, userId: string): Promise<void> {
    if (!actor.isAdmin) throw notFound('User');
    if (userId === actor.userId) throw conflict('Delete your own account from your account page (DELETE /me)');
    await this.erase(actor, userId, 'admin');
  }

  private async erase(actor: Actor, userId: string, by: 'self' | 'admin'): Promise<void> {
    const em = this.em.fork();
    const files = await inTransaction(em, async () => {
      const who = await lockLiveUser(em, userId);
      if (!who) throw notFound('User');
      const memberships = await membershipsOf(em, userId);
      const former = Object.fromEntries(memberships.map((m) => [m.programmeId, m.organisationName]));
      const organisations = [...new Set(memberships.map((m) => m.organisationName))];
      const gone = await eraseUser(em, userId, who, former, formerMemberLabel(organisations));
      this.audit.record(em, actor, {
        action: 'account.deleted',
        subject: { type: 'user', id: userId },
        details: { by, organisations, programmeIds: memberships.map((m) => m.programmeId) },
      });
      await em.flush();
      await appendEvents(
        em,
        memberships.map((m) => ({
          room: `coordinators:${m.programmeId}`,
          type: 'member.left' as const,
          payload: {
            programmeId: m.programmeId,
            organisationId: m.organisationId,
            organisationName: m.organisationName,
          },
          actorId: null,
          programmeId: m.programmeId,
        })),
      );
      await announceAccessChanged(em, userId);
      return gone;
    });
    const dir = join(resolve(this.config.reportsDir), EXPORTS_SUBDIR);
    await Promise.all(files.map((f) => rm(join(dir, f), { force: true })));
    this.logger.log({ userId, by }, 'account erased');
  }
}
