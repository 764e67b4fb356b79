import { diffLists, type ItemChange } from './list-diff';
import { wordDiff, type WordPart } from './word-diff';

/** What a revision records: the plan's fields and its milestones, as submitted. */
export interface PlanSnapshot {
  title: string;
  objective: string;
  sectionCodes: string[];
  gapQuestionCodes: string[];
  activities: string[];
  indicators: string[];
  stakeholders: string[];
  budget: string;
  owner: string;
  milestones: MilestoneSnapshot[];
}

export interface MilestoneSnapshot {
  id: string;
  title: string;
  description: string;
  dueDate: string;
  owner: string;
  status: string;
  /** The plan's gaps it addresses; missing in revisions recorded before milestones named gaps (read as none). */
  gapQuestionCodes?: string[];
}

export type FieldValue = string | string[];

/**
 * How a field is compared: `text` word by word (`words`), `list` item by item (`items`), `value` (a date, a status)
 * as a whole: the client shows those in the reader's language.
 */
export type FieldKind = 'text' | 'list' | 'value';

export interface FieldChange {
  field: string;
  kind: FieldKind;
  /** The whole value before and after (null: the milestone did not exist on that side). */
  before: FieldValue | null;
  after: FieldValue | null;
  /** For a `text` field, the words deleted and inserted; empty for the other kinds. */
  words: WordPart[];
  /** For a `list` field, each item added, removed, changed, moved or the same; empty for the other kinds. */
  items: ItemChange[];
}

export interface MilestoneChange {
  milestoneId: string;
  title: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

export interface PlanDiff {
  fields: FieldChange[];
  milestones: MilestoneChange[];
}

export const PLAN_FIELDS = [
  'title',
  'objective',
  'sectionCodes',
  'gapQuestionCodes',
  'activities',
  'indicators',
  'stakeholders',
  'budget',
  'owner',
] as const;
const MILESTONE_FIELDS = ['title', 'description', 'dueDate', 'owner', 'status', 'gapQuestionCodes'] as const;
type MilestoneField = (typeof MILESTONE_FIELDS)[number];

const VALUE_FIELDS: readonly string[] = ['dueDate', 'status'];
const CODE_FIELDS: readonly string[] = ['sectionCodes', 'gapQuestionCodes'];

const same = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

/** One field's change, with its words (text) or items (list); null on one side when the milestone is new or gone. */
export function fieldChange(field: string, before: FieldValue | null, after: FieldValue | null): FieldChange {
  const value = before ?? after;
  if (Array.isArray(value)) {
    const items = diffLists((before as string[] | null) ?? [], (after as string[] | null) ?? [], {
      codes: CODE_FIELDS.includes(field),
    });
    return { field, kind: 'list', before, after, words: [], items };
  }
  if (VALUE_FIELDS.includes(field)) return { field, kind: 'value', before, after, words: [], items: [] };
  const words = wordDiff((before as string | null) ?? '', (after as string | null) ?? '');
  return { field, kind: 'text', before, after, words, items: [] };
}

function compare<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields
    .filter((f) => !same(before[f] as FieldValue, after[f] as FieldValue))
    .map((field) => fieldChange(field, before[field] as FieldValue, after[field] as FieldValue));
}

const withGaps = (m: MilestoneSnapshot): Required<MilestoneSnapshot> => ({
  ...m,
  gapQuestionCodes: m.gapQuestionCodes ?? [],
});

/**
 * Field by field, what changed from one revision to another: the plan's fields, then milestones added,
 * removed or changed, each field with the words (text fields) or items (lists, see `diffLists`) that changed;
 * dates and statuses keep their raw values. `ignore` leaves milestone fields out of the comparison (see `changesSinceApproval`).
 */
export function diffPlans(
  before: PlanSnapshot,
  after: PlanSnapshot,
  { ignore = [] as readonly MilestoneField[] } = {},
): PlanDiff {
  const fieldsOfMilestones = MILESTONE_FIELDS.filter((f) => !ignore.includes(f));
  const old = new Map(before.milestones.map((m) => [m.id, withGaps(m)]));
  const now = new Map(after.milestones.map((m) => [m.id, m]));
  const milestones: MilestoneChange[] = [];
  for (const m of after.milestones.map(withGaps)) {
    const previous = old.get(m.id);
    if (!previous) {
      milestones.push({
        milestoneId: m.id,
        title: m.title,
        change: 'added',
        fields: fieldsOfMilestones.map((f) => fieldChange(f, null, m[f])),
      });
    } else {
      const fields = compare(previous, m, fieldsOfMilestones);
      if (fields.length) milestones.push({ milestoneId: m.id, title: m.title, change: 'changed', fields });
    }
  }
  for (const m of before.milestones.map(withGaps)) {
    if (!now.has(m.id))
      milestones.push({
        milestoneId: m.id,
        title: m.title,
        change: 'removed',
        fields: fieldsOfMilestones.map((f) => fieldChange(f, m[f], null)),
      });
  }
  return { fields: compare(before, after, PLAN_FIELDS), milestones };
}

/**
 * What the mentee changed in a plan after the mentor approved it: the approved revision against the plan
 * as it is now. Milestone statuses are left out: they move with the work (progress), they do not change
 * what was agreed.
 */
export const changesSinceApproval = (approved: PlanSnapshot, now: PlanSnapshot): PlanDiff =>
  diffPlans(approved, now, { ignore: ['status'] });

/**
 * How a reader names one changed field of a diff to mark it viewed: `field:<plan field>` (`field:objective`) or
 * `milestone:<id>` (a milestone, all its fields together).
 */
export const DIFF_FIELD_KEY = new RegExp(
  `^(field:(${PLAN_FIELDS.join('|')})|milestone:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`,
);

/** The keys of what a diff shows as changed, in the form `DIFF_FIELD_KEY` accepts. */
export const diffFieldKeys = (diff: PlanDiff): string[] => [
  ...diff.fields.map((f) => `field:${f.field}`),
  ...diff.milestones.map((m) => `milestone:${m.milestoneId}`),
];
