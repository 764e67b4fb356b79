import type { PairSide } from '@citymentor/contracts';
import type { PairDto } from './dto/pair.dto';
import type { PairPermissions } from './pair.policy';
import type { PairRow } from './pair.queries';

export const toPairDto = (row: PairRow, mySide: PairSide, can: PairPermissions): PairDto => ({
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
  can,
});
