import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * The invitation e-mails' SQL: an invitation whose token waits in `mail_token` is locked by the transaction that
 * mails it (FOR UPDATE SKIP LOCKED: another worker takes the next one), which then clears the token and sets
 * `emailed_at` before it commits (docs/decisions/0013).
 */

export interface PendingInvitation {
  id: string;
  email: string;
  role: 'coordinator' | 'expert' | 'city-member';
  token: string;
  sendCount: number;
  expiresAt: Date;
  programmeName: string;
  organisationName: string;
  inviterName: string;
}

/** The oldest invitation still to mail (pending, not expired), locked; one another worker holds is skipped. */
export async function claimNextInvitation(tx: EntityManager): Promise<PendingInvitation | undefined> {
  const [row] = await tx.execute<PendingInvitation[]>(
    `select i.id, i.email, i.role, i.mail_token as token, i.send_count as "sendCount", i.expires_at as "expiresAt",
        p.name as "programmeName", o.name as "organisationName", u.name as "inviterName"
      from invitations i join programmes p on p.id = i.programme_id join organisations o on o.id = i.organisation_id
        join users u on u.id = i.invited_by_id
      where i.mail_token is not null and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
      order by i.sent_at, i.id limit 1 for update of i skip locked`,
  );
  return row;
}

/** The token is forgotten once its e-mail is out. */
export async function markInvitationEmailed(tx: EntityManager, id: string): Promise<void> {
  await tx.execute(`update invitations set mail_token = null, emailed_at = now() where id = ?`, [id]);
}
