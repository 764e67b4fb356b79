/**
 * Keyboard focus for inline forms (a form that opens in place of, or below, the button that opened it):
 * the first field gets the focus when the form opens, and the opener gets it back when the form closes
 * (saved or cancelled), so a keyboard user goes on from where they were.
 */
import { useEffect, useRef } from 'preact/hooks';

const FIELD = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/** A ref for the form (or its container): its first field is focused once, when it mounts. */
export function useFocusFirstField<T extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>(FIELD)?.focus();
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
