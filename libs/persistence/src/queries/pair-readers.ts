/**
 * Who can read a mentoring pair, as SQL: the one written form of the rule the api's `PairPolicy.sideOf`
 * decides in code (apps/api/src/pairs/pair.policy.ts). A member of the pair's programme reads it when
 * they are a coordinator or an expert there, or when their organisation is one of the pair's two cities.
 * The installation's admin reads every pair without holding a membership, so never appears here.
 *
 * The arguments are SQL: table aliases (or derived tables built from bound parameters) whose columns are
 * named as in `pairs` (`programme_id`, `mentor_organisation_id`, `mentee_organisation_id`) and in
 * `memberships` (`programme_id`, `role`, `organisation_id`). Every query about a pair's readers — the
 * people a comment may mention, a city's part of the activity feed, the pairs an assessment is read
 * through, the people the worker notifies — builds on these fragments, so the rule changes in one place.
 */

/** The organisation (an SQL expression) is one of the pair's two cities. */
export const pairIncludes = (pair: string, organisationId: string): string =>
  `${organisationId} in (${pair}.mentor_organisation_id, ${pair}.mentee_organisation_id)`;

/** The membership row can read the pair: same programme, and coordinator, expert or one of its cities. */
export const readsPair = (membership: string, pair: string): string =>
  `(${membership}.programme_id = ${pair}.programme_id and (${membership}.role in ('coordinator', 'expert') or ${pairIncludes(pair, `${membership}.organisation_id`)}))`;

/**
 * The side of the pair a membership that reads it (`readsPair`) is on, as `PairPolicy.sideOf` names it:
 * 'coordinator', 'expert', 'mentee' or 'mentor'.
 */
export const pairSideOf = (membership: string, pair: string): string =>
  `case when ${membership}.role = 'coordinator' then 'coordinator' when ${membership}.role = 'expert' then 'expert'
     when ${membership}.organisation_id = ${pair}.mentee_organisation_id then 'mentee'
     when ${membership}.organisation_id = ${pair}.mentor_organisation_id then 'mentor' end`;
