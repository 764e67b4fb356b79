import type { PairSide, PairStatus } from '@citymentor/contracts';
import type { PairScope } from './pair.policy';
import type { PairDto } from './dto/pair.dto';

/** A pair as the lean read gives it, with both organisations. */
export interface PairRow extends PairScope {
  id: string;
  benchmarkCode: string;
  focusSectionCodes: string[];
  status: PairStatus;
  /** Timestamps come back from raw SQL as text. */
  createdAt: Date | string;
  endedAt: Date | string | null;
  mentorName: string;
  mentorCountry: string;
  menteeName: string;
  menteeCountry: string;
}

export const PAIR_ROW_SQL = `select p.id, p.programme_id as "programmeId", p.benchmark_code as "benchmarkCode", p.focus_section_codes as "focusSectionCodes",
    p.status, p.created_at as "createdAt", p.ended_at as "endedAt",
    p.mentor_organisation_id as "mentorOrganisationId", mo.name as "mentorName", mo.country as "mentorCountry",
    p.mentee_organisation_id as "menteeOrganisationId", me.name as "menteeName", me.country as "menteeCountry"
  from pairs p
  join organisations mo on mo.id = p.mentor_organisation_id
  join organisations me on me.id = p.mentee_organisation_id`;

export const toPairDto = (row: PairRow, mySide: PairSide): PairDto => ({
  id: row.id,
  programmeId: row.programmeId,
  benchmarkCode: row.benchmarkCode,
  mentorOrganisation: { id: row.mentorOrganisationId, name: row.mentorName, country: row.mentorCountry },
  menteeOrganisation: { id: row.menteeOrganisationId, name: row.menteeName, country: row.menteeCountry },
  focusSectionCodes: row.focusSectionCodes,
  status: row.status,
  createdAt: new Date(row.createdAt).toISOString(),
  endedAt: row.endedAt ? new Date(row.endedAt).toISOString() : null,
  mySide,
});
