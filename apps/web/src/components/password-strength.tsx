import { useEffect, useState } from 'preact/hooks';
import {
  loadPasswordChecker,
  PASSWORD_MIN_SCORE,
  type PasswordChecker,
  type PasswordOwner,
  type PasswordVerdict,
} from '@citymentor/contracts';
import { t, type MessageKey } from '../i18n';

/**
 * The password policy's checker (libs/contracts/src/password-policy.ts, the API's own rule), loaded
 * when a form that sets a password opens: zxcvbn and its dictionaries are a chunk of their own, outside
 * the first load. Null until it has arrived (or if it could not be loaded: the API still decides).
 */
export function usePasswordChecker(enabled: boolean): PasswordChecker | null {
  const [checker, setChecker] = useState<PasswordChecker | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadPasswordChecker().then(
      (loaded) => live && setChecker(() => loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return checker;
}

/**
 * The verdict on `password` before it is sent: the loaded checker's, or — when the user submits before it
 * arrived — after waiting for it; null if it cannot be had (then the API's answer tells).
 */
export async function judgePassword(
  checker: PasswordChecker | null,
  password: string,
  owner: PasswordOwner,
): Promise<PasswordVerdict | null> {
  const check = checker ?? (await loadPasswordChecker().catch(() => null));
  return check ? check(password, owner) : null;
}

/** zxcvbn's reasons (English, as the API's messages) followed by what would pass, in the page's language. */
export function PasswordReasons({ verdict }: { verdict: PasswordVerdict }) {
  return (
    <>
      {verdict.warning && (
        <p class="strength__warning" lang="en">
          {verdict.warning}
        </p>
      )}
      {verdict.suggestions.length > 0 && (
        <ul class="strength__suggestions" lang="en">
          {verdict.suggestions.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A meter of the password's strength as the user types, with why it is weak. Announced politely. */
export function PasswordStrength({ id, verdict }: { id: string; verdict: PasswordVerdict | null }) {
  return (
    <div id={id} class="strength" aria-live="polite" data-testid="password-strength">
      {verdict && (
        <>
          <div class="strength__meter">
            <label for={`${id}-meter`}>{t('password.strength')}</label>
            <meter
              id={`${id}-meter`}
              min={0}
              max={4}
              low={PASSWORD_MIN_SCORE - 0.5}
              high={PASSWORD_MIN_SCORE + 0.5}
              optimum={4}
              value={verdict.score}
            />
            <span class={verdict.ok ? 'strength__verdict strength__verdict--ok' : 'strength__verdict'}>
              {t(`password.level.${verdict.score}` as MessageKey)} —{' '}
              {verdict.ok ? t('password.strongEnough') : t('password.tooWeak')}
            </span>
          </div>
          {!verdict.ok && <PasswordReasons verdict={verdict} />}
        </>
      )}
    </div>
  );
}
