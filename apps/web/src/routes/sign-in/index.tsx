import { useState } from 'preact/hooks';
import { ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { usePageTitle } from '../../components/page-title';
import { t } from '../../i18n';
import { Redirect, safeNext, type PageProps } from '../../router';
import { signIn, useSession, useSessionEnd } from '../../session';

export default function SignInPage({ query }: PageProps) {
  usePageTitle(t('signIn.title'));
  const session = useSession();
  const ended = useSessionEnd();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit();

  if (session) return <Redirect to={safeNext(query.next) ?? '/'} />;

  return (
    <section class="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {ended && (
        <p class="notice" role="status">
          {t(
            ended === 'expired'
              ? 'signIn.expired'
              : ended === 'account-deleted'
                ? 'signIn.accountDeleted'
                : 'signIn.passwordChanged',
          )}
        </p>
      )}
      <p>{t('signIn.intro')}</p>
      {error !== null && <ErrorNotice error={error} />}
      {/* Signed in, the session changes and this page redirects (to `next`). */}
      <form class="form" onSubmit={submit(() => signIn(email.trim(), password))}>
        <div class="field">
          <label for="email">{t('signIn.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="password">{t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
