/**
 * The programme's end, on its manage page: close it (read-only for everyone, after a confirmation that says
 * so), reopen it, and delete it once allowed, after a confirmation listing what goes and the programme's name typed.
 */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatDate, t, type MessageKey } from '../../i18n';
import { loadProgrammes } from '../../programmes';
import { useNavigate } from '../../router';

type Programme = Schemas['ProgrammeDto'];
type Preview = Schemas['ProgrammeDeletionPreviewDto'];
type CountKey = keyof Preview['counts'];

const COUNTS: CountKey[] = [
  'organisations',
  'members',
  'invitations',
  'consortiumMilestones',
  'pairs',
  'plans',
  'milestones',
  'progressEntries',
  'comments',
  'assessments',
  'events',
  'notifications',
  'reports',
  'files',
];

export function ProgrammeLifecycle({ programme, onChanged }: { programme: Programme; onChanged: () => void }) {
  const { busy, error, submit } = useSubmit();
  const [step, setStep] = useState<'idle' | 'close' | 'delete'>('idle');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [typed, setTyped] = useState('');
  const navigate = useNavigate();
  const id = programme.id;
  const changed = async () => {
    setStep('idle');
    await loadProgrammes({ force: true });
    onChanged();
  };

  return (
    <section class="panel" aria-labelledby="lifecycle-title" id="lifecycle">
      <h2 id="lifecycle-title">{t('lifecycle.title')}</h2>
      {error !== null && <ErrorNotice error={error} />}
      {programme.closedAt && (
        <p>
          {programme.deletableFrom && !programme.can.delete
            ? t('lifecycle.deletableFrom', { date: formatDate(programme.deletableFrom) })
            : t('lifecycle.closedIntro')}
        </p>
      )}
      {programme.can.close && step !== 'close' && (
        <button type="button" class="button button--secondary" onClick={() => setStep('close')}>
          {t('lifecycle.close')}
        </button>
      )}
      {step === 'close' && (
        <div class="notice" role="group" aria-labelledby="close-confirm">
          <p id="close-confirm">{t('lifecycle.closeExplained')}</p>
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={submit(async () => {
              await api.post('/api/v1/programmes/{id}/close', { path: { id } });
              await changed();
            })}
          >
            {t('lifecycle.closeConfirm')}
          </button>{' '}
          <button type="button" class="button button--secondary" onClick={() => setStep('idle')}>
            {t('lifecycle.cancel')}
          </button>
        </div>
      )}
      {programme.can.reopen && (
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={submit(async () => {
            await api.post('/api/v1/programmes/{id}/reopen', { path: { id } });
            await changed();
          })}
        >
          {t('lifecycle.reopen')}
        </button>
      )}{' '}
      {programme.can.delete && step !== 'delete' && (
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={submit(async () => {
            setPreview(await api.get('/api/v1/programmes/{id}/deletion-preview', { path: { id } }));
            setTyped('');
            setStep('delete');
          })}
        >
          {t('lifecycle.delete')}
        </button>
      )}
      {step === 'delete' && preview && (
        <form
          class="notice notice--error form"
          aria-labelledby="delete-confirm"
          onSubmit={submit(async () => {
            await api.delete('/api/v1/programmes/{id}', { path: { id }, body: { confirm: typed } });
            await loadProgrammes({ force: true });
            navigate('/programmes');
          })}
        >
          <p id="delete-confirm">{t('lifecycle.deleteExplained', { name: preview.name })}</p>
          <ul data-testid="deletion-preview">
            {COUNTS.filter((key) => preview.counts[key] > 0).map((key) => (
              <li key={key}>{t(`lifecycle.count.${key}` as MessageKey, { count: preview.counts[key] })}</li>
            ))}
          </ul>
          <div class="field">
            <label for="delete-name">{t('lifecycle.typeName', { name: preview.name })}</label>
            <input id="delete-name" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} autoComplete="off" />
          </div>
          <div>
            <button type="submit" class="button" disabled={busy || typed.trim() !== preview.name}>
              {t('lifecycle.deleteConfirm')}
            </button>{' '}
            <button type="button" class="button button--secondary" onClick={() => setStep('idle')}>
              {t('lifecycle.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
