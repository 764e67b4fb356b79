/**
 * `/account`: who I am, and changing my password — checked as it is typed by the API's own policy
 * (the strength meter), and refused with the reason before anything is sent. A change ends every
 * session, this one included: the page says so and sends the person to sign in with the new one.
 * Below, "Your data": an export of everything CityMentor holds about the person (my-data.tsx); for the
 * installation admin, the way to the job board (job-board-link.tsx).
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH, type PasswordVerdict } from '@citymentor/contracts';
import { api } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import {
  judgePassword,
  PasswordReasons,
  PasswordStrength,
  usePasswordChecker,
} from '../../components/password-strength';
import { ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { t } from '../../i18n';
import { useNavigate } from '../../router';
import { endedBecause, useSession } from '../../session';
import { DeleteAccount } from './delete-account';
import { JobBoardLink } from './job-board-link';
import { MyData } from './my-data';
import '../../work.css';

export default function AccountPage() {
  usePageTitle(t('account.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { busy, error, submit } = useSubmit();
  const [refused, setRefused] = useState<PasswordVerdict | null>(null);
  const nextInput = useRef<HTMLInputElement>(null);
  const checker = usePasswordChecker(true);
  const owner = { name: session?.user.name ?? '', email: session?.user.email ?? '' };
  const verdict = useMemo(
    () => (checker && next ? checker(next, owner) : null),
    [checker, next, owner.name, owner.email],
  );
  if (!session) return null;

  const change = async () => {
    setRefused(null);
    const judged = await judgePassword(checker, next, owner);
    if (judged && !judged.ok) {
      setRefused(judged);
      nextInput.current?.focus();
      return;
    }
    await api.post('/api/v1/me/password', { body: { currentPassword: current, newPassword: next } });
    // Every session ended on the server, this one included.
    endedBecause('password-changed');
    navigate('/sign-in', { replace: true });
  };

  return (
    <section class="narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <p>
        <span data-user-content>{session.user.name}</span> · <span data-user-content>{session.user.email}</span>
      </p>
      <h2 id="password-title">{t('account.passwordTitle')}</h2>
      <p>{t('account.passwordIntro')}</p>
      {error !== null && <ErrorNotice error={error} />}
      {refused && (
        <div id="account-password-refused" class="notice notice--error" role="alert">
          <p>{t('password.refused')}</p>
          <PasswordReasons verdict={refused} />
          <p>{t('password.advice', { min: PASSWORD_MIN_LENGTH })}</p>
        </div>
      )}
      <form class="form" onSubmit={submit(change)} aria-labelledby="password-title">
        <input type="email" autoComplete="username" value={session.user.email} readOnly hidden />
        <div class="field">
          <label for="current-password">{t('invitation.currentPassword')}</label>
          <input
            id="current-password"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="new-password">{t('account.newPassword')}</label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            ref={nextInput}
            required
            minLength={PASSWORD_MIN_LENGTH}
            aria-describedby={`new-password-hint new-password-strength${refused ? ' account-password-refused' : ''}`}
            aria-invalid={refused ? true : undefined}
            value={next}
            onInput={(e) => {
              setNext(e.currentTarget.value);
              setRefused(null);
            }}
          />
          <p id="new-password-hint" class="hint">
            {t('password.advice', { min: PASSWORD_MIN_LENGTH })}
          </p>
          <PasswordStrength id="new-password-strength" verdict={verdict} />
        </div>
        <button type="submit" class="button" disabled={busy}>
          {t('account.changePassword')}
        </button>
      </form>
      <MyData userId={session.user.id} />
      {session.user.isAdmin && <JobBoardLink />}
      <DeleteAccount />
    </section>
  );
}
