/**
 * The notifications bell: unread count, the latest notifications in a panel, live through the user's
 * own room (`user:{id}`, `notification.created`). When the installation has no notifications route
 * (GET /api/v1/notifications answers 404) the bell is not shown at all.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Schemas } from '../api/client';
import { formatDateTime, t, tn } from '../i18n';
import { useLiveReload } from '../realtime';
import { safeNext } from '../router';

type Notification = Schemas['NotificationDto'];
type Page = Schemas['NotificationPageDto'];

/** Links are paths of this client (the router follows them as the link is clicked); anything else is not followed. */
const isLocal = (link: string) => safeNext(link) !== null;

export function NotificationsBell({ userId }: { userId: string }) {
  const [page, setPage] = useState<Page | null>(null);
  const [available, setAvailable] = useState(true);
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.get('/api/v1/notifications', { query: { limit: 10 }, signal: controller.signal }).then(
      (value) => setPage(value),
      (error: unknown) => {
        if (error instanceof ApiError && (error.status === 404 || error.status === 405)) setAvailable(false);
      },
    );
    return () => controller.abort();
  }, [userId, attempt]);

  useLiveReload(
    available ? `user:${userId}` : null,
    () => setAttempt((n) => n + 1),
    (e) => e.type === 'notification.created',
    100,
  );

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  if (!available) return null;
  const unread = page?.unreadCount ?? 0;

  const follow = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) await api.post('/api/v1/notifications/{id}/read', { path: { id: n.id } }).catch(() => undefined);
    setAttempt((x) => x + 1);
  };

  const readAll = async () => {
    await api.post('/api/v1/notifications/read-all').catch(() => undefined);
    setAttempt((x) => x + 1);
  };

  return (
    <div class="bell" ref={root}>
      <button
        ref={button}
        type="button"
        class="bell__button"
        aria-expanded={open}
        aria-controls="notifications-panel"
        onClick={() => setOpen(!open)}
        data-testid="bell"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
            fill="currentColor"
          />
        </svg>
        <span class="visually-hidden">{t('notifications.title')}</span>
        {unread > 0 && (
          <span class="bell__count">
            <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
            <span class="visually-hidden">{tn('notifications.unread', unread)}</span>
          </span>
        )}
      </button>
      {open && (
        <div id="notifications-panel" class="bell__panel" role="region" aria-label={t('notifications.title')}>
          <div class="panel__head">
            <h2 class="bell__title">{t('notifications.title')}</h2>
            {unread > 0 && (
              <button type="button" class="link-button" onClick={() => void readAll()}>
                {t('notifications.readAll')}
              </button>
            )}
          </div>
          {!page || page.items.length === 0 ? (
            <p>{t('notifications.none')}</p>
          ) : (
            <ul class="bell__list">
              {page.items.map((n) => (
                <li key={n.id} class={n.readAt ? 'bell__item' : 'bell__item bell__item--unread'}>
                  <a
                    href={isLocal(n.link) ? n.link : '#'}
                    onClick={(e) => {
                      if (!isLocal(n.link)) e.preventDefault();
                      void follow(n);
                    }}
                  >
                    <span data-user-content>{n.title}</span>
                  </a>
                  {!n.readAt && <span class="visually-hidden"> ({t('notifications.new')})</span>}
                  {n.body && (
                    <p class="bell__body" data-user-content>
                      {n.body}
                    </p>
                  )}
                  <p class="muted bell__when">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
