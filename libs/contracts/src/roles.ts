export const PROGRAMME_ROLES = ['coordinator', 'expert', 'city-member'] as const;
/** The role a user holds in a programme, through their membership. */
export type ProgrammeRole = (typeof PROGRAMME_ROLES)[number];

export const ORGANISATION_KINDS = ['city', 'partner', 'network'] as const;
/** A city (local authority), an expert partner organisation, or a network such as EUROCITIES. */
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const WORK_STATUSES = ['planned', 'in-progress', 'done', 'blocked'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];
