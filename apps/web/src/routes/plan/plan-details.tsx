/**
 * The plan's own fields: read, or (the mentee, while the plan is a draft or sent back) edit with the
 * version the form started from. A 409 STALE_VERSION opens the conflict view with both versions, unless
 * the newer version is this page's own write (saved again on it) or the plan can no longer be edited (said in words).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Schemas } from '../../api/client';
import { dropDraft, loadDraft, saveDraft } from '../../components/drafts';
import { conflictRows, ConflictView, isStale } from '../../components/conflict';
import { useFocusFirstField } from '../../components/focus';
import { planStateLabel } from '../../components/labels';
import { ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { t, type MessageKey } from '../../i18n';
import { onlyOwnWritesSince, wroteVersion } from './own-writes';

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

const sameDraft = (a: Draft, b: Draft) => (Object.keys(FIELD_LABEL) as Field[]).every((f) => a[f] === b[f]);

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

/** What shows beside a field of the plan, or beside one item (its index and text) of a list field. */
type Aside = (
  field: 'objective' | 'budget' | 'owner' | (typeof LIST_FIELDS)[number],
  item?: number,
  text?: string,
) => ComponentChildren;

function ListView({ items, aside }: { items: string[]; aside?: (item: number, text: string) => ComponentChildren }) {
  if (items.length === 0) return <p class="muted">{t('plan.none')}</p>;
  return (
    <ul class="bullets">
      {items.map((item, i) => (
        <li key={i}>
          <span data-user-content>{item}</span>
          {aside?.(i, item)}
        </li>
      ))}
    </ul>
  );
}

