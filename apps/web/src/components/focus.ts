/**
 * Keyboard focus for inline forms (a form that opens in place of, or below, the button that opened it):
 * the first field gets the focus when the form opens, and the opener gets it back when the form closes
 * (saved or cancelled), so a keyboard user goes on from where they were.
 *
 * The focus moves as the form is put on screen (a layout effect), never after it was painted: a plain
 * effect runs a frame later, or much later on a busy machine, and by then the person may already be
 * typing in another field of the form, whose next keystrokes would land in the first field instead.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

const FIELD = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/** A ref for the form (or its container): its first field is focused once, when it mounts, unless the person is in one already. */
export function useFocusFirstField<T extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const form = ref.current;
    if (!form || form.contains(document.activeElement)) return;
    form.querySelector<HTMLElement>(FIELD)?.focus();
  }, []);
  return ref;
}

/**
 * A ref for the opener: while `open` goes from true to false it gets the focus back (it is usually
 * rendered again in place of the closed form, so this runs after that render). A form closed because
 * the opener is gone for good (the plan was submitted meanwhile) leaves the focus where it is.
 */
export function useReturnFocus<T extends HTMLElement = HTMLButtonElement>(open: boolean) {
  const opener = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open && opener.current?.isConnected) opener.current.focus();
    wasOpen.current = open;
  }, [open]);
  return opener;
}
