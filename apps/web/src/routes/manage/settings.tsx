/**
 * The coordinator's programme settings (`/programmes/:id/manage#settings`): name, description, period,
 * and the thresholds of reminders, escalations and stalled-pair alerts. Checked here first; what the API
 * still refuses (`details[]` of a VALIDATION_FAILED) is shown next to the field it names.
 */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { ErrorNotice } from '../../components/status';
import { useSubmit, validationDetails } from '../../components/submit';
import { t, type MessageKey } from '../../i18n';

type Programme = Schemas['ProgrammeDto'];
type Changes = Schemas['UpdateProgrammeDto'];

const NUMBERS = {
  reminderDaysBefore: { min: 0, max: 90 },
  escalateAfterDays: { min: 1, max: 365 },
  stalledAfterDays: { min: 1, max: 365 },
  respondWithinDays: { min: 1, max: 90 },
} as const;
type NumberField = keyof typeof NUMBERS;
const NUMBER_FIELDS = Object.keys(NUMBERS) as NumberField[];

type Field = 'name' | 'description' | 'startDate' | 'endDate' | NumberField;
type Draft = Record<Field, string>;
/** A field's error: our own sentence, or the server's (English) one. */
type FieldError = { text: string; lang?: 'en' };

function draftOf(p: Programme): Draft {
  return {
    name: p.name,
    description: p.description,
    startDate: p.startDate,
    endDate: p.endDate,
    ...(Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(p.settings[f])])) as Record<NumberField, string>),
  };
}

const isNumberField = (field: string): field is NumberField => Object.hasOwn(NUMBERS, field);
const rangeText = (field: NumberField) => t('settings.range', NUMBERS[field]);

function validate(draft: Draft): Partial<Record<Field, FieldError>> {
  const errors: Partial<Record<Field, FieldError>> = {};
  if (!draft.name.trim()) errors.name = { text: t('settings.required') };
  if (!draft.startDate) errors.startDate = { text: t('settings.required') };
  if (!draft.endDate) errors.endDate = { text: t('settings.required') };
  for (const field of NUMBER_FIELDS) {
    const value = draft[field].trim();
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < NUMBERS[field].min || n > NUMBERS[field].max)
      errors[field] = { text: rangeText(field) };
  }
  return errors;
}

/** Only what changed, typed for PATCH /programmes/{id}. */
function changesOf(p: Programme, draft: Draft): Changes {
  const before = draftOf(p);
  const changes: Changes = {};
  if (draft.name.trim() !== before.name) changes.name = draft.name.trim();
  if (draft.description !== before.description) changes.description = draft.description;
  if (draft.startDate !== before.startDate) changes.startDate = draft.startDate;
  if (draft.endDate !== before.endDate) changes.endDate = draft.endDate;
  for (const field of NUMBER_FIELDS) if (draft[field].trim() !== before[field]) changes[field] = Number(draft[field]);
  return changes;
}

