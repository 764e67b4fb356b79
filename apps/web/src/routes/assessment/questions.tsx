/**
 * One benchmark section of the self-assessment: each guide question with its rating (0 / 1 / 2 / not
 * applicable) and evidence, saved as soon as it changes; the mentor's calibration beside the city's own
 * rating; the section's standard, rationale and city examples alongside.
 */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import type { BenchmarkSection } from '../../benchmark-cache';
import { RATINGS, ratingLabel, type Rating } from '../../components/labels';
import { SaveStateHint, useAutosave } from '../../components/autosave';
import { ErrorNotice } from '../../components/status';
import { t } from '../../i18n';

type Answer = Schemas['AssessmentAnswerDto'];
type Assessment = Schemas['AssessmentDto'];

const ratingValue = (r: Rating) => (r === null ? 'na' : String(r));
const parseRating = (v: string): Rating => (v === 'na' ? null : (Number(v) as 0 | 1 | 2));

function Calibration({
  assessment,
  answer,
  code,
  onSaved,
}: {
  assessment: Assessment;
  answer: Answer | undefined;
  code: string;
  onSaved: () => void;
}) {
  const saver = useAutosave(
    (c: { rating: string; note: string }) => save(c.rating, c.note),
    800,
    `calibration:${assessment.id}:${code}`,
  );
  const [rating, setRating] = useState<string>(
    saver.restored?.rating ?? (answer?.mentorRated ? ratingValue(answer.mentorRating) : ''),
  );
  const [note, setNote] = useState(saver.restored?.note ?? answer?.mentorNote ?? '');
  const [error, setError] = useState<unknown>(null);
  const save = async (value: string, text: string) => {
    if (value === '') return false; // a rating comes first; the note is kept until then
    setError(null);
    try {
      await api.put('/api/v1/assessments/{id}/answers/{questionCode}/calibration', {
        path: { id: assessment.id, questionCode: code },
        body: { rating: parseRating(value), note: text.trim() },
      });
      onSaved();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };
  return (
    <div class="calibrate">
      <div class="field field--inline">
        <label for={`cal-${code}`}>{t('assessment.calibrate')}</label>
        <select
          id={`cal-${code}`}
          value={rating}
          onChange={(e) => {
            setRating(e.currentTarget.value);
            saver.changed({ rating: e.currentTarget.value, note }, 0);
          }}
        >
          <option value="">{t('assessment.calibrateChoose')}</option>
          {RATINGS.map((r) => (
            <option key={ratingValue(r)} value={ratingValue(r)}>
              {ratingLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`cal-note-${code}`}>{t('assessment.calibrateNote')}</label>
        <input
          id={`cal-note-${code}`}
          value={note}
          onInput={(e) => {
            setNote(e.currentTarget.value);
            saver.changed({ rating, note: e.currentTarget.value });
          }}
          onBlur={saver.flush}
        />
      </div>
      <SaveStateHint state={saver.state} />
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}

function Question({
  assessment,
  question,
  answer,
  index,
  onSaved,
}: {
  assessment: Assessment;
  question: { code: string; text: string };
  answer: Answer | undefined;
  index: number;
  onSaved: () => void;
}) {
  const saver = useAutosave(
    (a: { rating: string | undefined; evidence: string }) => save(a.rating, a.evidence),
    800,
    `answer:${assessment.id}:${question.code}`,
  );
  const [rating, setRating] = useState<string | undefined>(
    saver.restored?.rating ?? (answer ? ratingValue(answer.rating) : undefined),
  );
  const [evidence, setEvidence] = useState(saver.restored?.evidence ?? answer?.evidence ?? '');
  const [error, setError] = useState<unknown>(null);
  const readOnly = !assessment.canAnswer;
  const name = `rating-${question.code}`;
  // Who calibrates (the mentor side) reads their own calibration; the city and everyone else, the mentor's.
  const mine = assessment.canCalibrate;

  const save = async (value: string | undefined, text: string) => {
    if (value === undefined || readOnly) return false; // a rating comes first; evidence alone is kept until then
    setError(null);
    try {
      await api.put('/api/v1/assessments/{id}/answers/{questionCode}', {
        path: { id: assessment.id, questionCode: question.code },
        body: { rating: parseRating(value), evidence: text.trim() },
      });
      onSaved();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };

  return (
    <li
      class={answer?.calibrationDiffers ? 'question question--differs' : 'question'}
      id={`q-${question.code}`}
      data-testid="question"
    >
      <fieldset class="rating" disabled={readOnly}>
        <legend>
          <span class="question__number">{index + 1}.</span> <span lang="en">{question.text}</span>
        </legend>
        <div class="rating__options">
          {RATINGS.map((r) => {
            const v = ratingValue(r);
            return (
              <label key={v} class="rating__option">
                <input
                  type="radio"
                  name={name}
                  value={v}
                  checked={rating === v}
                  onChange={() => {
                    setRating(v);
                    saver.changed({ rating: v, evidence }, 0);
                  }}
                />
                <span>{ratingLabel(r)}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <div class="field">
        <label for={`evidence-${question.code}`}>{t('assessment.evidence')}</label>
        <textarea
          id={`evidence-${question.code}`}
          rows={2}
          readOnly={readOnly}
          value={evidence}
          aria-describedby={`state-${question.code}`}
          onInput={(e) => {
            setEvidence(e.currentTarget.value);
            saver.changed({ rating, evidence: e.currentTarget.value });
          }}
          onBlur={saver.flush}
        />
      </div>
      <SaveStateHint id={`state-${question.code}`} state={saver.state} />
      {error !== null && <ErrorNotice error={error} />}
      {answer?.mentorRated && (
        <p
          class={answer.calibrationDiffers ? 'calibration calibration--differs' : 'calibration'}
          data-testid="calibration"
        >
          <strong>{t(mine ? 'assessment.yourCalibration' : 'assessment.mentorRating')}</strong>{' '}
          {ratingLabel(answer.mentorRating)}
          {answer.calibrationDiffers && (
            <> · {t(assessment.myRelation === 'own' ? 'assessment.differs' : 'assessment.differsFromCity')}</>
          )}
          {answer.mentorNote && (
            <>
              {' · '}
              <span data-user-content>{answer.mentorNote}</span>
            </>
          )}
        </p>
      )}
      {assessment.canCalibrate && (
        <Calibration assessment={assessment} answer={answer} code={question.code} onSaved={onSaved} />
      )}
    </li>
  );
}

/** The section's reference material, beside the questions. */
function Reference({ section }: { section: BenchmarkSection }) {
  return (
    <aside class="reference" aria-labelledby={`ref-${section.code}`}>
      <h3 id={`ref-${section.code}`}>{t('benchmark.standard')}</h3>
      <p class="standard" lang="en">
        {section.standard}
      </p>
      <details>
        <summary>{t('benchmark.rationale')}</summary>
        <p lang="en">{section.rationale}</p>
      </details>
      <h3>{t('benchmark.examples')}</h3>
      {section.examples.length === 0 && <p>{t('benchmark.examples.empty')}</p>}
      <ul class="examples">
        {section.examples.map((example, i) => (
          <li key={i} class="example">
            <details>
              <summary>
                <strong>{example.city}</strong>
              </summary>
              <p lang="en">{example.text}</p>
            </details>
          </li>
        ))}
      </ul>
    </aside>
  );
}

export function SectionStep({
  assessment,
  section,
  onSaved,
}: {
  assessment: Assessment;
  section: BenchmarkSection;
  onSaved: () => void;
}) {
  const answers = new Map(assessment.answers.map((a) => [a.questionCode, a]));
  return (
    <div class="assess-grid">
      <div>
        {assessment.canCalibrate ? (
          <p class="notice">{t('assessment.mentorIntro', { city: assessment.organisation.name })}</p>
        ) : (
          !assessment.canAnswer && (
            <p class="notice">
              {assessment.status === 'submitted' ? t('assessment.readOnlySubmitted') : t('assessment.readOnly')}
            </p>
          )
        )}
        <ol class="questions-form">
          {section.guideQuestions.map((q, i) => (
            <Question
              key={`${assessment.id}-${q.code}`}
              assessment={assessment}
              question={q}
              answer={answers.get(q.code)}
              index={i}
              onSaved={onSaved}
            />
          ))}
        </ol>
      </div>
      <Reference section={section} />
    </div>
  );
}
