/**
 * "Delete my account" (GDPR art. 17): says what goes and what stays, asks for the password again, then
 * the person is signed out to the sign-in page, which says the account was deleted.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { t } from '../../i18n';
import { useNavigate } from '../../router';
import { endedBecause } from '../../session';

export function DeleteAccount() {
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [sure, setSure] = useState(false);
  const { busy, error, submit } = useSubmit();

  const erase = async () => {
    await api.delete('/api/v1/me', { body: { password } });
    endedBecause('account-deleted');
    navigate('/sign-in', { replace: true });
  };

  return (
    <section class="account-section" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">{t('deleteAccount.title')}</h2>
      <p>{t('deleteAccount.goes')}</p>
      <p>{t('deleteAccount.stays')}</p>
      {error !== null && <ErrorNotice error={error} />}
      <form class="form" onSubmit={submit(erase)} aria-labelledby="delete-account-title">
        <div class="field">
          <label for="delete-account-password">{t('deleteAccount.password')}</label>
          <input
            id="delete-account-password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <label class="check">
          <input type="checkbox" required checked={sure} onChange={(e) => setSure(e.currentTarget.checked)} />{' '}
          {t('deleteAccount.confirm')}
        </label>
        <button type="submit" class="button" disabled={busy || !sure}>
          {t('deleteAccount.submit')}
        </button>
      </form>
    </section>
  );
}
