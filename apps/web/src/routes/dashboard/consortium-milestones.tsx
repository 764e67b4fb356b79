/**
 * The coordinator's hand on the consortium's own milestones, below the dashboard's timeline: each one's
 * status at a glance and in one change, edited or rescheduled in place, deleted with a reason (the
 * activity feed keeps it), and new ones added. Every change is sent against the version shown; one
 * refused because someone changed the milestone meanwhile shows the error and the milestone as it is now,
 * and what was typed stays in the form.
 */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { useFocusFirstField, useReturnFocus } from '../../components/focus';
import { WORK_STATUSES, workStatusLabel, type WorkStatus } from '../../components/labels';
import { ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatDate, t, tParts } from '../../i18n';

type ConsortiumMilestone = Schemas['ConsortiumMilestoneDto'];
type Mode = 'view' | 'edit' | 'delete';

interface ItemProps {
  programmeId: string;
  milestone: ConsortiumMilestone;
  onSaved: () => void;
}

const path = (programmeId: string, milestone: ConsortiumMilestone) => ({ id: programmeId, milestoneId: milestone.id });

function StatusSelect({ programmeId, milestone, onSaved }: ItemProps) {
  const { busy, error, submit } = useSubmit();
  const change = (status: WorkStatus) =>
    submit(async () => {
      try {
        await api.patch('/api/v1/programmes/{id}/milestones/{milestoneId}', {
          path: path(programmeId, milestone),
          body: { status, version: milestone.version },
        });
      } finally {
        onSaved(); // saved or refused (changed meanwhile): show it as it is now
      }
    })();
  return (
    <>
      <label class="visually-hidden" for={`cm-status-${milestone.id}`}>
        {tParts('consortium.statusOf', { title: <span data-user-content>{milestone.title}</span> })}
      </label>
      <select
        id={`cm-status-${milestone.id}`}
        value={milestone.status}
        disabled={busy}
        onChange={(e) => change(e.currentTarget.value as WorkStatus)}
      >
        {WORK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {workStatusLabel(s)}
          </option>
        ))}
      </select>
      {error !== null && <ErrorNotice error={error} />}
    </>
  );
}

