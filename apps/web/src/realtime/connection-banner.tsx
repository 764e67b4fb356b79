import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { useConnectionState } from '.';

/**
 * Says when live updates stop (the socket is lost and retrying) and when they are back. A polite live
 * region: announced without stealing focus.
 */
export function ConnectionBanner() {
  const state = useConnectionState();
  const wasLost = useRef(false);
  const [back, setBack] = useState(false);

  useEffect(() => {
    if (state === 'lost') {
      wasLost.current = true;
      setBack(false);
      return;
    }
    if (state === 'connected' && wasLost.current) {
      wasLost.current = false;
      setBack(true);
      const timer = setTimeout(() => setBack(false), 4000);
      return () => clearTimeout(timer);
    }
  }, [state]);

  return (
    <div class="connection" role="status" aria-live="polite">
      {state === 'lost' && (
        <p class="connection__banner connection__banner--lost" data-testid="connection-lost">
          {t('realtime.lost')}
        </p>
      )}
      {state !== 'lost' && back && <p class="connection__banner connection__banner--back">{t('realtime.back')}</p>}
    </div>
  );
}
