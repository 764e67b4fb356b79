/**
 * Routing is preact-iso's (`LocationProvider`, `Router`, `Route`, `lazy`; app.tsx lists the routes, each
 * page its own chunk). It follows every same-origin `<a href>` click (not `#…` ones, not modified clicks),
 * so a plain link navigates without reloading. Paths are real (`/invitations/<token>` is the link the API
 * e-mails), so the server answers index.html for them (see apps/api/src/web/serve-web.ts).
 *
 * What is ours: the props a page gets, `Link` (marks the current page), `Redirect`, `useNavigate`,
 * the scroll to a `#part` once shown, and the check of a `next` address after signing in.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';

export { useLocation };

/** What preact-iso's Router gives the page it shows: the pattern's parameters and the query string. */
export interface PageProps {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
}

/** Goes to `to` (a same-origin path with its query); `replace` leaves no history entry behind. */
export function useNavigate(): (to: string, options?: { replace?: boolean }) => void {
  const { route } = useLocation();
  return (to, options = {}) => route(to, options.replace);
}

/**
 * A link to a part of a page (`#stalled`, `#settings`, as alerts and other pages give) scrolls there
 * once `ready` says what is above it has been shown, and again when the location changes.
 */
export function useScrollToHash(ready: boolean) {
  const { url } = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (ready && id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [ready, url]);
}

/** A same-origin path that is safe to go back to after signing in (no `//evil.example`). */
export function safeNext(value: string | null | undefined): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;
}

type AnchorProps = JSX.HTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren };

/** An <a> (the LocationProvider turns its click into a navigation) that says whether it is the current page. */
export function Link({ href, ...rest }: AnchorProps) {
  const { path } = useLocation();
  return <a href={href} aria-current={path === href ? 'page' : undefined} {...rest} />;
}

/**
 * Goes to `to` in place of the page being shown, unless a navigation has left that page meanwhile (signing
 * out goes to /sign-in itself: the page it leaves must not then send the person on to `/sign-in?next=…`).
 */
export function Redirect({ to }: { to: string }) {
  const { route, url } = useLocation();
  useEffect(() => {
    if (window.location.pathname + window.location.search === url) route(to, true);
  }, [to]);
  return null;
}