function EditForm({ programmeId, milestone, onSaved, onClose }: ItemProps & { onClose: () => void }) {
  const [title, setTitle] = useState(milestone.title);
  const [dueDate, setDueDate] = useState(milestone.dueDate);
  const [description, setDescription] = useState(milestone.description);
  const { busy, error, submit } = useSubmit();
  const form = useFocusFirstField();
  const save = async () => {
    try {
      await api.patch('/api/v1/programmes/{id}/milestones/{milestoneId}', {
        path: path(programmeId, milestone),
        body: { title: title.trim(), dueDate, description, version: milestone.version },
      });
    } catch (error) {
      onSaved(); // refused: the milestone as it is now, the text typed still here
      throw error;
    }
    onSaved();
    onClose();
  };
  const id = `cm-edit-${milestone.id}`;
  return (
    <form
      ref={form}
      class="form form--grid consortium-milestone__form"
      onSubmit={submit(save)}
      aria-labelledby={`cm-edit-button-${milestone.id}`}
    >
      <div class="field">
        <label for={`${id}-title`}>{t('milestone.title')}</label>
        <input
          id={`${id}-title`}
          required
          maxLength={200}
          value={title}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-due`}>{t('milestone.dueDate')}</label>
        <input
          id={`${id}-due`}
          type="date"
          required
          value={dueDate}
          onInput={(e) => setDueDate(e.currentTarget.value)}
        />
      </div>
      <div class="field field--wide">
        <label for={`${id}-description`}>{t('milestone.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          maxLength={5000}
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <div class="actions field--wide">
        <button type="submit" class="button" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" class="button button--secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function DeleteForm({ programmeId, milestone, onSaved, onClose }: ItemProps & { onClose: () => void }) {
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit();
  const form = useFocusFirstField();
  const remove = async () => {
    try {
      await api.delete('/api/v1/programmes/{id}/milestones/{milestoneId}', {
        path: path(programmeId, milestone),
        body: { version: milestone.version, reason: reason.trim() },
      });
    } catch (error) {
      onSaved();
      throw error;
    }
    onSaved(); // it goes from the list, and this form with it
  };
  const id = `cm-delete-${milestone.id}`;
  return (
    <form
      ref={form}
      class="form consortium-milestone__form"
      onSubmit={submit(remove)}
      aria-labelledby={`cm-delete-button-${milestone.id}`}
    >
      <p>
        {tParts(
          'consortium.deleteExplain',
          { title: <span data-user-content>{milestone.title}</span> },
          { date: formatDate(milestone.dueDate) },
        )}
      </p>
      <div class="field">
        <label for={`${id}-reason`}>{t('consortium.reason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          required
          maxLength={500}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <div class="actions">
        <button type="submit" class="button button--danger" disabled={busy || reason.trim() === ''}>
          {t('consortium.deleteConfirm')}
        </button>
        <button type="button" class="button button--secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ConsortiumMilestoneItem(props: ItemProps) {
  const { milestone } = props;
  const [mode, setMode] = useState<Mode>('view');
  const editButton = useReturnFocus(mode === 'edit');
  const deleteButton = useReturnFocus(mode === 'delete');
  const close = () => setMode('view');
  return (
    <li id={`cm-${milestone.id}`} class="consortium-milestone">
      <div class="consortium-milestone__row">
        <span class="consortium-milestone__what">
          <strong data-user-content>{milestone.title}</strong>{' '}
          <time dateTime={milestone.dueDate}>{formatDate(milestone.dueDate)}</time>
          {milestone.late && <span class="badge badge--late">{t('consortium.late')}</span>}
        </span>
        <StatusSelect {...props} />
        {(['edit', 'delete'] as const).map((action) => (
          <button
            key={action}
            ref={action === 'edit' ? editButton : deleteButton}
            id={`cm-${action}-button-${milestone.id}`}
            type="button"
            class="button button--secondary button--small"
            aria-expanded={mode === action}
            onClick={() => setMode(mode === action ? 'view' : action)}
          >
            {t(action === 'edit' ? 'consortium.edit' : 'consortium.delete')}{' '}
            <span class="visually-hidden" data-user-content>
              {milestone.title}
            </span>
          </button>
        ))}
      </div>
      {mode === 'edit' && <EditForm {...props} onClose={close} />}
      {mode === 'delete' && <DeleteForm {...props} onClose={close} />}
    </li>
  );
}

export function ConsortiumMilestones({
  programmeId,
  milestones,
  onSaved,
}: {
  programmeId: string;
  milestones: ConsortiumMilestone[];
  onSaved: () => void;
}) {
  return (
    <>
      <h3>{t('consortium.manage')}</h3>
      {milestones.length > 0 && (
        <ul class="plain-list consortium-milestones">
          {milestones.map((m) => (
            <ConsortiumMilestoneItem key={m.id} programmeId={programmeId} milestone={m} onSaved={onSaved} />
          ))}
        </ul>
      )}
      <AddConsortiumMilestone programmeId={programmeId} onSaved={onSaved} />
    </>
  );
}

function AddConsortiumMilestone({ programmeId, onSaved }: { programmeId: string; onSaved: () => void }) {
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const { busy, error, submit } = useSubmit();
  const add = async () => {
    await api.post('/api/v1/programmes/{id}/milestones', {
      path: { id: programmeId },
      body: { title: title.trim(), dueDate, status: 'planned' },
    });
    setTitle('');
    setDueDate('');
    onSaved();
  };
  return (
    <form class="form form--grid" onSubmit={submit(add)} aria-labelledby="add-cm-title">
      <h3 id="add-cm-title" class="field--wide">
        {t('dashboard.addMilestone')}
      </h3>
      <div class="field">
        <label for="cm-title">{t('milestone.title')}</label>
        <input id="cm-title" required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="cm-due">{t('milestone.dueDate')}</label>
        <input id="cm-due" type="date" required value={dueDate} onInput={(e) => setDueDate(e.currentTarget.value)} />
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <div class="actions field--wide">
        <button type="submit" class="button" disabled={busy}>
          {t('milestones.addSubmit')}
        </button>
      </div>
    </form>
  );
}
