/**
 * Invitations: a form to invite someone (e-mailed by the server; the link is shown once to copy), and every
 * invitation with its status, with Resend (a new link, e-mailed again) and Revoke (the link dead at once).
 */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { roleLabel, type Role } from '../programmes/labels';
import { Badge, ErrorNotice, Loading } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatDate, formatDateTime, t, type MessageKey } from '../../i18n';
import { InvitationLink, type ShownLink } from './invitation-link';

type Organisation = Schemas['OrganisationDto'];
type Invitation = Schemas['InvitationDto'];
const TONE = { pending: 'neutral', accepted: 'good', expired: 'warn', revoked: 'late' } as const;
const ROLES: Role[] = ['city-member', 'expert', 'coordinator'];

export function Invitations({ programmeId, organisations }: { programmeId: string; organisations: Organisation[] }) {
  const list = useResource(
    (signal) => api.get('/api/v1/programmes/{id}/invitations', { path: { id: programmeId }, signal }),
    [programmeId],
  );
  const [email, setEmail] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState<Role>('city-member');
  const { busy, error, submit } = useSubmit();
  const actions = useSubmit();
  const [link, setLink] = useState<ShownLink | null>(null);
  const sorted = [...organisations].sort((a, b) => a.name.localeCompare(b.name));

  const invite = async () => {
    const created = await api.post('/api/v1/programmes/{id}/invitations', {
      path: { id: programmeId },
      body: { email: email.trim(), organisationId, role },
    });
    setLink({ email: created.email, url: created.acceptUrl, resent: false });
    setEmail('');
    list.reload();
  };

  const act = (i: Invitation, action: 'resend' | 'revoke') =>
    actions.submit(async () => {
      const path = { id: programmeId, invitationId: i.id };
      if (action === 'resend') {
        const resent = await api.post('/api/v1/programmes/{id}/invitations/{invitationId}/resend', { path });
        setLink({ email: resent.email, url: resent.acceptUrl, resent: true });
      } else {
        await api.post('/api/v1/programmes/{id}/invitations/{invitationId}/revoke', { path });
        setLink(null);
      }
      list.reload();
    }, `${action}:${i.id}`);

  return (
    <section class="panel" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('invite.title')}</h2>
      <form class="form" onSubmit={submit(invite)}>
        <div class="field">
          <label for="invite-email">{t('invitation.email')}</label>
          <input
            id="invite-email"
            type="email"
            required
            autoComplete="off"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="invite-organisation">{t('invite.organisation')}</label>
          <select
            id="invite-organisation"
            required
            value={organisationId}
            onChange={(e) => setOrganisationId(e.currentTarget.value)}
          >
            <option value="">{t('manage.choose')}</option>
            {sorted.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="invite-role">{t('invite.role')}</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        {error !== null && <ErrorNotice error={error} />}
        <button type="submit" class="button" disabled={busy}>
          {t('invite.send')}
        </button>
      </form>
      {link && <InvitationLink link={link} />}
      <h3>{t('invite.list')}</h3>
      {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && list.error === undefined && <Loading />}
      {list.data && list.data.length === 0 && <p>{t('invite.none')}</p>}
      {actions.error !== null && <ErrorNotice error={actions.error} />}
      {list.data && list.data.length > 0 && (
        <ul class="plain-list invitation-list">
          {list.data.map((i) => (
            <li key={i.id} class="invitation-list__item">
              <div>
                <strong>{i.email}</strong>{' '}
                <span class="muted">
                  · {i.organisation.name} · {roleLabel(i.role)}
                </span>{' '}
                <Badge tone={TONE[i.status]}>{t(`invite.status.${i.status}` as MessageKey)}</Badge>
                <br />
                <span class="muted">
                  {t('invite.sentAt', { date: formatDateTime(i.sentAt) })}
                  {i.status === 'pending' && ` · ${t('invite.expires', { date: formatDate(i.expiresAt) })}`}
                  {i.status === 'expired' && ` · ${t('invite.expiredOn', { date: formatDate(i.expiresAt) })}`}
                </span>
              </div>
              {(i.status === 'pending' || i.status === 'expired') && (
                <div class="invitation-list__actions">
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    aria-label={t('invite.resendTo', { email: i.email })}
                    disabled={actions.busy}
                    onClick={act(i, 'resend')}
                  >
                    {t('invite.resend')}
                  </button>
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    aria-label={t('invite.revokeFor', { email: i.email })}
                    disabled={actions.busy}
                    onClick={act(i, 'revoke')}
                  >
                    {t('invite.revoke')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
