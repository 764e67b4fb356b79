/**
 * "Your data": a person asks for a copy of their own data (GDPR art. 15 and 20), follows it being
 * built (their own room says `export.updated`; a slow poll covers a missed event) and downloads the
 * .zip until it expires. Only they see their exports.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, downloadFile, type Schemas } from '../../api/client';
import { ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatDateTime, formatNumber, formatPercent, t } from '../../i18n';
import { useRoom } from '../../realtime';

type DataExport = Schemas['DataExportDto'];

const pending = (e: DataExport) => e.status === 'queued' || e.status === 'running';

export function MyData({ userId }: { userId: string }) {
  const [exports, setExports] = useState<DataExport[] | null>(null);
  const { busy, error, setError, submit } = useSubmit();
  const building = exports?.some(pending) ?? false;

  const refresh = async () => {
    try {
      setExports(await api.get('/api/v1/me/exports'));
    } catch (caught) {
      setError(caught);
    }
  };

  useEffect(() => void refresh(), [userId]);

  useRoom(
    `user:${userId}`,
    (event) => {
      if (event.type === 'export.updated') void refresh();
    },
    () => void refresh(),
  );

  useEffect(() => {
    if (!building) return;
    const timer = setInterval(() => void refresh(), 3000);
    return () => clearInterval(timer);
  }, [building]);

  const ask = submit(async () => {
    const created = await api.post('/api/v1/me/exports');
    setExports((list) => [created, ...(list ?? []).filter((e) => e.id !== created.id)]);
  });

  const download = (e: DataExport) =>
    submit(async () => {
      if (e.downloadUrl) await downloadFile(e.downloadUrl, 'citymentor-my-data.zip');
    }, e.id);

  return (
    <section class="account-section" aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('myData.title')}</h2>
      <p>{t('myData.intro')}</p>
      <button type="button" class="button button--secondary" disabled={busy || building} onClick={ask}>
        {t('myData.ask')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
      <div role="status" aria-live="polite">
        {exports?.length === 0 && <p class="hint">{t('myData.none')}</p>}
        {exports && exports.length > 0 && (
          <ul class="plain-list" aria-label={t('myData.title')}>
            {exports.map((e) => (
              <li key={e.id} data-export-status={e.status}>
                <p>{t('myData.asked', { date: formatDateTime(e.createdAt) })}</p>
                {pending(e) && <p>{t('myData.building', { percent: formatPercent(e.progress) })}</p>}
                {e.status === 'failed' && <p class="notice notice--error">{t('myData.failed')}</p>}
                {e.status === 'done' && e.expired && <p>{t('myData.expired')}</p>}
                {e.status === 'done' && !e.expired && e.downloadUrl && (
                  <>
                    <button type="button" class="button" disabled={busy} onClick={download(e)}>
                      {t('myData.download', {
                        size: t('myData.size', {
                          kb: formatNumber(Math.max(1, Math.round((e.sizeBytes ?? 0) / 1024))),
                        }),
                      })}
                    </button>
                    {e.expiresAt && <p class="hint">{t('myData.expires', { date: formatDateTime(e.expiresAt) })}</p>}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
