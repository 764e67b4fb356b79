/** Invitations: who was invited for which organisation, and a form to invite someone (the link is shown to copy). */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { roleLabel, type Role } from '../programmes/labels';
import { Badge, ErrorNotice, Loading } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatDate, t } from '../../i18n';

type Organisation = Schemas['OrganisationDto'];
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
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const sorted = [...organisations].sort((a, b) => a.name.localeCompare(b.name));

  const invite = async () => {
    const created = await api.post('/api/v1/programmes/{id}/invitations', {
      path: { id: programmeId },
      body: { email: email.trim(), organisationId, role },
    });
    setLink({ email: created.email, url: created.acceptUrl });
    setEmail('');
    list.reload();
  };

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
          <label for="invite-role">{t('programme.myRole')}</label>
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
      {link && (
        <div class="notice notice--good" role="status">
          <p>{t('invite.sent', { email: link.email })}</p>
          <label for="invite-link">{t('invite.link')}</label>
          <input id="invite-link" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <h3>{t('invite.list')}</h3>
      {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && list.error === undefined && <Loading />}
      {list.data && list.data.length === 0 && <p>{t('invite.none')}</p>}
      {list.data && list.data.length > 0 && (
        <ul class="plain-list">
          {list.data.map((i) => (
            <li key={i.id}>
              <strong>{i.email}</strong>{' '}
              <span class="muted">
                · {i.organisation.name} · {roleLabel(i.role)}
              </span>{' '}
              {i.acceptedAt ? (
                <Badge tone="good">{t('invite.accepted')}</Badge>
              ) : Date.parse(i.expiresAt) < Date.now() ? (
                <Badge tone="warn">{t('invite.expired')}</Badge>
              ) : (
                <span class="muted">{t('invite.expires', { date: formatDate(i.expiresAt) })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
