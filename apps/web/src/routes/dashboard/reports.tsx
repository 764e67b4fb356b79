/**
 * The funder's report (CSV, XLSX or PDF), in the reader's language, or the open-data package (a zip), built in the background by the worker: ask for it, follow its
 * progress (the requester's own room says `report.updated`; a slow poll covers a missed event), download.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, downloadFile, type Schemas } from '../../api/client';
import { ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatPercent, locale, t } from '../../i18n';
import { useRoom } from '../../realtime';
import { useSession } from '../../session';

type Report = Schemas['ReportDto'];
type Format = Report['format'];

/** The formats offered, in the order of the buttons. */
const FORMATS: { format: Format; label: 'reports.csv' | 'reports.xlsx' | 'reports.pdf' | 'reports.openData' }[] = [
  { format: 'csv', label: 'reports.csv' },
  { format: 'xlsx', label: 'reports.xlsx' },
  { format: 'pdf', label: 'reports.pdf' },
  { format: 'datapackage', label: 'reports.openData' },
];

const building = (r: Report) =>
  r.format === 'datapackage'
    ? t('reports.buildingOpenData')
    : t('reports.building', { format: r.format.toUpperCase() });
const downloadLabel = (r: Report) =>
  r.format === 'datapackage'
    ? t('reports.downloadOpenData')
    : t('reports.download', { format: r.format.toUpperCase() });
const savedAs = (r: Report) =>
  r.format === 'datapackage' ? 'citymentor-open-data.zip' : `citymentor-report.${r.format}`;

export function Reports({ programmeId }: { programmeId: string }) {
  const me = useSession()?.user.id;
  const [report, setReport] = useState<Report | null>(null);
  const { busy, error, setError, submit } = useSubmit();
  const pending = report !== null && (report.status === 'queued' || report.status === 'running');

  const refresh = async (id: string) => {
    try {
      setReport(await api.get('/api/v1/reports/{id}', { path: { id } }));
    } catch (caught) {
      setError(caught);
    }
  };

  useRoom(me ? `user:${me}` : null, (event) => {
    if (event.type === 'report.updated' && report && (event.payload as { reportId: string }).reportId === report.id)
      void refresh(report.id);
  });

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void refresh(report.id), 3000);
    return () => clearInterval(timer);
  }, [pending, report?.id]);

  const ask = (format: Format) =>
    submit(async () =>
      setReport(
        // Written in the language the reader uses the site in.
        await api.post('/api/v1/programmes/{id}/reports', {
          path: { id: programmeId },
          body: { format, locale: locale.get() },
        }),
      ),
    );

  const download = submit(async () => {
    if (report?.downloadUrl) await downloadFile(report.downloadUrl, savedAs(report));
  });

  return (
    <section class="panel" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('reports.title')}</h2>
      <p>
        {t('reports.intro')} {t('reports.language')}
      </p>
      <p class="hint">{t('reports.openDataHint')}</p>
      <div class="actions">
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            class="button button--secondary"
            disabled={busy || pending}
            onClick={ask(format)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {report && pending && (
          <p>
            {building(report)} {formatPercent(report.progress)}
          </p>
        )}
        {report?.status === 'failed' && <p class="notice notice--error">{t('reports.failed')}</p>}
        {report?.status === 'done' && (
          <button type="button" class="button" disabled={busy} onClick={download}>
            {downloadLabel(report)}
          </button>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
