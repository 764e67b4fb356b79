import { useMemo, useRef, useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH, type PasswordVerdict } from '@citymentor/contracts';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { usePageTitle } from '../../components/page-title';
import {
  judgePassword,
  PasswordReasons,
  PasswordStrength,
  usePasswordChecker,
} from '../../components/password-strength';
import { ErrorNotice, Loading } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatDate, t } from '../../i18n';
import { useNavigate, type PageProps } from '../../router';
import { adopt, useSession } from '../../session';
import { roleLabel } from '../programmes/labels';
import '../../work.css';

export default function InvitationPage({ params }: PageProps) {
  const token = params.token;
  const session = useSession();
  const navigate = useNavigate();
  const preview = useResource(
    (signal) => api.get('/api/v1/invitations/{token}', { path: { token }, signal, auth: false }),
    [token],
  );
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit();
  /** The policy's verdict on the password last submitted, when it refused it (nothing was sent). */
  const [refused, setRefused] = useState<PasswordVerdict | null>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const invitation = preview.data;
  const choosing = invitation !== undefined && !invitation.accountExists;
  const checker = usePasswordChecker(choosing);
  const verdict = useMemo(
    () =>
      invitation && !invitation.accountExists && checker && password
        ? checker(password, { name, email: invitation.email })
        : null,
    [checker, password, name, invitation],
  );
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
  const accept = async () => {
    setRefused(null);
    if (newAccount) {
      // The API refuses the same passwords (400); saying so here spares a round trip and keeps the reason beside the field.
      const judged = await judgePassword(checker, password, { name, email: invitation.email });
      if (judged && !judged.ok) {
        setRefused(judged);
        passwordInput.current?.focus();
        return;
      }
    }
    const dto = await api.post('/api/v1/invitations/{token}/accept', {
      path: { token },
      body: newAccount ? { name: name.trim(), password } : { password },
      auth: false,
    });
    await adopt(dto); // moves the session's refresh token into the HttpOnly cookie
    navigate('/programmes', { replace: true });
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
      {refused && (
        <div id="invitation-password-refused" class="notice notice--error" role="alert">
          <p>{t('password.refused')}</p>
          <PasswordReasons verdict={refused} />
          <p>{t('password.advice', { min: PASSWORD_MIN_LENGTH })}</p>
        </div>
      )}
      <form class="form" onSubmit={submit(accept)}>
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
          <label for="invitation-password">
            {newAccount ? t('invitation.newPassword') : t('invitation.currentPassword')}
          </label>
          <input
            id="invitation-password"
            type="password"
            autoComplete={newAccount ? 'new-password' : 'current-password'}
            ref={passwordInput}
            required
            minLength={newAccount ? PASSWORD_MIN_LENGTH : undefined}
            aria-describedby={
              newAccount
                ? `invitation-password-hint invitation-password-strength${refused ? ' invitation-password-refused' : ''}`
                : undefined
            }
            aria-invalid={refused ? true : undefined}
            value={password}
            onInput={(e) => {
              setPassword(e.currentTarget.value);
              setRefused(null);
            }}
          />
          {newAccount && (
            <>
              <p id="invitation-password-hint" class="hint">
                {t('password.advice', { min: PASSWORD_MIN_LENGTH })}
              </p>
              <PasswordStrength id="invitation-password-strength" verdict={verdict} />
            </>
          )}
        </div>
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('invitation.accepting') : t('invitation.accept')}
        </button>
      </form>
    </section>
  );
}
