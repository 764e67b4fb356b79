/** `/admin/audit`: the installation admin's audit log — who did what, when — newest first, one action at a time if asked. */
import { useEffect, useState } from 'preact/hooks';
import { AUDIT_ACTIONS, type AuditAction } from '@citymentor/contracts';
import { api, type Schemas } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { personName } from '../../components/person-name';
import { ErrorNotice } from '../../components/status';
import { formatDateTime, t } from '../../i18n';

type AuditPage = Schemas['AuditPageDto'];

export default function AuditPage() {
  usePageTitle(t('audit.title'));
  const [action, setAction] = useState<AuditAction | ''>('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AuditPage | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setError(null);
    api
      .get('/api/v1/admin/audit', { query: { page, ...(action ? { action } : {}) } })
      .then(setData)
      .catch(setError);
  }, [action, page]);

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <div class="field">
        <label for="audit-action">{t('audit.filter')}</label>
        <select
          id="audit-action"
          value={action}
          onChange={(e) => {
            setPage(1);
            setAction(e.currentTarget.value as AuditAction | '');
          }}
        >
          <option value="">{t('audit.all')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`audit.action.${a}`)}
            </option>
          ))}
        </select>
      </div>
      {error !== null && <ErrorNotice error={error} />}
      {data && data.items.length === 0 && <p class="hint">{t('audit.none')}</p>}
      {data && data.items.length > 0 && (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.programme')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id} data-audit-action={e.action}>
                  <td>
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </td>
                  <td>
                    {e.actor.id === null
                      ? t('audit.system')
                      : e.actor.former
                        ? personName(e.actor, e.actor.organisation)
                        : `${e.actor.name ?? ''}${e.actor.organisation ? ` · ${e.actor.organisation}` : ''}`}
                  </td>
                  <td>{t(`audit.action.${e.action}`)}</td>
                  <td>{e.programmeName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="button-row">
        <button type="button" class="button button--secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('audit.newer')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={!data?.hasMore}
          onClick={() => setPage(page + 1)}
        >
          {t('audit.older')}
        </button>
      </div>
    </section>
  );
}
