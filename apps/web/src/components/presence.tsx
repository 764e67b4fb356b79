import { t } from '../i18n';
import { usePresence, useTyping } from '../realtime';
import { useSession } from '../session';
import { initials } from './labels';

/**
 * Who has this room open now: initials in circles, names for everyone (title and screen-reader text).
 * The row keeps its height while nobody is known yet (the socket connects after the page is shown), so
 * the avatars arriving push nothing down.
 */
export function PresenceAvatars({ room }: { room: string }) {
  const people = usePresence(room);
  const me = useSession()?.user.id;
  if (people.length === 0) return <div class="presence" aria-hidden="true" />;
  return (
    <div class="presence" data-testid="presence">
      <span class="presence__label">{t('presence.here')}</span>
      <ul class="presence__list">
        {people.map((p) => {
          const name = p.id === me ? t('presence.you', { name: p.name }) : p.name;
          return (
            <li
              key={p.id}
              class={p.id === me ? 'avatar avatar--me' : 'avatar'}
              title={name}
              data-user={p.id}
              data-user-content
            >
              <span aria-hidden="true">{initials(p.name)}</span>
              <span class="visually-hidden">{name}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** "Mikko Mentor is typing…" for others typing into `target` (or anywhere in the room). */
export function TypingIndicator({ room, target }: { room: string; target?: string }) {
  const typing = useTyping(room, target);
  const names = [...new Set(typing.map((x) => x.user.name))];
  return (
    <p class="typing" aria-live="polite" data-testid="typing">
      {names.length === 1 && t('typing.one', { name: names[0] })}
      {names.length > 1 && t('typing.many', { names: names.join(', ') })}
    </p>
  );
}
