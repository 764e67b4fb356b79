import { Header } from './components/header';
import { ConnectionBanner } from './realtime/connection-banner';
import { t, useLocale } from './i18n';
import { Redirect, Router, type Location, type Route } from './router';
import { useSession } from './session';

const routes: Route[] = [
  { pattern: '/', load: () => import('./routes/work') },
  { pattern: '/sign-in', public: true, load: () => import('./routes/sign-in') },
  { pattern: '/programmes', load: () => import('./routes/programmes') },
  { pattern: '/programmes/:id', load: () => import('./routes/programmes/programme') },
  { pattern: '/programmes/:id/pairs/:pairId', load: () => import('./routes/pair') },
  { pattern: '/programmes/:id/assessments/:assessmentId', load: () => import('./routes/assessment') },
  { pattern: '/programmes/:id/plans/:planId', load: () => import('./routes/plan') },
  { pattern: '/programmes/:id/dashboard', load: () => import('./routes/dashboard') },
  { pattern: '/programmes/:id/manage', load: () => import('./routes/manage') },
  { pattern: '/programmes/:id/activity', load: () => import('./routes/activity') },
  { pattern: '/account', load: () => import('./routes/account') },
  { pattern: '/benchmarks', load: () => import('./routes/benchmarks') },
  { pattern: '/benchmarks/:code', load: () => import('./routes/benchmarks/benchmark') },
  { pattern: '/invitations/:token', public: true, load: () => import('./routes/invitation') },
  // Last: what the router shows when nothing matches.
  { pattern: '*', public: true, load: () => import('./routes/not-found') },
];

function hereAsNext({ path, query }: Location): string {
  const search = query.toString();
  return encodeURIComponent(search ? `${path}?${search}` : path);
}

export function App() {
  useLocale(); // a language change re-renders everything below
  const session = useSession();
  const guard = (route: Route, where: Location) =>
    route.public || session ? null : <Redirect to={`/sign-in?next=${hereAsNext(where)}`} />;
  return (
    <>
      <Header session={session} />
      {session && <ConnectionBanner />}
      <main id="main" class="page" tabIndex={-1}>
        <Router routes={routes} guard={guard} />
      </main>
      <footer class="site-footer">
        <p>{t('app.tagline')}</p>
      </footer>
    </>
  );
}
