/**
 * @mentions in a comment box as a WAI-ARIA combobox (the "list autocomplete" pattern of the APG): the
 * textarea is the combobox; typing `@` opens a listbox of the people who may be mentioned, filtered by
 * what follows the `@`. ArrowDown/ArrowUp move through it (the focus stays in the textarea, the option is
 * named by aria-activedescendant), Enter or Tab chooses, Escape closes it until another `@` is typed; a
 * click chooses too. How many match is said in a polite live region. The text work is in mention-text.ts.
 */
import type { JSX, RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../i18n';
import { insertMention, matchMentions, mentionAt, type MentionQuery } from './mention-text';
import type { Mentionable } from './comments';

type AreaProps = Pick<
  JSX.HTMLAttributes<HTMLTextAreaElement>,
  | 'role'
  | 'aria-autocomplete'
  | 'aria-expanded'
  | 'aria-controls'
  | 'aria-activedescendant'
  | 'onKeyDown'
  | 'onClick'
  | 'onKeyUp'
  | 'onBlur'
>;

/**
 * The combobox for the textarea `area` whose text is `text`; `replace` puts a new text in (as typing would).
 * Spread `areaProps` on the textarea, call `follow` from its input handler, and render `popup` after it.
 */
export function useMentionCombobox({
  id,
  area,
  people,
  text,
  replace,
}: {
  /** Unique on the page; the listbox's id and its options' ids start with it. */
  id: string;
  area: RefObject<HTMLTextAreaElement>;
  people: Mentionable[];
  text: string;
  replace: (text: string) => void;
}) {
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(-1);
  /** The `@` the person closed the list at (Escape): it stays closed until they type another one. */
  const dismissed = useRef<number | null>(null);
  const matches = mention ? matchMentions(people, mention.query) : [];
  const open = matches.length > 0;
  const listId = `${id}-mentions`;
  const optionId = (person: Mentionable) => `${listId}-${person.id}`;

  /** Reads the mention at the caret again, after typing or a caret move. */
  const follow = () => {
    const el = area.current;
    const found = el && el.selectionStart === el.selectionEnd ? mentionAt(el.value, el.selectionStart) : null;
    if (found?.start !== dismissed.current) dismissed.current = null;
    const next = found && dismissed.current === null && people.length > 0 ? found : null;
    if (next?.start !== mention?.start || next?.query !== mention?.query) {
      setMention(next);
      setActive(-1);
    }
  };

  const close = () => {
    setMention(null);
    setActive(-1);
  };

  const choose = (person: Mentionable) => {
    const el = area.current;
    if (!el || !mention) return;
    const done = insertMention(text, mention, el.selectionStart, person);
    // The textarea gets the text and caret now; the re-render finds its value already there and keeps both.
    el.value = done.text;
    el.setSelectionRange(done.caret, done.caret);
    el.focus();
    replace(done.text);
    close();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!open || !mention) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = matches.length;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0 && !e.shiftKey) {
      e.preventDefault();
      choose(matches[Math.min(active, matches.length - 1)]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      dismissed.current = mention.start;
      close();
    }
  };

  // The active option stays in sight in a list that scrolls.
  useLayoutEffect(() => {
    if (open && active >= 0) document.getElementById(optionId(matches[active]))?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active]);

  const count = `${id}-mention-count`;
  const areaProps: AreaProps = {
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': open,
    'aria-controls': listId,
    'aria-activedescendant': open && active >= 0 ? optionId(matches[active]) : undefined,
    onKeyDown,
    // The caret moved without typing (arrows while the list is closed, Home, a click): the mention may be another.
    onKeyUp: (e) => {
      if (/^(Arrow|Home|End|Page)/.test(e.key)) follow();
    },
    onClick: follow,
    onBlur: close,
  };

  const popup = (
    <>
      <ul id={listId} role="listbox" class="mentions" aria-label={t('comments.mentionList')} hidden={!open}>
        {matches.map((person, i) => (
          <li
            key={person.id}
            id={optionId(person)}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'mentions__option mentions__option--active' : 'mentions__option'}
            // The textarea keeps the focus (and its caret) while the option is clicked.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(person)}
          >
            <span data-user-content>{person.name}</span>
            {person.organisationName && (
              <span class="muted" data-user-content>
                {' · '}
                {person.organisationName}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p id={count} class="visually-hidden" aria-live="polite">
        {mention ? (open ? tn('comments.mentionMatches', matches.length) : t('comments.mentionNoMatch')) : ''}
      </p>
    </>
  );

  return { areaProps, follow, popup };
}
