import type { ComponentType } from 'preact';
import { lazy, LocationProvider, Route, Router, useRoute } from 'preact-iso';
import { ClosedBanner } from './components/closed-banner';
import { Header } from './components/header';
import { ConnectionBanner } from './realtime/connection-banner';
import { t, useLocale } from './i18n';
import { Redirect, type PageProps } from './router';
import { useSession } from './session';
import { createStore, useStore } from './store';

type Page = ComponentType<PageProps>;

/** Shown in place of a page whose chunk could not be loaded (offline, a deploy replaced it). */
function LoadFailed() {
  return (
    <div class="notice notice--error" role="alert">
      <p>{t('app.loadFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}

/**
 * The page's chunk, loaded on first use. The page re-renders on a language change by itself: preact-iso's
 * Router hands back the same element for an unchanged address, so the App's re-render stops above it.
 */
function load(chunk: () => Promise<{ default: Page }>): Page {
  const Lazy = lazy(() => chunk().catch(() => ({ default: LoadFailed as Page })));
  return function Localised(props) {
    useLocale();
    return <Lazy {...props} />;
  };
}

/** A page for signed-in people: anyone else is sent to sign in, and brought back here afterwards. */
function signedIn(Page: Page): Page {
  return function SignedIn(props) {
    const session = useSession();
    // The route's own address, not the location's: this page stays shown while the sign-in page loads.
    const { path, query } = useRoute();
    if (session) return <Page {...props} />;
    const search = new URLSearchParams(query).toString();
    return <Redirect to={`/sign-in?next=${encodeURIComponent(search ? `${path}?${search}` : path)}`} />;
  };
}

const Work = signedIn(load(() => import('./routes/work')));
const SignIn = load(() => import('./routes/sign-in'));
const Programmes = signedIn(load(() => import('./routes/programmes')));
const Programme = signedIn(load(() => import('./routes/programmes/programme')));
const Pair = signedIn(load(() => import('./routes/pair')));
const Assessment = signedIn(load(() => import('./routes/assessment')));
const Plan = signedIn(load(() => import('./routes/plan')));
const Dashboard = signedIn(load(() => import('./routes/dashboard')));
const Manage = signedIn(load(() => import('./routes/manage')));
const Activity = signedIn(load(() => import('./routes/activity')));
const Account = signedIn(load(() => import('./routes/account')));
const Benchmarks = signedIn(load(() => import('./routes/benchmarks')));
const Benchmark = signedIn(load(() => import('./routes/benchmarks/benchmark')));
const Invitation = load(() => import('./routes/invitation'));
const NotFound = load(() => import('./routes/not-found'));

/** The first page's chunk is on its way: nothing else is shown yet. (Later, the page shown stays until the next is in.) */
const firstLoad = createStore<'waiting' | 'loading' | 'done'>('waiting');

function FirstLoad() {
  return useStore(firstLoad) === 'loading' ? <p class="loading">{t('common.loading')}</p> : null;
}

/** After an in-app navigation, focus moves to the page so screen readers and keyboards start there. */
function focusMain() {
  document.getElementById('main')?.focus({ preventScroll: true });
}

export function App() {
  useLocale(); // a language change re-renders the header and footer; each page follows it itself (load)
  const session = useSession();
  return (
    <LocationProvider>
      <Header session={session} />
      {session && <ConnectionBanner />}
      <main id="main" class="page" tabIndex={-1}>
        {session && <ClosedBanner />}
        <FirstLoad />
        <Router
          onLoadStart={() => firstLoad.get() === 'waiting' && firstLoad.set('loading')}
          onLoadEnd={() => firstLoad.set('done')}
          onRouteChange={focusMain}
        >
          <Route path="/" component={Work} />
          <Route path="/sign-in" component={SignIn} />
          <Route path="/programmes" component={Programmes} />
          <Route path="/programmes/:id" component={Programme} />
          <Route path="/programmes/:id/pairs/:pairId" component={Pair} />
          <Route path="/programmes/:id/assessments/:assessmentId" component={Assessment} />
          <Route path="/programmes/:id/plans/:planId" component={Plan} />
          <Route path="/programmes/:id/dashboard" component={Dashboard} />
          <Route path="/programmes/:id/manage" component={Manage} />
          <Route path="/programmes/:id/activity" component={Activity} />
          <Route path="/account" component={Account} />
          <Route path="/benchmarks" component={Benchmarks} />
          <Route path="/benchmarks/:code" component={Benchmark} />
          <Route path="/invitations/:token" component={Invitation} />
          <Route default component={NotFound} />
        </Router>
      </main>
      <footer class="site-footer">
        <p>{t('app.tagline')}</p>
      </footer>
    </LocationProvider>
  );
}
