/**
 * The plan's own fields: read, or (the mentee, while the plan is a draft or sent back) edit with the
 * version the form started from. A 409 STALE_VERSION opens the conflict view with both versions.
 */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { conflictRows, ConflictView, isStale } from '../../components/conflict';
import { ErrorNotice } from '../../components/status';
import { t, type MessageKey } from '../../i18n';

export type Plan = Schemas['PlanDto'];

interface Draft {
  title: string;
  objective: string;
  activities: string;
  indicators: string;
  stakeholders: string;
  budget: string;
  owner: string;
}

const LIST_FIELDS = ['activities', 'indicators', 'stakeholders'] as const;
const TEXT_FIELDS = ['objective', 'budget', 'owner'] as const;
type Field = keyof Draft;

export const FIELD_LABEL: Record<Field, MessageKey> = {
  title: 'plan.field.title',
  objective: 'plan.field.objective',
  activities: 'plan.field.activities',
  indicators: 'plan.field.indicators',
  stakeholders: 'plan.field.stakeholders',
  budget: 'plan.field.budget',
  owner: 'plan.field.owner',
};

function draftOf(plan: Plan): Draft {
  return {
    title: plan.title,
    objective: plan.objective,
    activities: plan.activities.join('\n'),
    indicators: plan.indicators.join('\n'),
    stakeholders: plan.stakeholders.join('\n'),
    budget: plan.budget,
    owner: plan.owner,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function bodyOf(draft: Draft) {
  return {
    title: draft.title.trim(),
    objective: draft.objective.trim(),
    activities: lines(draft.activities),
    indicators: lines(draft.indicators),
    stakeholders: lines(draft.stakeholders),
    budget: draft.budget.trim(),
    owner: draft.owner.trim(),
  };
}

function ListView({ items }: { items: string[] }) {
  if (items.length === 0) return <p class="muted">{t('plan.none')}</p>;
  return (
    <ul class="bullets" data-user-content>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

export function PlanFields({ plan }: { plan: Plan }) {
  return (
    <dl class="plan-fields">
      <div>
        <dt>{t(FIELD_LABEL.objective)}</dt>
        <dd data-user-content data-testid="plan-objective">
          {plan.objective || <span class="muted">{t('plan.none')}</span>}
        </dd>
      </div>
      {LIST_FIELDS.map((field) => (
        <div key={field}>
          <dt>{t(FIELD_LABEL[field])}</dt>
          <dd>
            <ListView items={plan[field]} />
          </dd>
        </div>
      ))}
      {(['budget', 'owner'] as const).map((field) => (
        <div key={field}>
          <dt>{t(FIELD_LABEL[field])}</dt>
          <dd data-user-content>{plan[field] || <span class="muted">{t('plan.none')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The edit form; `onSaved` gets the plan as saved. */
export function PlanEditor({ plan, onSaved, onCancel }: { plan: Plan; onSaved: (plan: Plan) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(plan));
  const [version, setVersion] = useState(plan.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [theirs, setTheirs] = useState<Plan | null>(null);

  const save = async (atVersion: number) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.patch('/api/v1/action-plans/{id}', { path: { id: plan.id }, body: { ...bodyOf(draft), version: atVersion } });
      setTheirs(null);
      onSaved(saved);
    } catch (caught) {
      if (isStale(caught)) {
        // Someone saved in between: fetch their version and let the person choose.
        try {
          setTheirs(await api.get('/api/v1/action-plans/{id}', { path: { id: plan.id } }));
        } catch (again) {
          setError(again);
        }
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const set = (field: Field) => (e: Event) => setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value });

  if (theirs) {
    const other = draftOf(theirs);
    const rows = conflictRows((Object.keys(FIELD_LABEL) as Field[]).map((f) => ({ label: t(FIELD_LABEL[f]), mine: draft[f], theirs: other[f] })));
    return (
      <ConflictView
        rows={rows}
        busy={busy}
        onKeepMine={() => {
          setVersion(theirs.version);
          void save(theirs.version);
        }}
        onTakeTheirs={() => {
          setTheirs(null);
          onSaved(theirs);
        }}
      />
    );
  }

  return (
    <form
      class="form plan-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save(version);
      }}
    >
      <div class="field">
        <label for="plan-title">{t(FIELD_LABEL.title)}</label>
        <input id="plan-title" required maxLength={200} value={draft.title} onInput={set('title')} />
      </div>
      <div class="field">
        <label for="plan-objective">{t(FIELD_LABEL.objective)}</label>
        <textarea id="plan-objective" rows={4} value={draft.objective} onInput={set('objective')} />
      </div>
      {LIST_FIELDS.map((field) => (
        <div class="field" key={field}>
          <label for={`plan-${field}`}>{t(FIELD_LABEL[field])}</label>
          <textarea id={`plan-${field}`} rows={4} aria-describedby="plan-lines-hint" value={draft[field]} onInput={set(field)} />
        </div>
      ))}
      <p id="plan-lines-hint" class="hint">
        {t('plan.linesHint')}
      </p>
      {TEXT_FIELDS.filter((f) => f !== 'objective').map((field) => (
        <div class="field" key={field}>
          <label for={`plan-${field}`}>{t(FIELD_LABEL[field])}</label>
          <input id={`plan-${field}`} value={draft[field]} onInput={set(field)} />
        </div>
      ))}
      {error !== null && <ErrorNotice error={error} />}
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
