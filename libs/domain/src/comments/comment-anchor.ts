import {
  MILESTONE_ANCHORS,
  PLAN_LIST_ANCHORS,
  PLAN_TEXT_ANCHORS,
  type AnchorField,
  type CommentTargetType,
} from '@citymentor/contracts';
import { DomainError } from '../shared/domain-error';
import type { PlanSnapshot } from '../action-plan/plan-diff';

/** Where a thread was written: a field (or one item of a list field) of the plan or a milestone, at a revision. */
export interface AnchorRequest {
  revision: number;
  field: AnchorField;
  item?: number;
}

/** An anchor as stored: the request, checked, with the text the field (or item) had at that revision. */
export interface Anchor {
  revision: number;
  field: AnchorField;
  item: number | null;
  text: string;
}

/** Where the anchored text is in the plan as it is now. */
export interface AnchorNow {
  outdated: boolean;
  /** For a list item: its index now (not always the anchored one), null once its text is gone. */
  currentItem: number | null;
}

type PlanList = (typeof PLAN_LIST_ANCHORS)[number];
type PlanText = (typeof PLAN_TEXT_ANCHORS)[number];

export const isListAnchor = (field: string): field is PlanList =>
  (PLAN_LIST_ANCHORS as readonly string[]).includes(field);
const isPlanText = (field: string): field is PlanText => (PLAN_TEXT_ANCHORS as readonly string[]).includes(field);
const isMilestoneField = (field: string): field is (typeof MILESTONE_ANCHORS)[number] =>
  (MILESTONE_ANCHORS as readonly string[]).includes(field);

const invalid = (path: string, message: string) => new DomainError('VALIDATION_FAILED', message, [{ path, message }]);

/**
 * The anchor of a new thread on `target`, checked against `snapshot`, the plan as it was at
 * `request.revision` (null when the plan has no such revision): 400 naming the field that does not fit.
 * A plan anchor names one of the plan's fields (a list field with the index of an item); a milestone
 * anchor names one of the milestone's fields, and the milestone must be in that revision.
 */
export function anchorIn(
  snapshot: PlanSnapshot | null,
  target: { type: CommentTargetType; id: string },
  request: AnchorRequest,
): Anchor {
  if (!snapshot) throw invalid('anchor.revision', 'anchor.revision must be a revision of this plan');
  const { revision, field } = request;
  if (target.type === 'plan') {
    if (isPlanText(field)) {
      if (request.item !== undefined)
        throw invalid('anchor.item', `anchor.item is only for a list field; ${field} is not one`);
      return { revision, field, item: null, text: snapshot[field] };
    }
    if (isListAnchor(field)) {
      const list = snapshot[field];
      if (request.item === undefined) throw invalid('anchor.item', `anchor.item is required on the list ${field}`);
      if (request.item >= list.length) {
        throw invalid(
          'anchor.item',
          `anchor.item must be an item of ${field} in revision ${revision} (0 to ${list.length - 1})`,
        );
      }
      return { revision, field, item: request.item, text: list[request.item] };
    }
    throw invalid(
      'anchor.field',
      `anchor.field on the plan must be one of ${[...PLAN_TEXT_ANCHORS, ...PLAN_LIST_ANCHORS].join(', ')}`,
    );
  }
  if (target.type === 'milestone') {
    if (!isMilestoneField(field))
      throw invalid('anchor.field', `anchor.field on a milestone must be one of ${MILESTONE_ANCHORS.join(', ')}`);
    if (request.item !== undefined) throw invalid('anchor.item', 'anchor.item is only for a list field of the plan');
    const milestone = snapshot.milestones.find((m) => m.id === target.id);
    if (!milestone) throw invalid('target.id', `target.id must be a milestone of revision ${revision}`);
    return { revision, field, item: null, text: milestone[field] };
  }
  throw invalid('anchor', 'anchor is only for a thread on the plan or one of its milestones');
}

/**
 * The anchored text against the plan as it is now: a field whose text changed (or a milestone that is gone:
 * `current` null) is outdated; a list item is outdated once its text is no longer in the list, and where it
 * moved to otherwise (the anchored index first, when it still holds that text).
 */
export function anchorNow(
  anchor: Pick<Anchor, 'field' | 'item' | 'text'>,
  current: string | string[] | null,
): AnchorNow {
  if (anchor.item === null || !Array.isArray(current)) {
    return { outdated: typeof current !== 'string' || current !== anchor.text, currentItem: null };
  }
  const index = current[anchor.item] === anchor.text ? anchor.item : current.indexOf(anchor.text);
  return index < 0 ? { outdated: true, currentItem: null } : { outdated: false, currentItem: index };
}

/** The longest text each field a suggestion may change takes (as the plan's own edit allows). */
const SUGGESTION_MAX: Record<PlanText | PlanList, number> = {
  title: 200,
  owner: 200,
  budget: 5000,
  objective: 10_000,
  activities: 2000,
  indicators: 2000,
  stakeholders: 2000,
};

/**
 * A suggested change replaces the text of a plan's field, or of one item of its lists: 400 naming
 * `suggestion` on any other anchor (a milestone, none at all) or a text longer than the field takes.
 */
export function assertSuggestionFits(targetType: CommentTargetType, anchor: Anchor | null, text: string): void {
  if (!anchor || targetType !== 'plan' || !(isPlanText(anchor.field) || isListAnchor(anchor.field))) {
    throw invalid('suggestion', 'suggestion needs an anchor on a text field or a list item of the plan');
  }
  const max = SUGGESTION_MAX[anchor.field];
  if (text.length > max)
    throw invalid('suggestion', `suggestion must be at most ${max} characters for ${anchor.field}`);
}

/** The plan's fields as the suggestion would leave them, or a 409 naming the text found there now when it changed meanwhile. */
export function suggestedFields(
  plan: Record<PlanText, string> & Record<PlanList, string[]>,
  anchor: Pick<Anchor, 'field' | 'item' | 'text'>,
  suggestion: string,
): Partial<Record<PlanText, string> & Record<PlanList, string[]>> {
  const changed = (currentText: string | null) =>
    new DomainError('CONFLICT', 'The text this suggestion was written on has changed since; read it again', {
      field: anchor.field,
      item: anchor.item,
      anchoredText: anchor.text,
      currentText,
    });
  if (isPlanText(anchor.field)) {
    if (plan[anchor.field] !== anchor.text) throw changed(plan[anchor.field]);
    return { [anchor.field]: suggestion };
  }
  if (isListAnchor(anchor.field)) {
    const list = plan[anchor.field];
    const { currentItem } = anchorNow(anchor, list);
    if (currentItem === null) throw changed(list[anchor.item ?? -1] ?? null);
    return { [anchor.field]: list.map((t, i) => (i === currentItem ? suggestion : t)) };
  }
  throw new DomainError('CONFLICT', `A suggestion cannot change ${anchor.field}`);
}
