import type { ComponentType } from 'preact';
import { lazy, LocationProvider, Route, Router, useRoute } from 'preact-iso';
import { ClosedBanner } from './components/closed-banner';
import { Header } from './components/header';
import { pageShown } from './realtime';
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

type Chunk = () => Promise<{ default: Page }>;

/** Each page's path and chunk; `public`: shown without signing in. */
const PAGES: { path: string; chunk: Chunk; public?: true }[] = [
  { path: '/', chunk: () => import('./routes/work') },
  { path: '/sign-in', chunk: () => import('./routes/sign-in'), public: true },
  { path: '/programmes', chunk: () => import('./routes/programmes') },
  { path: '/programmes/:id', chunk: () => import('./routes/programmes/programme') },
  { path: '/programmes/:id/pairs/:pairId', chunk: () => import('./routes/pair') },
  { path: '/programmes/:id/assessments/:assessmentId', chunk: () => import('./routes/assessment') },
  { path: '/programmes/:id/plans/:planId', chunk: () => import('./routes/plan') },
  { path: '/programmes/:id/dashboard', chunk: () => import('./routes/dashboard') },
  { path: '/programmes/:id/manage', chunk: () => import('./routes/manage') },
  { path: '/programmes/:id/activity', chunk: () => import('./routes/activity') },
  { path: '/account', chunk: () => import('./routes/account') },
  { path: '/admin/audit', chunk: () => import('./routes/admin/audit') },
  { path: '/benchmarks', chunk: () => import('./routes/benchmarks') },
  { path: '/benchmarks/:code', chunk: () => import('./routes/benchmarks/benchmark') },
  { path: '/invitations/:token', chunk: () => import('./routes/invitation'), public: true },
];
const notFound: Chunk = () => import('./routes/not-found');

const matches = (pattern: string, path: string) => {
  const want = pattern.split('/');
  const have = path.replace(/\/+$/, '').split('/');
  if (pattern === '/') return path === '/';
  return (
    want.length === have.length && want.every((part, i) => (part.startsWith(':') ? have[i] !== '' : part === have[i]))
  );
};

/**
 * Starts loading the chunk (and its styles) of the page at `path`, so that it comes while the session is
 * being restored rather than after: the router's own import of it then finds it loaded.
 */
export function preloadPage(path: string) {
  void (PAGES.find((p) => matches(p.path, path))?.chunk ?? notFound)().catch(() => undefined);
}

const ROUTES = PAGES.map((p) => ({ path: p.path, component: p.public ? load(p.chunk) : signedIn(load(p.chunk)) }));
const NotFound = load(notFound);

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
          onLoadEnd={() => (firstLoad.set('done'), pageShown())}
          onRouteChange={focusMain}
        >
          {ROUTES.map((r) => (
            <Route key={r.path} path={r.path} component={r.component} />
          ))}
          <Route default component={NotFound} />
        </Router>
      </main>
      <footer class="site-footer">
        <p>{t('app.tagline')}</p>
      </footer>
    </LocationProvider>
  );
}
