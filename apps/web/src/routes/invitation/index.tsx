import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { usePageTitle } from '../../components/page-title';
import { ErrorNotice, Loading } from '../../components/status';
import { formatDate, t } from '../../i18n';
import { navigate, type PageProps } from '../../router';
import { adopt, useSession } from '../../session';
import { roleLabel } from '../programmes/labels';

const MIN_PASSWORD = 10;

export default function InvitationPage({ params }: PageProps) {
  const token = params.token!;
  const session = useSession();
  const preview = useResource((signal) => api.get('/api/v1/invitations/{token}', { path: { token }, signal, auth: false }), [token]);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const invitation = preview.data;
  usePageTitle(invitation ? t('invitation.title', { programme: invitation.programmeName }) : undefined);

  if (preview.error !== undefined) {
    const gone = preview.error instanceof ApiError && preview.error.status === 404;
    return gone ? (
      <div class="notice notice--error" role="alert">
        <p>{t('invitation.invalid')}</p>
      </div>
    ) : (
      <ErrorNotice error={preview.error} onRetry={preview.reload} />
    );
  }
  if (!invitation) return <Loading />;

  const newAccount = !invitation.accountExists;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const dto = await api.post('/api/v1/invitations/{token}/accept', {
        path: { token },
        body: newAccount ? { name: name.trim(), password } : { password },
        auth: false,
      });
      adopt(dto);
      navigate('/programmes', { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <section class="narrow" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t('invitation.title', { programme: invitation.programmeName })}</h1>
      <p>
        {t('invitation.summary', {
          programme: invitation.programmeName,
          organisation: invitation.organisationName,
          role: roleLabel(invitation.role),
        })}
      </p>
      <p class="muted">{t('invitation.expires', { date: formatDate(invitation.expiresAt) })}</p>
      {session && session.user.email !== invitation.email && (
        <p class="notice">{t('invitation.signedInAsOther', { name: session.user.name })}</p>
      )}
      {!newAccount && <p>{t('invitation.accountExists')}</p>}
      {error !== null && <ErrorNotice error={error} />}
      <form class="form" onSubmit={submit}>
        <div class="field">
          <label for="invitation-email">{t('invitation.email')}</label>
          <input id="invitation-email" type="email" value={invitation.email} readOnly autoComplete="username" />
        </div>
        {newAccount && (
          <div class="field">
            <label for="invitation-name">{t('invitation.name')}</label>
            <input
              id="invitation-name"
              autoComplete="name"
              required
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </div>
        )}
        <div class="field">
          <label for="invitation-password">{newAccount ? t('invitation.newPassword') : t('invitation.currentPassword')}</label>
          <input
            id="invitation-password"
            type="password"
            autoComplete={newAccount ? 'new-password' : 'current-password'}
            required
            minLength={newAccount ? MIN_PASSWORD : undefined}
            aria-describedby={newAccount ? 'invitation-password-hint' : undefined}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          {newAccount && (
            <p id="invitation-password-hint" class="hint">
              {t('invitation.passwordHint')}
            </p>
          )}
        </div>
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('invitation.accepting') : t('invitation.accept')}
        </button>
      </form>
    </section>
  );
}
