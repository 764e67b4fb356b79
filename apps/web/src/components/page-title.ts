import { useEffect } from 'preact/hooks';
import { t } from '../i18n';

/** Names the page in the tab and for screen readers announcing navigation. */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title]);
}