/** The API's field errors mapped to the form's fields; the ones we can say in the user's language, we do. */
function serverErrors(error: unknown): Partial<Record<Field, FieldError>> | null {
  const details = validationDetails(error);
  if (!details) return null;
  const errors: Partial<Record<Field, FieldError>> = {};
  for (const { path: field, message } of details) {
    if (isNumberField(field)) errors[field] = { text: rangeText(field) };
    else if (field === 'endDate' && /before/.test(message)) errors.endDate = { text: t('settings.endBeforeStart') };
    else if (field in { name: 1, description: 1, startDate: 1, endDate: 1 })
      errors[field as Field] = { text: message, lang: 'en' };
    else return null; // not a field of this form: say it as a whole
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

function Input({
  field,
  label,
  hint,
  draft,
  errors,
  set,
  type = 'text',
  wide = false,
}: {
  field: Field;
  label: MessageKey;
  hint?: MessageKey;
  draft: Draft;
  errors: Partial<Record<Field, FieldError>>;
  set: (field: Field, value: string) => void;
  type?: 'text' | 'date' | 'number' | 'textarea';
  wide?: boolean;
}) {
  const id = `settings-${field}`;
  const error = errors[field];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field,
    value: draft[field],
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
  };
  const range = isNumberField(field) ? NUMBERS[field] : undefined;
  return (
    <div class={wide ? 'field field--wide' : 'field'}>
      <label for={id}>{t(label)}</label>
      {type === 'textarea' ? (
        <textarea {...common} rows={3} maxLength={5000} onInput={(e) => set(field, e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={type === 'number' ? 'numeric' : undefined}
          min={range?.min}
          max={range?.max}
          step={range ? 1 : undefined}
          maxLength={type === 'text' ? 200 : undefined}
          onInput={(e) => set(field, e.currentTarget.value)}
        />
      )}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {t(hint)}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error" data-testid={`${id}-error`}>
          {error.lang ? <span lang={error.lang}>{error.text}</span> : error.text}
        </p>
      )}
    </div>
  );
}

export function ProgrammeSettings({ programme, onSaved }: { programme: Programme; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(programme));
  const [errors, setErrors] = useState<Partial<Record<Field, FieldError>>>({});
  const { busy, error: failure, submit } = useSubmit();
  const [saved, setSaved] = useState(false);

  const set = (field: Field, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setSaved(false);
    if (errors[field]) setErrors((all) => Object.fromEntries(Object.entries(all).filter(([name]) => name !== field)));
  };

  const focusFirst = (found: Partial<Record<Field, FieldError>>) => {
    const first = (Object.keys(draft) as Field[]).find((f) => found[f]);
    if (first) document.getElementById(`settings-${first}`)?.focus();
  };

  const save = async () => {
    setSaved(false);
    const found = validate(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    try {
      const changes = changesOf(programme, draft);
      if (Object.keys(changes).length > 0) {
        const now = await api.patch('/api/v1/programmes/{id}', { path: { id: programme.id }, body: changes });
        setDraft(draftOf(now));
        onSaved();
      }
      setSaved(true);
    } catch (caught) {
      // What the API refuses field by field is shown beside those fields; anything else as a whole.
      const fields = serverErrors(caught);
      if (!fields) throw caught;
      setErrors(fields);
      focusFirst(fields);
    }
  };

  const invalid = Object.keys(errors).length > 0;
  const props = { draft, errors, set };
  return (
    <section class="panel" id="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      <form class="form form--grid settings__form" noValidate onSubmit={submit(save)} data-testid="programme-settings">
        {invalid && (
          <p class="notice notice--error field--wide" role="alert">
            {t('settings.fix')}
          </p>
        )}
        <Input field="name" label="settings.name" wide {...props} />
        <Input field="description" label="settings.description" type="textarea" wide {...props} />
        <Input field="startDate" label="settings.startDate" type="date" {...props} />
        <Input field="endDate" label="settings.endDate" type="date" {...props} />
        <fieldset class="checks settings__group field--wide">
          <legend>{t('settings.timing')}</legend>
          <Input
            field="reminderDaysBefore"
            label="settings.reminderDaysBefore"
            hint="settings.reminderDaysBeforeHint"
            type="number"
            {...props}
          />
          <Input
            field="escalateAfterDays"
            label="settings.escalateAfterDays"
            hint="settings.escalateAfterDaysHint"
            type="number"
            {...props}
          />
          <Input
            field="stalledAfterDays"
            label="settings.stalledAfterDays"
            hint="settings.stalledAfterDaysHint"
            type="number"
            {...props}
          />
          <Input
            field="respondWithinDays"
            label="settings.respondWithinDays"
            hint="settings.respondWithinDaysHint"
            type="number"
            {...props}
          />
        </fieldset>
        {failure !== null && (
          <div class="field--wide">
            <ErrorNotice error={failure} />
          </div>
        )}
        <div class="actions field--wide">
          <button type="submit" class="button" disabled={busy}>
            {t('settings.save')}
          </button>
          <span class="hint" role="status">
            {busy ? t('settings.saving') : saved ? t('settings.saved') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
