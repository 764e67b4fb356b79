import { escapeHtml, type Mail } from './mailer';
import type { PendingInvitation } from './invitation-mail.queries';

/** The role in words, as the web client says it. */
const ROLE_WORDS: Record<PendingInvitation['role'], string> = {
  coordinator: 'coordinator of the programme',
  expert: 'expert',
  'city-member': 'member of the city team',
};

const day = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);

/**
 * The invitation e-mail: who invites, to which programme, for which organisation and role, the link and until when
 * it works. Its Message-ID names the invitation and which send it is, so a resend is a new message.
 */
export function invitationMail(i: PendingInvitation, publicUrl: string): Mail {
  const url = `${publicUrl}/invitations/${i.token}`;
  const role = ROLE_WORDS[i.role];
  const until = day(new Date(i.expiresAt));
  const subject = `${i.inviterName} invites you to ${i.programmeName} on CityMentor`;
  const text = `Hello,

${i.inviterName} invites you to join the programme "${i.programmeName}" on CityMentor, for ${i.organisationName}, as ${role}.

Accept the invitation: ${url}

The link works once, until ${until} (UTC). If you did not expect this e-mail, ignore it: nothing happens unless you open the link.
`;
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<p>Hello,</p>
<p>${escapeHtml(i.inviterName)} invites you to join the programme <strong>${escapeHtml(i.programmeName)}</strong> on CityMentor, for ${escapeHtml(i.organisationName)}, as ${escapeHtml(role)}.</p>
<p><a href="${escapeHtml(url)}">Accept the invitation</a></p>
<p>The link works once, until ${escapeHtml(until)} (UTC). If you did not expect this e-mail, ignore it: nothing happens unless you open the link.</p>
</body></html>`;
  return {
    to: { name: '', address: i.email },
    subject,
    text,
    html,
    messageId: `<invitation-${i.id}-${i.sendCount}@citymentor>`,
  };
}