/** The plan's fields as read; `aside` adds what shows beside each (review threads, a button to start one). */
export function PlanFields({ plan, aside }: { plan: Plan; aside?: Aside }) {
  return (
    <dl class="plan-fields">
      <div>
        <dt>{t(FIELD_LABEL.objective)}</dt>
        <dd>
          <span data-user-content data-testid="plan-objective">
            {plan.objective || <span class="muted">{t('plan.none')}</span>}
          </span>
          {aside?.('objective')}
        </dd>
      </div>
      {LIST_FIELDS.map((field) => (
        <div key={field}>
          <dt>{t(FIELD_LABEL[field])}</dt>
          <dd>
            <div data-testid={`plan-${field}`}>
              <ListView items={plan[field]} aside={aside && ((i, text) => aside(field, i, text))} />
            </div>
            {aside?.(field)}
          </dd>
        </div>
      ))}
      {(['budget', 'owner'] as const).map((field) => (
        <div key={field}>
          <dt>{t(FIELD_LABEL[field])}</dt>
          <dd>
            <span data-user-content data-testid={`plan-${field}`}>
              {plan[field] || <span class="muted">{t('plan.none')}</span>}
            </span>
            {aside?.(field)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What the page may ask of an open editor (before submitting): are there unsaved changes, and save them now. */
export interface EditorHandle {
  dirty: () => boolean;
  /** Saves the form: the plan as saved, or null when it was not saved (the editor then shows why). */
  save: () => Promise<Plan | null>;
}

/** Where the edit form's unsaved fields are kept (components/drafts.ts). */
const planDraftKey = (planId: string) => `plan:${planId}`;

/** Whether the plan's edit form was left with unsaved changes: the page opens it again with them. */
export const hasPlanDraft = (planId: string) => loadDraft(planDraftKey(planId)) !== null;

/**
 * The edit form; `onSaved` gets the plan as saved (the form is done). `handle` lets the page save it
 * before a submit; `onDraft` tells the page the objective as typed (what the plan will have once saved).
 * A save that answers after the person typed on is not the end of the editing: the form stays open with
 * what they typed since (unsaved, and kept as a draft), and `onPartlySaved` gets the plan as saved.
 */
export function PlanEditor({
  plan,
  onSaved,
  onPartlySaved,
  onCancel,
  handle,
  onDraft,
}: {
  plan: Plan;
  onSaved: (plan: Plan) => void;
  onPartlySaved?: (plan: Plan) => void;
  onCancel: () => void;
  handle?: { current: EditorHandle | null };
  onDraft?: (draft: { objective: string }) => void;
}) {
  /** The fields as the server has them, as far as this form knows: what "unsaved changes" are measured against. */
  const [base, setBase] = useState<Draft>(() => draftOf(plan));
  // Left unsaved by an earlier visit (the session ended, the page reloaded): go on from it, at the version it started from.
  const [kept] = useState(() => loadDraft<{ draft: Draft; version: number }>(planDraftKey(plan.id)));
  const [draft, setDraft] = useState<Draft>(kept?.draft ?? base);
  /** The form as it is now, also from inside a save that started before the last keystrokes. */
  const current = useRef(draft);
  const [version, setVersion] = useState(kept?.version ?? plan.version);
  /** A save went through while the person typed on: what they typed since is in the form, not on the server. */
  const [typedSince, setTypedSince] = useState(false);
  const { busy, error, run } = useSubmit();
  /** Why the form cannot be saved any more, in words (the plan left the editable states meanwhile). */
  const [refusal, setRefusal] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<Plan | null>(null);
  /** A save sent whose answer never came: the server may well have saved it (then its version is this page's own). */
  const unanswered = useRef<string | null>(null);
  const form = useFocusFirstField();

  /** Sends the form at `atVersion`; what fails and is not a conflict is thrown (and shown). */
  const attempt = async (atVersion: number, rebased = false): Promise<Plan | null> => {
    const sent = draft;
    const body = bodyOf(sent);
    try {
      const saved = wroteVersion(
        await api.patch('/api/v1/action-plans/{id}', { path: { id: plan.id }, body: { ...body, version: atVersion } }),
      );
      unanswered.current = null;
      setTheirs(null);
      if (!sameDraft(current.current, sent)) {
        // Typed on while the save was on its way: that text stays, unsaved, for the next save (at the saved version).
        setBase(sent);
        setVersion(saved.version);
        setTypedSince(true);
        saveDraft(planDraftKey(plan.id), { draft: current.current, version: saved.version });
        onPartlySaved?.(saved);
        return null;
      }
      dropDraft(planDraftKey(plan.id));
      onSaved(saved);
      return saved;
    } catch (caught) {
      if (!(caught instanceof ApiError) || caught.code === 'NETWORK') unanswered.current = JSON.stringify(body);
      if (!isStale(caught)) throw caught;
      // The plan changed after the form was opened: see how it is now, and who changed it.
      const current = await api.get('/api/v1/action-plans/{id}', { path: { id: plan.id } });
      if (!current.can.edit) {
        setTheirs(null);
        setRefusal(
          `${t('plan.noLongerEditable', { state: planStateLabel(current.state) })}${current.can.withdraw ? ` ${t('plan.withdrawToEdit')}` : ''}`,
        );
        return null;
      }
      // Only one change since, with exactly what this form sent before its answer was lost: that save went through.
      const ownEarlierSave =
        current.version === atVersion + 1 && unanswered.current === JSON.stringify(bodyOf(draftOf(current)));
      if (!rebased && (onlyOwnWritesSince(plan.id, atVersion, current.version) || ownEarlierSave)) {
        // One's own earlier write made it (a save whose answer was lost, a submit and its withdrawal): nobody else's change to keep.
        setVersion(current.version);
        return attempt(current.version, true);
      }
      setTheirs(current);
      return null;
    }
  };

  const save = async (atVersion: number): Promise<Plan | null> => {
    setRefusal(null);
    setTypedSince(false);
    return (await run(() => attempt(atVersion))) ?? null;
  };

  if (handle)
    handle.current = {
      dirty: () => !sameDraft(draft, base),
      save: () => save(version),
    };
  useEffect(
    () => () => {
      if (handle) handle.current = null;
    },
    [],
  );

  const set = (field: Field) => (e: Event) => {
    const next = { ...draft, [field]: (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value };
    current.current = next;
    setDraft(next);
    saveDraft(planDraftKey(plan.id), { draft: next, version });
    if (field === 'objective') onDraft?.({ objective: next.objective });
  };

  // The plan left the editable states while the form was open (submitted from another tab): say so at once.
  const frozen =
    !plan.can.edit && refusal === null ? t('plan.noLongerEditable', { state: planStateLabel(plan.state) }) : null;
  const problem = (
    <>
      {frozen !== null && (
        <p class="notice notice--warn" role="status" data-testid="plan-edit-refused">
          {frozen}
          {plan.can.withdraw && ` ${t('plan.withdrawToEdit')}`}
        </p>
      )}
      {typedSince && (
        <p class="notice notice--info" role="status" data-testid="plan-typed-since">
          {t('plan.typedSince')}
        </p>
      )}
      {refusal !== null && (
        <p class="notice notice--error" role="alert" data-testid="plan-edit-refused">
          {refusal}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </>
  );

  if (theirs) {
    const other = draftOf(theirs);
    const rows = conflictRows(
      (Object.keys(FIELD_LABEL) as Field[]).map((f) => ({
        label: t(FIELD_LABEL[f]),
        mine: draft[f],
        theirs: other[f],
      })),
    );
    return (
      <>
        {problem}
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
      </>
    );
  }

  return (
    <form
      ref={form}
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
          <textarea
            id={`plan-${field}`}
            rows={4}
            aria-describedby="plan-lines-hint"
            value={draft[field]}
            onInput={set(field)}
          />
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
      {problem}
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => {
            dropDraft(planDraftKey(plan.id));
            onCancel();
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
