/**
 * A tiny history router. Routes are patterns (`/programmes/:id`) with a lazy `import()` of the page, so
 * each page is its own chunk. Paths are real (`/invitations/<token>` is the link the API e-mails), so the
 * server answers index.html for them (see apps/api/src/web/serve-web.ts).
 */
import type { ComponentChildren, ComponentType, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';
import { createStore, useStore } from './store';

export interface Location {
  path: string;
  query: URLSearchParams;
}

export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface Route {
  pattern: string;
  load: () => Promise<{ default: ComponentType<PageProps> }>;
  /** Reachable without signing in. */
  public?: boolean;
}

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export const location = createStore<Location>(current());
window.addEventListener('popstate', () => location.set(current()));

export function useLocation(): Location {
  return useStore(location);
}

/**
 * A link to a part of a page (`#stalled`, `#settings`, as alerts and other pages give) scrolls there
 * once `ready` says what is above it has been shown, and again when the location changes.
 */
export function useScrollToHash(ready: boolean) {
  const where = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (ready && id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [ready, where]);
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  location.set(current());
  if (!options.replace) window.scrollTo(0, 0);
}

/** A same-origin path that is safe to go back to after signing in (no `//evil.example`). */
export function safeNext(value: string | null): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;
}

export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i];
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (segment !== got[i]) {
      return null;
    }
  }
  return params;
}

type AnchorProps = JSX.HTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren };

/** An <a> that navigates without reloading; modified clicks (new tab, …) keep the browser's behaviour. */
export function Link({ href, onClick, ...rest }: AnchorProps) {
  const { path } = useLocation();
  const handle = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} aria-current={path === href ? 'page' : undefined} onClick={handle} {...rest} />;
}

export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

const loaded = new Map<Route, ComponentType<PageProps>>();

/** Renders the page whose pattern matches, loading its chunk on first use. */
export function Router({
  routes,
  guard,
}: {
  routes: Route[];
  guard: (route: Route, where: Location) => ComponentChildren | null;
}) {
  const where = useLocation();
  const found = routes.find((r) => match(r.pattern, where.path) !== null) ?? routes[routes.length - 1];
  const params = match(found.pattern, where.path) ?? {};
  const [, setTick] = useState(0);
  const [failed, setFailed] = useState<Route | null>(null);
  const Page = loaded.get(found);

  useEffect(() => {
    if (loaded.has(found)) return;
    let alive = true;
    found.load().then(
      (module) => {
        loaded.set(found, module.default);
        if (alive) setTick((n) => n + 1);
      },
      () => alive && setFailed(found),
    );
    return () => {
      alive = false;
    };
  }, [found]);

  // After an in-app navigation, move focus to the page so screen readers and keyboards start there.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [where.path]);

  const blocked = guard(found, where);
  if (blocked) return <>{blocked}</>;
  if (failed === found) {
    return (
      <div class="notice notice--error" role="alert">
        <p>{t('app.loadFailed')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      </div>
    );
  }
  if (!Page) return <p class="loading">{t('common.loading')}</p>;
  return <Page params={params} query={where.query} />;
}
