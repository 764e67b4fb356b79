/**
 * One suggested mentor for a mentee city, in words: which of the mentee's gap sections the mentor's
 * strong sections cover, with both cities' scores, and how many pairs the mentor city already mentors.
 * Creating the pair opens an inline confirmation where the coordinator chooses its focus sections
 * (the covered gaps are ticked); the focus moves to it and back to the opener when it closes.
 */
import { useState } from 'preact/hooks';
import type { Schemas } from '../../api/client';
import { useFocusFirstField, useReturnFocus } from '../../components/focus';
import { formatPercent, t, tn } from '../../i18n';
import { Link } from '../../router';

type MenteeSuggestions = Schemas['MenteeSuggestionsDto'];
type Candidate = Schemas['MentorCandidateDto'];

export type CreatePairHandler = (
  key: string,
  body: Schemas['CreatePairDto'],
  then?: () => void,
) => (event?: Event) => void;

export function SuggestedMentor({
  programmeId,
  benchmarkCode,
  suggestion,
  candidate: c,
  busy,
  create,
}: {
  programmeId: string;
  benchmarkCode: string;
  suggestion: MenteeSuggestions;
  candidate: Candidate;
  busy: boolean;
  create: CreatePairHandler;
}) {
  const [confirming, setConfirming] = useState(false);
  const opener = useReturnFocus(confirming);
  const mentee = suggestion.mentee.name;
  const mentor = c.mentor.name;
  return (
    <li>
      <strong>{mentor}</strong>{' '}
      <span class="muted">
        · {c.mentorActivePairs === 0 ? t('manage.mentorsNone') : tn('manage.mentorsAlready', c.mentorActivePairs)}
      </span>
      <br />
      <span class="muted">{t('manage.coversGaps', { mentee })}</span>
      <ul class="covers">
        {c.covers.map((x) => (
          <li key={x.sectionCode}>
            <span lang="en">{x.title}</span>
            {': '}
            {t('manage.coverScores', {
              mentor,
              mentorScore: formatPercent(x.mentorScore),
              mentee,
              menteeScore: formatPercent(x.menteeScore),
            })}
          </li>
        ))}
      </ul>
      {c.activePairId ? (
        <Link href={`/programmes/${programmeId}/pairs/${c.activePairId}`}>{t('manage.alreadyPaired')}</Link>
      ) : confirming ? (
        <ConfirmPair
          benchmarkCode={benchmarkCode}
          suggestion={suggestion}
          candidate={c}
          busy={busy}
          create={create}
          onClose={() => setConfirming(false)}
        />
      ) : (
        <button
          ref={opener}
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          {t('manage.pairThem', { mentor, mentee })}
        </button>
      )}
    </li>
  );
}

function ConfirmPair({
  benchmarkCode,
  suggestion,
  candidate: c,
  busy,
  create,
  onClose,
}: {
  benchmarkCode: string;
  suggestion: MenteeSuggestions;
  candidate: Candidate;
  busy: boolean;
  create: CreatePairHandler;
  onClose: () => void;
}) {
  const form = useFocusFirstField();
  const [focus, setFocus] = useState(() => new Set(c.covers.map((x) => x.sectionCode)));
  const toggle = (code: string, on: boolean) =>
    setFocus((before) => {
      const after = new Set(before);
      if (on) after.add(code);
      else after.delete(code);
      return after;
    });
  const key = `${suggestion.mentee.id}-${c.mentor.id}`;
  const titleId = `confirm-pair-${key}`;
  return (
    <form
      ref={form}
      class="form confirm-pair"
      aria-labelledby={titleId}
      onSubmit={create(
        key,
        {
          benchmarkCode,
          mentorOrganisationId: c.mentor.id,
          menteeOrganisationId: suggestion.mentee.id,
          // In the order of the mentee's gaps, as listed.
          focusSectionCodes: suggestion.gaps.map((g) => g.sectionCode).filter((code) => focus.has(code)),
        },
        onClose,
      )}
    >
      <p id={titleId}>
        <strong>{t('manage.confirmPair', { mentor: c.mentor.name, mentee: suggestion.mentee.name })}</strong>
      </p>
      <fieldset class="checks">
        <legend>{t('manage.focusSections')}</legend>
        {suggestion.gaps.map((g) => (
          <label key={g.sectionCode} class="check">
            <input
              type="checkbox"
              checked={focus.has(g.sectionCode)}
              onChange={(e) => toggle(g.sectionCode, e.currentTarget.checked)}
            />{' '}
            <span lang="en">{g.title}</span>
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {t('manage.createPair')}
        </button>
        <button type="button" class="button button--secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
