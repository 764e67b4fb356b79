import { escapeHtml, type Mail } from './mailer';

export interface MailedNotification {
  id: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
}

export interface Recipient {
  name: string;
  email: string;
}

const absolute = (publicUrl: string, link: string) => `${publicUrl}${link.startsWith('/') ? '' : '/'}${link}`;

const footer = (publicUrl: string) => ({
  text: `\n--\nYou get these e-mails from CityMentor. Choose immediate, daily or no e-mails in your settings: ${publicUrl}/settings/notifications`,
  html: `<p style="color:#666;font-size:12px">You get these e-mails from CityMentor. <a href="${escapeHtml(publicUrl)}/settings/notifications">Choose immediate, daily or no e-mails</a>.</p>`,
});

/** One notification, one e-mail: the title as subject, the body, and a link back to where it happened. */
export function notificationMail(n: MailedNotification, to: Recipient, publicUrl: string): Mail {
  const url = absolute(publicUrl, n.link);
  const f = footer(publicUrl);
  return {
    to: { name: to.name, address: to.email },
    subject: n.title,
    messageId: `<notification-${n.id}@citymentor>`,
    text: `Hello ${to.name},\n\n${n.title}\n${n.body ? `\n${n.body}\n` : ''}\nOpen it: ${url}\n${f.text}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif">
<p>Hello ${escapeHtml(to.name)},</p>
<p><strong>${escapeHtml(n.title)}</strong></p>
${n.body ? `<p>${escapeHtml(n.body).replace(/\n/g, '<br>')}</p>` : ''}
<p><a href="${escapeHtml(url)}">Open it in CityMentor</a></p>
${f.html}
</body></html>`,
  };
}

/** A day's notifications in one e-mail, newest last, each with its link. */
export function digestMail(
  items: MailedNotification[],
  to: Recipient,
  day: string,
  publicUrl: string,
  userId: string,
): Mail {
  const f = footer(publicUrl);
  const subject = `CityMentor: ${items.length} notification${items.length === 1 ? '' : 's'} (${day})`;
  return {
    to: { name: to.name, address: to.email },
    subject,
    messageId: `<digest-${userId}-${day}@citymentor>`,
    text: `Hello ${to.name},\n\nWhat happened in CityMentor:\n\n${items
      .map(
        (n) => `* ${n.title}${n.body ? `\n  ${n.body.replace(/\n/g, '\n  ')}` : ''}\n  ${absolute(publicUrl, n.link)}`,
      )
      .join('\n\n')}\n${f.text}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif">
<p>Hello ${escapeHtml(to.name)},</p>
<p>What happened in CityMentor:</p>
<ul>
${items.map((n) => `<li><a href="${escapeHtml(absolute(publicUrl, n.link))}">${escapeHtml(n.title)}</a>${n.body ? `<br>${escapeHtml(n.body)}` : ''}</li>`).join('\n')}
</ul>
${f.html}
</body></html>`,
  };
}
