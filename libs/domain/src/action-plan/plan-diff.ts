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

export interface FieldChange {
  field: string;
  before: FieldValue | null;
  after: FieldValue | null;
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

const PLAN_FIELDS = [
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

const same = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

function compare<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields
    .filter((f) => !same(before[f] as FieldValue, after[f] as FieldValue))
    .map((field) => ({ field, before: before[field] as FieldValue, after: after[field] as FieldValue }));
}

const withGaps = (m: MilestoneSnapshot): Required<MilestoneSnapshot> => ({
  ...m,
  gapQuestionCodes: m.gapQuestionCodes ?? [],
});

/**
 * Field by field, what changed from one revision to another: the plan's fields, then milestones added,
 * removed or changed. `ignore` leaves milestone fields out of the comparison (see `changesSinceApproval`).
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
        fields: fieldsOfMilestones.map((f) => ({ field: f, before: null, after: m[f] })),
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
        fields: fieldsOfMilestones.map((f) => ({ field: f, before: m[f], after: null })),
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
