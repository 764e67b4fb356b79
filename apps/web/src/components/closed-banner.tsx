import { useEffect } from 'preact/hooks';
import { formatDate, t } from '../i18n';
import { loadProgrammes, useProgrammes } from '../programmes';
import { useLocation } from '../router';

/** "This programme was closed on …; it is read-only", on every page of a closed programme. */
export function ClosedBanner() {
  const { path } = useLocation();
  const id = /^\/programmes\/([0-9a-f-]{36})(\/|$)/.exec(path)?.[1];
  const { list } = useProgrammes();
  useEffect(() => {
    if (id) void loadProgrammes();
  }, [id]);
  const closedAt = id ? list?.find((p) => p.id === id)?.closedAt : null;
  if (!closedAt) return null;
  return (
    <p class="notice notice--closed" role="status" data-testid="programme-closed">
      {t('programme.closedBanner', { date: formatDate(closedAt) })}
    </p>
  );
}
