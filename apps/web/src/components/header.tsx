import { useEffect, useState } from 'preact/hooks';
import { LOCALES, setLocale, t, useLocale, type Locale } from '../i18n';
import { loadProgrammes, useProgrammes } from '../programmes';
import { Link, useLocation, useNavigate } from '../router';
import { signOut, type Session } from '../session';
import { dropAllDrafts } from './drafts';
import { NotificationsBell } from './notifications';
import { WorkLink } from './work-link';

function LanguageSwitcher() {
  const current = useLocale();
  return (
    <div class="field field--inline">
      <label for="language">{t('language.label')}</label>
      <select id="language" value={current} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
        {(Object.keys(LOCALES) as Locale[]).map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Jumps between the user's programmes. A form with a button, so moving through the options never navigates by itself. */
function ProgrammeSwitcher() {
  const { list } = useProgrammes();
  const { path } = useLocation();
  const navigate = useNavigate();
  // Any page inside a programme (its pairs, plans, dashboard…) counts as that programme.
  const open = /^\/programmes\/([^/]+)/.exec(path)?.[1] ?? '';
  const [chosen, setChosen] = useState(open);
  useEffect(() => void loadProgrammes(), []);
  useEffect(() => setChosen(open), [open]);
  // Until the list comes, a disabled switcher of the same size holds its place: the header does not grow.
  if (list?.length === 0) return null;
  const waiting = !list;
  return (
    <form
      class="switcher"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen && chosen !== open) navigate(`/programmes/${chosen}`);
      }}
    >
      <div class="field field--inline">
        <label for="programme-switcher">{t('switcher.label')}</label>
        <select
          id="programme-switcher"
          value={waiting ? '' : chosen}
          disabled={waiting}
          onChange={(e) => setChosen(e.currentTarget.value)}
        >
          {waiting && <option value="">{t('common.loading')}</option>}
          {!waiting && !open && <option value="">{t('switcher.choose')}</option>}
          {list?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button--secondary" disabled={waiting}>
        {t('switcher.open')}
      </button>
    </form>
  );
}

export function Header({ session }: { session: Session | null }) {
  // On a phone the navigation and tools fold into a menu; the bell stays in sight.
  const [open, setOpen] = useState(false);
  const { path } = useLocation();
  const navigate = useNavigate();
  useEffect(() => setOpen(false), [path]);
  return (
    <header
      class="site-header"
      onKeyDown={(e) => e.key === 'Escape' && open && (setOpen(false), document.getElementById('menu-toggle')?.focus())}
    >
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div class="site-header__inner">
        <Link href={session ? '/' : '/sign-in'} class="brand" aria-current={undefined}>
          {t('app.name')}
        </Link>
        {session && (
          <div class="site-header__quick">
            <NotificationsBell userId={session.user.id} />
            <button
              id="menu-toggle"
              type="button"
              class="button button--secondary menu-toggle"
              aria-expanded={open}
              aria-controls="site-menu"
              onClick={() => setOpen(!open)}
            >
              {t('nav.menu')}
            </button>
          </div>
        )}
        <div id="site-menu" class="site-menu" data-open={open}>
          {session && (
            <nav aria-label={t('nav.label')} class="site-nav">
              <ul>
                <li>
                  <WorkLink userId={session.user.id} />
                </li>
                <li>
                  <Link href="/programmes">{t('nav.programmes')}</Link>
                </li>
                <li>
                  <Link href="/benchmarks">{t('nav.benchmarks')}</Link>
                </li>
                {session.user.isAdmin && (
                  <li>
                    <Link href="/admin/audit">{t('nav.audit')}</Link>
                  </li>
                )}
              </ul>
            </nav>
          )}
          <div class="site-header__tools">
            {session && <ProgrammeSwitcher />}
            <LanguageSwitcher />
            {session && (
              <div class="account">
                <span class="account__name">
                  {t('nav.signedInAs', { name: '' })}
                  <Link href="/account" data-user-content>
                    {session.user.name}
                  </Link>
                </span>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => void signOut().then(() => (dropAllDrafts(), navigate('/sign-in', { replace: true })))}
                >
                  {t('nav.signOut')}
                </button>
              </div>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}
