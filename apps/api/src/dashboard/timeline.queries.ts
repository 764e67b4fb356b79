import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { TimelinePairDto } from './dto/timeline.dto';

export interface ProgrammeSpanRow {
  startDate: string;
  endDate: string;
}

/** The timeline's reads: one statement each, whatever the number of pairs and milestones. */
@Injectable()
export class TimelineQueries {
  constructor(private readonly em: EntityManager) {}

  span(programmeId: string): Promise<ProgrammeSpanRow[]> {
    return this.all<ProgrammeSpanRow>(
      `select to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"
       from programmes where id = ?`,
      [programmeId],
    );
  }

  /** Every pair with the milestones of its plans (archived plans left out) and their sections' titles. */
  pairs(programmeId: string, today: string): Promise<TimelinePairDto[]> {
    return this.all<TimelinePairDto>(
      `select p.id as "pairId", p.status, mo.name as "mentorName", me.name as "menteeName",
         coalesce(jsonb_agg(jsonb_build_object(
             'milestoneId', m.id, 'title', m.title, 'dueDate', to_char(m.due_date, 'YYYY-MM-DD'), 'status', m.status,
             'late', m.due_date < ?::date and m.status <> 'done',
             'daysLate', case when m.due_date < ?::date and m.status <> 'done' then ?::date - m.due_date else 0 end,
             'planId', a.id, 'planTitle', a.title, 'sectionCodes', a.section_codes,
             'sectionTitles', coalesce((
               select jsonb_agg(s->>'title' order by (s->>'order')::int)
               from benchmarks b cross join jsonb_array_elements(b.document->'sections') s
               where b.code = p.benchmark_code and a.section_codes @> jsonb_build_array(s->>'code')), '[]'))
           order by m.due_date, m.title, m.id) filter (where m.id is not null), '[]') as milestones
       from pairs p
       join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
       left join action_plans a on a.pair_id = p.id and a.state <> 'archived'
       left join milestones m on m.plan_id = a.id
       where p.programme_id = ?
       group by p.id, mo.name, me.name
       order by p.status, me.name, mo.name, p.id`,
      [today, today, today, programmeId],
    );
  }

  private all<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(sql, params);
  }
}
