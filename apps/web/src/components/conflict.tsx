/**
 * What a 409 STALE_VERSION looks like to a person: someone saved this while you were editing. Both
 * versions side by side, field by field, and a choice: keep mine (saved over theirs) or take theirs.
 */
import { ApiError } from '../api/client';
import { t } from '../i18n';

export interface ConflictRow {
  label: string;
  mine: string;
  theirs: string;
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'STALE_VERSION';
}

/** Only the rows that differ; a list is shown one item a line. */
export function conflictRows(
  fields: { label: string; mine: string | string[]; theirs: string | string[] }[],
): ConflictRow[] {
  const text = (v: string | string[]) => (Array.isArray(v) ? v.join('\n') : v);
  return fields
    .map((f) => ({ label: f.label, mine: text(f.mine), theirs: text(f.theirs) }))
    .filter((r) => r.mine !== r.theirs);
}

export function ConflictView({
  rows,
  by,
  onKeepMine,
  onTakeTheirs,
  busy,
}: {
  rows: ConflictRow[];
  by?: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  busy?: boolean;
}) {
  return (
    <section class="conflict" role="alert" aria-labelledby="conflict-title" data-testid="conflict">
      <h3 id="conflict-title">{t('conflict.title')}</h3>
      <p>{by ? t('conflict.introBy', { name: by }) : t('conflict.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('conflict.same')}</p>
      ) : (
        <div class="table-wrap">
          <table class="conflict__table">
            <caption class="visually-hidden">{t('conflict.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('conflict.field')}</th>
                <th scope="col">{t('conflict.mine')}</th>
                <th scope="col">{t('conflict.theirs')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td class="conflict__mine" data-user-content>
                    {r.mine || '—'}
                  </td>
                  <td class="conflict__theirs" data-user-content>
                    {r.theirs || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="actions">
        <button type="button" class="button" onClick={onKeepMine} disabled={busy}>
          {t('conflict.keepMine')}
        </button>
        <button type="button" class="button button--secondary" onClick={onTakeTheirs} disabled={busy}>
          {t('conflict.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
