import type { ProgrammeRole } from '@citymentor/contracts';
import { todayIso, type ConsortiumMilestone, type Organisation, type Programme } from '@citymentor/domain';
import type { ConsortiumMilestoneDto } from './dto/consortium-milestone.dto';
import type { OrganisationDto, ProgrammeSettingsDto, ProgrammeSummaryDto } from './dto/programme.dto';

export const toOrganisationDto = (o: Organisation): OrganisationDto => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  country: o.country,
});

export const toProgrammeSummary = (p: Programme, myRole: ProgrammeRole | null): ProgrammeSummaryDto => ({
  id: p.id,
  name: p.name,
  description: p.description,
  startDate: p.startDate,
  endDate: p.endDate,
  coordinatorOrganisation: toOrganisationDto(p.coordinatorOrganisation),
  myRole,
  closedAt: p.closedAt?.toISOString() ?? null,
});

export const toProgrammeSettings = (p: Programme): ProgrammeSettingsDto => ({
  reminderDaysBefore: p.reminderDaysBefore,
  escalateAfterDays: p.escalateAfterDays,
  stalledAfterDays: p.stalledAfterDays,
  respondWithinDays: p.respondWithinDays,
});

export const toConsortiumMilestoneDto = (m: ConsortiumMilestone, today = todayIso()): ConsortiumMilestoneDto => ({
  id: m.id,
  programmeId: m.programme.id,
  title: m.title,
  description: m.description,
  dueDate: m.dueDate,
  status: m.status,
  late: m.dueDate < today && m.status !== 'done',
  version: m.version,
});
